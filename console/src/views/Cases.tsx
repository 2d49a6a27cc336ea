// The case queue: most severe first, then most money at stake (the API's queue order), filtered by
// kind, status, severity and shop, paged by the API's cursor.
import { useEffect, useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ok } from '../api/client';
import type { AnyCase, CaseQuery } from '../api/types';
import type { Session } from '../App';
import { yuan } from '../components/money';
import { SEVERITY_COLOUR, STATUS_COLOUR } from '../components/severity';
import { useI18n } from '../i18n';
import { href, navigate } from '../router';
import { ALERT_KINDS } from './Alerts';

export const CASE_STATUSES = ['open', 'confirmed', 'dismissed'] as const;
const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
const FILTERS = ['kind', 'status', 'severity', 'shop', 'order'] as const;
export type CaseFilters = Partial<Record<(typeof FILTERS)[number], string>>;

export function Cases({ session, filters }: { session: Session; filters: CaseFilters }) {
  const { t, term, time, num, lang } = useI18n();
  const [items, setItems] = useState<AnyCase[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [shopText, setShopText] = useState(filters.shop ?? '');
  const key = JSON.stringify(filters);
  const load = async (from: string | null, reset: boolean) => {
    setError(null);
    try {
      const query = {
        limit: 50, ...(filters.kind ? { kind: filters.kind as CaseQuery['kind'] } : {}), ...(filters.status ? { status: filters.status as CaseQuery['status'] } : {}),
        ...(filters.severity ? { severity: filters.severity as CaseQuery['severity'] } : {}), ...(filters.shop ? { shop: filters.shop } : {}),
        order: (filters.order === 'newest' ? 'newest' : 'queue') as CaseQuery['order'], ...(from ? { cursor: from } : {}),
      } satisfies CaseQuery;
      const page = await ok(session.api.GET('/v1/cases', { params: { query } }));
      setItems((prev) => (reset ? page.items : [...prev, ...page.items]));
      setCursor(page.next_cursor);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setLoaded(true);
    }
  };
  useEffect(() => { setLoaded(false); void load(null, true); }, [session, key]);
  const go = (change: CaseFilters) => navigate(['cases'], { ...filters, ...change });
  const pick = (name: 'kind' | 'status' | 'severity', values: readonly string[]) => (
    <Select label={t(`cases.filter.${name}`)} w={180} allowDeselect={false} value={filters[name] ?? ''} data-testid={`case-filter-${name}`}
      data={[{ value: '', label: t('common.all') }, ...values.map((v) => ({ value: v, label: term(v) }))]}
      onChange={(v) => go({ [name]: v || undefined })} />
  );
  return (
    <Stack>
      <Title order={3}>{t('cases.title')}</Title>
      <Group align="end" wrap="wrap">
        {pick('kind', ALERT_KINDS)}
        {pick('status', CASE_STATUSES)}
        {pick('severity', SEVERITIES)}
        <TextInput label={t('cases.filter.shop')} w={160} value={shopText} onChange={(e) => setShopText(e.currentTarget.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') go({ shop: shopText.trim() || undefined }); }} />
        <Select label={t('cases.filter.order')} w={200} allowDeselect={false} value={filters.order === 'newest' ? 'newest' : 'queue'}
          data={[{ value: 'queue', label: t('cases.order.queue') }, { value: 'newest', label: t('cases.order.newest') }]}
          onChange={(v) => go({ order: v === 'newest' ? 'newest' : undefined })} />
        <Button variant="light" onClick={() => go({ shop: shopText.trim() || undefined })}>{t('common.go')}</Button>
      </Group>
      {error && <Text c="red" data-testid="api-error">{t('common.error', { message: error })}</Text>}
      <Card withBorder p={0}>
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover data-testid="case-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('common.severity')}</Table.Th><Table.Th>{t('common.kind')}</Table.Th><Table.Th>{t('cases.atStake')}</Table.Th>
                <Table.Th>{t('common.orders')}</Table.Th><Table.Th>{t('cases.status')}</Table.Th><Table.Th>{t('cases.opened')}</Table.Th>
                <Table.Th>{t('common.summary')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id} data-kind={c.kind}>
                  <Table.Td><Badge color={SEVERITY_COLOUR[c.severity]}>{term(c.severity)}</Badge></Table.Td>
                  <Table.Td><Anchor href={href(['cases', c.id])} data-testid={`open-case-${c.kind}`}>{term(c.kind)}</Anchor></Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{'at_stake_fen' in c ? yuan(c.at_stake_fen as number, lang === 'zh' ? 'zh-CN' : 'en-GB') : '–'}</Table.Td>
                  <Table.Td>{num(c.order_count)}</Table.Td>
                  <Table.Td><Badge variant="light" color={STATUS_COLOUR[c.status]}>{term(c.status)}</Badge>{'assignee' in c && typeof c.assignee === 'string' ? <Text size="xs">{c.assignee}</Text> : null}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{time(c.opened)}</Table.Td>
                  <Table.Td><Text size="sm" lineClamp={2}>{c.summary}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {loaded && items.length === 0 && !error && <Text c="dimmed">{t('common.none')}</Text>}
      {cursor && <Button variant="light" onClick={() => void load(cursor, false)}>{t('common.more')}</Button>}
    </Stack>
  );
}

/** The filters of the queue, read from the route's query. */
export function caseFilters(query: URLSearchParams): CaseFilters {
  const out: CaseFilters = {};
  for (const f of FILTERS) { const v = query.get(f); if (v) out[f] = v; }
  return out;
}
