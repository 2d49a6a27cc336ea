// The alliance (docs/alliance.md) for analysts: publish a confirmed case's signals and revoke them,
// see what partners sent and suppress (or lift the suppression of) a signal, and see how each
// partner's feed is doing. Offered only when the server has an alliance (its routes exist).
import { useState } from 'react';
import { Anchor, Badge, Button, Card, Code, Group, MultiSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ok } from '../api/client';
import type { PartnerStatus, PublishResult, PublishedSignal, ReceivedSignal, SignalKind } from '../api/types';
import type { Session } from '../App';
import { Status } from '../components/Status';
import { useI18n } from '../i18n';
import { href } from '../router';
import { useLoad } from '../use-load';

const KINDS: readonly SignalKind[] = ['device', 'phone', 'payment', 'address', 'handle', 'ip_range', 'shop_registration'];

/** Runs an action with a busy flag, showing the server's message when it refuses. */
function useAction(): { busy: boolean; error: string | null; run: (work: () => Promise<void>) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<void>) => {
    setBusy(true); setError(null);
    try { await work(); } catch (err) { setError(err instanceof Error ? err.message : String(err)); } finally { setBusy(false); }
  };
  return { busy, error, run };
}

export function Alliance({ session, caseId }: { session: Session; caseId?: string }) {
  const { t } = useI18n();
  const published = useLoad(() => ok(session.api.GET('/v1/alliance/signals', { params: { query: { limit: 200 } } })), [session]);
  return (
    <Stack>
      <Title order={3}>{t('alliance.title')}</Title>
      <Text size="sm" c="dimmed">{t('alliance.help')}</Text>
      <Publish session={session} initialCase={caseId ?? ''} onPublished={published.reload} />
      <Title order={4}>{t('alliance.published')}</Title>
      <Status loaded={published}>{(p) => <PublishedTable session={session} items={p.items} onRevoked={published.reload} />}</Status>
      <Received session={session} />
      <Partners session={session} />
    </Stack>
  );
}

function Publish({ session, initialCase, onPublished }: { session: Session; initialCase: string; onPublished: () => void }) {
  const { t, term } = useI18n();
  const [caseId, setCaseId] = useState(initialCase);
  const [kinds, setKinds] = useState<string[]>([]);
  const [result, setResult] = useState<PublishResult | null>(null);
  const action = useAction();
  const publish = () => action.run(async () => {
    const body = { case_id: caseId.trim(), ...(kinds.length ? { kinds: kinds as SignalKind[] } : {}) };
    setResult(await ok(session.api.POST('/v1/alliance/signals', { body })));
    onPublished();
  });
  return (
    <Card withBorder>
      <Title order={5} mb="xs">{t('alliance.publish')}</Title>
      <Group align="end">
        <TextInput label={t('alliance.caseId')} value={caseId} data-testid="alliance-case" onChange={(e) => setCaseId(e.currentTarget.value)} />
        <MultiSelect label={t('alliance.kinds')} data={KINDS.map((k) => ({ value: k, label: term(k) }))} value={kinds} onChange={setKinds} clearable miw={260} />
        <Button loading={action.busy} disabled={!caseId.trim()} data-testid="alliance-publish" onClick={() => void publish()}>{t('alliance.publishButton')}</Button>
      </Group>
      {action.error && <Text c="red" size="sm" mt="xs" data-testid="api-error">{action.error}</Text>}
      {result && (
        <Text size="sm" mt="xs" data-testid="alliance-published">
          {t('alliance.publishedCount', { count: result.published.length, case: result.case_id })}
          {result.skipped.length > 0 && ` · ${t('alliance.skipped')}: ${result.skipped.map((s) => `${term(s.kind)} × ${s.count} (${term(s.reason)})`).join(', ')}`}
        </Text>
      )}
    </Card>
  );
}

