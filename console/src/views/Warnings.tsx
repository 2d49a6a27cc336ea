// A shop's risk warnings as its merchant sees them: orders held and why, listings paused, claims
// flagged, incidents against the shop. `heldOnly` keeps the held orders.
import { useEffect, useState } from 'react';
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { ok } from '../api/client';
import type { Warning } from '../api/types';
import type { Session } from '../App';
import { DECISION_COLOUR, SEVERITY_COLOUR } from '../components/severity';
import { useI18n } from '../i18n';

export function Warnings({ session, shop, heldOnly = false }: { session: Session; shop: string; heldOnly?: boolean }) {
  const { t } = useI18n();
  const [items, setItems] = useState<Warning[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const load = async (from: string | null, reset: boolean) => {
    setError(null);
    try {
      const page = await ok(session.api.GET('/v1/shops/{shop_id}/warnings', { params: { path: { shop_id: shop }, query: { limit: 100, ...(from ? { cursor: from } : {}) } } }));
      setItems((prev) => (reset ? page.items : [...prev, ...page.items]));
      setCursor(page.next_cursor);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setLoaded(true);
    }
  };
  useEffect(() => { setLoaded(false); void load(null, true); }, [session, shop]);
  const shown = heldOnly ? items.filter((w) => w.source === 'decision' && w.actions.includes('hold_shipment')) : items;
  return (
    <Stack>
      <Title order={3}>{t(heldOnly ? 'warnings.held' : 'warnings.title', { shop })}</Title>
      {error && <Text c="red" data-testid="api-error">{t('common.error', { message: error })}</Text>}
      <Stack gap="sm" data-testid="warnings">
        {shown.map((w) => <WarningCard key={w.id} warning={w} />)}
      </Stack>
      {loaded && !error && shown.length === 0 && <Text c="dimmed">{heldOnly ? t('warnings.noHeld') : t('common.none')}</Text>}
      {cursor && <Button variant="light" onClick={() => void load(cursor, false)}>{t('common.more')}</Button>}
    </Stack>
  );
}

function WarningCard({ warning: w }: { warning: Warning }) {
  const { t, term, time } = useI18n();
  return (
    <Card withBorder padding="sm" data-testid="warning" data-kind={w.kind}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Badge variant="light">{t(w.source === 'decision' ? 'warnings.source.decision' : 'warnings.source.alert')}</Badge>
          <Text fw={600}>{term(w.kind)}</Text>
          {w.source === 'decision'
            ? <Badge color={DECISION_COLOUR[w.decision]}>{term(w.decision)}</Badge>
            : <Badge color={SEVERITY_COLOUR[w.severity]}>{term(w.severity)}</Badge>}
        </Group>
        <Text size="xs" c="dimmed">{time(w.time)}</Text>
      </Group>
      {w.source === 'decision' ? (
        <Stack gap={2} mt={6}>
          {w.order_id && <Text size="sm" data-testid="order">{t('warnings.order', { id: w.order_id })}{w.item_ids?.length ? ` · ${w.item_ids.join(', ')}` : ''}</Text>}
          {w.actions.length > 0 && <Text size="sm">{t('warnings.actions')}: {w.actions.map(term).join(', ')}</Text>}
          {w.reasons.map((r) => <Text key={r.code} size="sm" c="dimmed">{t('warnings.reasons')}: {r.message}</Text>)}
        </Stack>
      ) : (
        <Text size="sm" mt={6}>{w.summary}</Text>
      )}
    </Card>
  );
}
