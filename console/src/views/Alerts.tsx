// The alert queue: newest first, filtered by kind and first-seen time, paged by the API's cursor.
import { useEffect, useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ok } from '../api/client';
import type { Alert, AlertKind } from '../api/types';
import type { Session } from '../App';
import { SEVERITY_COLOUR } from '../components/severity';
import { useI18n } from '../i18n';
import { href, navigate } from '../router';

export const ALERT_KINDS = ['reverse_brushing', 'brushing', 'refund_abuse', 'promo_abuse', 'scalping', 'price_error', 'malicious_claim', 'harassment', 'review_manipulation'];

export function Alerts({ session, kind, since }: { session: Session; kind?: string; since?: string }) {
  const { t, term, time, num } = useI18n();
  const [items, setItems] = useState<Alert[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sinceText, setSinceText] = useState(since ?? '');
  const load = async (from: string | null, reset: boolean) => {
    setError(null);
    try {
      const query = { limit: 50, ...(kind ? { kind: kind as AlertKind } : {}), ...(since ? { since } : {}), ...(from ? { cursor: from } : {}) };
      const page = await ok(session.api.GET('/v1/alerts', { params: { query } }));
      setItems((prev) => (reset ? page.items : [...prev, ...page.items]));
      setCursor(page.next_cursor);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  useEffect(() => { void load(null, true); }, [session, kind, since]);
  return (
    <Stack>
      <Title order={3}>{t('alerts.title')}</Title>
      <Group align="end" wrap="wrap">
        <Select label={t('alerts.filterKind')} data={[{ value: '', label: t('common.all') }, ...ALERT_KINDS.map((k) => ({ value: k, label: term(k) }))]}
          value={kind ?? ''} onChange={(v) => navigate(['alerts'], { kind: v || undefined, since })} allowDeselect={false} w={220} data-testid="filter-kind" />
        <TextInput label={t('alerts.filterSince')} value={sinceText} onChange={(e) => setSinceText(e.currentTarget.value)} w={320}
          onKeyDown={(e) => { if (e.key === 'Enter') navigate(['alerts'], { kind, since: sinceText || undefined }); }} />
        <Button variant="light" onClick={() => navigate(['alerts'], { kind, since: sinceText || undefined })}>{t('common.go')}</Button>
      </Group>
      {error && <Text c="red" data-testid="api-error">{t('common.error', { message: error })}</Text>}
      <Card withBorder p={0}>
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover data-testid="alert-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('common.time')}</Table.Th><Table.Th>{t('common.kind')}</Table.Th><Table.Th>{t('common.severity')}</Table.Th>
                <Table.Th>{t('common.accounts')}</Table.Th><Table.Th>{t('common.orders')}</Table.Th><Table.Th>{t('common.summary')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id} data-kind={a.kind}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{time(a.time)}</Table.Td>
                  <Table.Td><Anchor href={href(['alerts', a.id])} data-testid={`open-${a.kind}`}>{term(a.kind)}</Anchor></Table.Td>
                  <Table.Td><Badge color={SEVERITY_COLOUR[a.severity]}>{term(a.severity)}</Badge></Table.Td>
                  <Table.Td>{num(a.subjects.accounts.length)}</Table.Td>
                  <Table.Td>{num(a.subjects.orders.length)}</Table.Td>
                  <Table.Td><Text size="sm" lineClamp={2}>{a.summary}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {items.length === 0 && !error && <Text c="dimmed">{t('common.none')}</Text>}
      {cursor && <Button variant="light" onClick={() => void load(cursor, false)}>{t('common.more')}</Button>}
    </Stack>
  );
}