function PublishedTable({ session, items, onRevoked }: { session: Session; items: PublishedSignal[]; onRevoked: () => void }) {
  const { t, term, time } = useI18n();
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const revoke = (caseId: string) => action.run(async () => {
    const r = await ok(session.api.POST('/v1/alliance/cases/{case_id}/revoke', { params: { path: { case_id: caseId } } }));
    setDone(t('alliance.revokedCount', { count: r.revoked, case: r.case_id }));
    onRevoked();
  });
  if (items.length === 0) return <Text c="dimmed">{t('common.none')}</Text>;
  // One revoke button per case: a case's signals are revoked together.
  const firstActive = new Set<string>();
  return (
    <Card withBorder p={0}>
      {action.error && <Text c="red" size="sm" p="sm" data-testid="api-error">{action.error}</Text>}
      {done && <Text size="sm" p="sm" data-testid="alliance-revoked">{done}</Text>}
      <Table.ScrollContainer minWidth={820}>
        <Table striped fz="sm" data-testid="alliance-signals">
          <Table.Thead><Table.Tr><Table.Th>{t('alliance.case')}</Table.Th><Table.Th>{t('common.kind')}</Table.Th><Table.Th>{t('alliance.value')}</Table.Th>
            <Table.Th>{t('alliance.abuse')}</Table.Th><Table.Th>{t('alliance.status')}</Table.Th><Table.Th>{t('alliance.expires')}</Table.Th>
            <Table.Th>{t('alliance.publishedAt')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>{items.map((s) => {
            const offer = s.status === 'active' && !firstActive.has(s.caseId);
            if (offer) firstActive.add(s.caseId);
            return (
              <Table.Tr key={s.id} data-case={s.caseId}>
                <Table.Td><Anchor href={href(['cases', s.caseId])}>{s.caseId}</Anchor></Table.Td>
                <Table.Td>{term(s.kind)}</Table.Td>
                <Table.Td><Code>{s.value}</Code></Table.Td>
                <Table.Td>{term(s.abuse)}</Table.Td>
                <Table.Td><Badge variant="light" color={s.status === 'active' ? 'green' : 'gray'}>{term(s.status)}</Badge></Table.Td>
                <Table.Td>{time(s.expires_at)}</Table.Td>
                <Table.Td><Text size="xs">{time(s.publishedAt)}</Text><Text size="xs" c="dimmed">{s.publishedBy}</Text></Table.Td>
                <Table.Td>{offer && <Button size="xs" variant="subtle" color="red" loading={action.busy} data-testid="alliance-revoke"
                  onClick={() => void revoke(s.caseId)}>{t('alliance.revoke')}</Button>}</Table.Td>
              </Table.Tr>
            );
          })}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** Suppressed now: the last suppressed span is still open. */
const suppressedNow = (s: ReceivedSignal): boolean => s.suppressed.length > 0 && s.suppressed[s.suppressed.length - 1]!.to === undefined;

function Received({ session }: { session: Session }) {
  const { t, term, time, num } = useI18n();
  const received = useLoad(() => ok(session.api.GET('/v1/alliance/received')), [session]);
  const action = useAction();
  const suppress = (id: string, suppressed: boolean) => action.run(async () => {
    await ok(session.api.POST('/v1/alliance/received/{id}/suppression', { params: { path: { id } }, body: { suppressed } }));
    received.reload();
  });
  return (
    <>
      <Title order={4}>{t('alliance.received')}</Title>
      {action.error && <Text c="red" size="sm" data-testid="api-error">{action.error}</Text>}
      <Status loaded={received}>{(r) => r.items.length === 0 ? <Text c="dimmed">{t('common.none')}</Text> : (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={820}>
            <Table striped fz="sm" data-testid="alliance-received">
              <Table.Thead><Table.Tr><Table.Th>{t('alliance.partner')}</Table.Th><Table.Th>{t('common.kind')}</Table.Th><Table.Th>{t('alliance.abuse')}</Table.Th>
                <Table.Th>{t('alliance.confidence')}</Table.Th><Table.Th>{t('alliance.status')}</Table.Th><Table.Th>{t('alliance.inForce')}</Table.Th>
                <Table.Th>{t('alliance.expires')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
              <Table.Tbody>{r.items.map((s) => {
                const off = suppressedNow(s);
                return (
                  <Table.Tr key={s.id} data-signal={s.id}>
                    <Table.Td>{s.partner}</Table.Td>
                    <Table.Td>{term(s.kind)}</Table.Td>
                    <Table.Td>{term(s.abuse)}</Table.Td>
                    <Table.Td>{num(s.confidence)}</Table.Td>
                    <Table.Td><Badge variant="light" color={s.status === 'active' ? 'green' : 'gray'}>{term(s.status)}</Badge>
                      {off && <Badge variant="light" color="orange" ml={4}>{t('alliance.suppressedNow')}</Badge>}</Table.Td>
                    <Table.Td>{s.inForceNow ? t('alliance.yes') : t('alliance.no')}</Table.Td>
                    <Table.Td>{time(s.expiresAt)}</Table.Td>
                    <Table.Td><Button size="xs" variant="subtle" color={off ? 'blue' : 'orange'} loading={action.busy} data-testid={off ? 'alliance-lift' : 'alliance-suppress'}
                      onClick={() => void suppress(s.id, !off)}>{off ? t('alliance.lift') : t('alliance.suppress')}</Button></Table.Td>
                  </Table.Tr>
                );
              })}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}</Status>
    </>
  );
}

function Partners({ session }: { session: Session }) {
  const { t, term, time, num } = useI18n();
  const partners = useLoad(() => ok(session.api.GET('/v1/alliance/partners')), [session]);
  const action = useAction();
  const pull = (name: string) => action.run(async () => {
    await ok(session.api.POST('/v1/alliance/partners/{name}/pull', { params: { path: { name } } }));
    partners.reload();
  });
  const color = (p: PartnerStatus) => (p.state === 'ok' ? 'green' : p.state === 'failing' ? 'red' : 'gray');
  return (
    <>
      <Title order={4}>{t('alliance.partners')}</Title>
      {action.error && <Text c="red" size="sm" data-testid="api-error">{action.error}</Text>}
      <Status loaded={partners}>{(r) => r.items.length === 0 ? <Text c="dimmed">{t('common.none')}</Text> : (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={900}>
            <Table striped fz="sm" data-testid="alliance-partners">
              <Table.Thead><Table.Tr><Table.Th>{t('alliance.partner')}</Table.Th><Table.Th>{t('alliance.state')}</Table.Th><Table.Th>{t('alliance.trust')}</Table.Th>
                <Table.Th>{t('alliance.lastSuccess')}</Table.Th><Table.Th>{t('alliance.failures')}</Table.Th><Table.Th>{t('alliance.lastError')}</Table.Th>
                <Table.Th>{t('alliance.nextAttempt')}</Table.Th><Table.Th>{t('alliance.applied')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
              <Table.Tbody>{r.items.map((p) => (
                <Table.Tr key={p.partner} data-partner={p.partner}>
                  <Table.Td><Text size="sm">{p.partner}</Text><Text size="xs" c="dimmed">{p.url}</Text></Table.Td>
                  <Table.Td><Badge variant="light" color={color(p)}>{term(p.state)}</Badge></Table.Td>
                  <Table.Td>{num(p.trust)}</Table.Td>
                  <Table.Td>{p.lastSuccessAt ? time(p.lastSuccessAt) : '–'}</Table.Td>
                  <Table.Td>{p.consecutiveFailures}</Table.Td>
                  <Table.Td>{p.lastError ? <Text size="xs" c="red">{p.lastError.outcome}: {p.lastError.message}</Text> : '–'}</Table.Td>
                  <Table.Td>{p.nextAttemptAt ? time(p.nextAttemptAt) : '–'}</Table.Td>
                  <Table.Td>{p.applied}</Table.Td>
                  <Table.Td><Button size="xs" variant="subtle" loading={action.busy} data-testid="alliance-pull" onClick={() => void pull(p.partner)}>{t('alliance.pull')}</Button></Table.Td>
                </Table.Tr>
              ))}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}</Status>
    </>
  );
}
