// What a merchant has filed and where it stands: its reports (abnormal orders, malicious claims,
// harassment ...) with their review deadline and case, and its appeals of sanctions with their
// outcome. A merchant files a new report here too; analysts see every one of their tenant and
// decide the appeals still pending and the complaints no case decides.
import { useState } from 'react';
import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { ok } from '../api/client';
import type { Session } from '../App';
import { STATUS_COLOUR } from '../components/severity';
import { Status } from '../components/Status';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/messages';
import { useLoad } from '../use-load';

const REPORT_KINDS = ['abnormal_orders', 'malicious_claim', 'harassment', 'extortion', 'counterfeit', 'other'] as const;

export function Appeals({ session }: { session: Session }) {
  const { t, term, time } = useI18n();
  const reports = useLoad(() => ok(session.api.GET('/v1/complaints', { params: { query: { limit: 100 } } })), [session]);
  const appeals = useLoad(() => ok(session.api.GET('/v1/appeals', { params: { query: { limit: 100 } } })), [session]);
  const analyst = session.me.role === 'analyst' || session.me.role === 'admin';
  return (
    <Stack>
      <Title order={3}>{t('appeals.title')}</Title>
      {session.me.role === 'merchant' && <FileReport session={session} onFiled={reports.reload} />}
      <Card withBorder>
        <Title order={5} mb="xs">{t('appeals.reports')}</Title>
        <Status loaded={reports}>{(r) => (r.items.length === 0 ? <Text size="sm" c="dimmed">{t('common.none')}</Text> : (
          <Table.ScrollContainer minWidth={640}>
            <Table data-testid="reports" fz="sm">
              <Table.Thead><Table.Tr><Table.Th>ID</Table.Th><Table.Th>{t('common.kind')}</Table.Th><Table.Th>{t('appeals.against')}</Table.Th>
                <Table.Th>{t('appeals.filed')}</Table.Th><Table.Th>{t('appeals.deadline')}</Table.Th><Table.Th>{t('cases.status')}</Table.Th>
                {analyst && <Table.Th>{t('appeals.decide')}</Table.Th>}</Table.Tr></Table.Thead>
              <Table.Tbody>
                {r.items.map((c) => (
                  <Table.Tr key={c.id} data-id={c.id} data-status={c.status}>
                    <Table.Td>{c.id}</Table.Td><Table.Td>{term(c.kind)}</Table.Td><Table.Td>{c.against_id}</Table.Td>
                    <Table.Td>{time(c.filed_at)}</Table.Td><Table.Td>{time(c.review_deadline)}</Table.Td>
                    <Table.Td><Badge color={STATUS_COLOUR[c.status]}>{term(c.status)}</Badge></Table.Td>
                    {analyst && <Table.Td>{c.case_id ? <Text size="xs" c="dimmed">{t('appeals.byCase', { id: c.case_id })}</Text>
                      : c.status === 'upheld' || c.status === 'rejected' ? null
                        : <Decide outcomes={['upheld', 'rejected']} testId={`decide-${c.id}`} onDecide={async (outcome, note) => {
                          await ok(session.api.POST('/v1/complaints/{id}/decision', { params: { path: { id: c.id } }, body: { outcome, note } }));
                          reports.reload();
                        }} />}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}</Status>
      </Card>
      <Card withBorder>
        <Title order={5} mb="xs">{t('appeals.appeals')}</Title>
        <Status loaded={appeals}>{(a) => (a.items.length === 0 ? <Text size="sm" c="dimmed">{t('common.none')}</Text> : (
          <Table.ScrollContainer minWidth={640}>
            <Table data-testid="appeals" fz="sm">
              <Table.Thead><Table.Tr><Table.Th>ID</Table.Th><Table.Th>{t('appeals.sanction')}</Table.Th><Table.Th>{t('appeals.filed')}</Table.Th>
                <Table.Th>{t('appeals.reason')}</Table.Th><Table.Th>{t('cases.status')}</Table.Th>
                {analyst && <Table.Th>{t('appeals.decide')}</Table.Th>}</Table.Tr></Table.Thead>
              <Table.Tbody>
                {a.items.map((x) => (
                  <Table.Tr key={x.id} data-id={x.id} data-status={x.status}>
                    <Table.Td>{x.id}</Table.Td><Table.Td>{x.sanction_id}</Table.Td><Table.Td>{time(x.filed_at)}</Table.Td>
                    <Table.Td><Text size="sm" lineClamp={2}>{x.reason}</Text></Table.Td>
                    <Table.Td><Badge color={STATUS_COLOUR[x.status]}>{term(x.status)}</Badge></Table.Td>
                    {analyst && <Table.Td>{x.status !== 'pending' ? null
                      : <Decide outcomes={['upheld', 'reversed']} testId={`decide-${x.id}`} onDecide={async (outcome, note) => {
                        await ok(session.api.POST('/v1/appeals/{id}/decision', { params: { path: { id: x.id } }, body: { outcome, note } }));
                        appeals.reload();
                      }} />}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}</Status>
      </Card>
    </Stack>
  );
}

/** A note and one button per outcome; the server's refusal is shown under the note. */
function Decide<O extends string>({ outcomes, testId, onDecide }: { outcomes: readonly O[]; testId: string; onDecide: (outcome: O, note: string) => Promise<void> }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (outcome: O) => {
    setBusy(true); setError(null);
    try {
      await onDecide(outcome, note.trim());
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap={4} wrap="nowrap" data-testid={testId}>
      <TextInput size="xs" placeholder={t('appeals.decisionNote')} value={note} error={error} data-testid={`${testId}-note`}
        onChange={(e) => setNote(e.currentTarget.value)} />
      {outcomes.map((o) => (
        <Button key={o} size="xs" variant="light" color={o === 'upheld' ? 'blue' : 'orange'} loading={busy} disabled={!note.trim()}
          data-testid={`${testId}-${o}`} onClick={() => void decide(o)}>{t(`decide.${o}` as MessageKey)}</Button>
      ))}
    </Group>
  );
}

function FileReport({ session, onFiled }: { session: Session; onFiled: () => void }) {
  const { t, term } = useI18n();
  const [kind, setKind] = useState<(typeof REPORT_KINDS)[number]>('abnormal_orders');
  const [against, setAgainst] = useState('');
  const [orders, setOrders] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const file = async () => {
    setBusy(true); setError(null);
    try {
      const orderIds = orders.split(/[\s,，]+/).filter(Boolean);
      await ok(session.api.POST('/v1/complaints', { body: {
        complaint_id: `rpt_${Date.now().toString(36)}`, against_id: against.trim(), kind,
        ...(orderIds.length ? { order_ids: orderIds } : {}), ...(text.trim() ? { text: text.trim() } : {}),
      } }));
      setAgainst(''); setOrders(''); setText('');
      onFiled();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder>
      <Title order={5} mb="xs">{t('appeals.file')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select label={t('common.kind')} value={kind} allowDeselect={false} data={REPORT_KINDS.map((k) => ({ value: k, label: term(k) }))}
          onChange={(v) => setKind((v ?? 'abnormal_orders') as typeof kind)} />
        <TextInput label={t('appeals.against')} description={t('appeals.againstHelp')} value={against} data-testid="report-against" onChange={(e) => setAgainst(e.currentTarget.value)} />
        <TextInput label={t('appeals.orders')} value={orders} onChange={(e) => setOrders(e.currentTarget.value)} />
      </SimpleGrid>
      <Textarea mt="xs" label={t('appeals.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} error={error} />
      <Group mt="xs"><Button loading={busy} disabled={!against.trim()} data-testid="report-submit" onClick={() => void file()}>{t('appeals.submit')}</Button></Group>
    </Card>
  );
}
