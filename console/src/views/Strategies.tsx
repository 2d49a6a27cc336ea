// A merchant's strategy editor: scalper guards per launch (limits per account and per linked group,
// minimum account age, vague addresses, orders per door, the action) and the price guard for the
// shop and per item. Saving replaces the whole document; a refused one lists each problem with its
// path and changes nothing. The versions below say who changed what, when.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Table, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { ApiError, ok } from '../api/client';
import type { ShopStrategies, StrategiesAnswer } from '../api/types';
import type { Session } from '../App';
import { Status } from '../components/Status';
import { useI18n } from '../i18n';
import { useLoad } from '../use-load';

type Guard = NonNullable<ShopStrategies['scalper_guards']>[number];
type PriceGuard = NonNullable<ShopStrategies['price_guard']>;
type ItemRule = NonNullable<PriceGuard['items']>[string];
const ACTIONS = ['deny', 'limit_quantity', 'review'] as const;

/** Drops the fields left empty: the document refuses unknown fields and treats absent ones as "no limit". */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))) as T;
}

export function Strategies({ session, shop }: { session: Session; shop: string }) {
  const current = useLoad(() => ok(session.api.GET('/v1/shops/{shop_id}/strategies', { params: { path: { shop_id: shop } } })), [session, shop]);
  return <Status loaded={current}>{(a) => <Editor session={session} shop={shop} answer={a} onSaved={current.reload} />}</Status>;
}

function Editor({ session, shop, answer, onSaved }: { session: Session; shop: string; answer: StrategiesAnswer; onSaved: () => void }) {
  const { t, time } = useI18n();
  const [guards, setGuards] = useState<Guard[]>(answer.strategies.scalper_guards ?? []);
  const [price, setPrice] = useState<PriceGuard>(answer.strategies.price_guard ?? {});
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Array<{ path: string; message: string }>>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  useEffect(() => {
    setGuards(answer.strategies.scalper_guards ?? []);
    setPrice(answer.strategies.price_guard ?? {});
  }, [answer]);
  const setGuard = (i: number, g: Guard) => setGuards(guards.map((x, j) => (j === i ? g : x)));
  const save = async () => {
    setBusy(true); setProblems([]); setError(null); setSaved(null);
    const items = Object.fromEntries(Object.entries(price.items ?? {}).map(([k, v]) => [k, clean(v)]));
    const doc: ShopStrategies = clean({
      scalper_guards: guards.map((g) => clean(g)),
      price_guard: clean({ ...price, items: Object.keys(items).length ? items : undefined }),
    });
    try {
      const next = await ok(session.api.PUT('/v1/shops/{shop_id}/strategies', { params: { path: { shop_id: shop } }, body: doc }));
      setSaved(next.version);
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.problems.length) setProblems(err.problems);
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>{t('strategies.title', { shop })}</Title>
        <Text size="sm" c="dimmed" data-testid="strategy-version">
          {answer.version === 0 ? t('strategies.none') : t('strategies.version', { version: answer.version, time: time(answer.changed_at ?? '') })}
        </Text>
      </Group>
      <Text size="sm">{t('strategies.help')}</Text>
      <Title order={4}>{t('strategies.scalper')}</Title>
      {guards.map((g, i) => <GuardCard key={i} guard={g} onChange={(x) => setGuard(i, x)} onRemove={() => setGuards(guards.filter((_, j) => j !== i))} index={i} />)}
      <Group><Button variant="light" data-testid="add-guard" onClick={() => setGuards([...guards, { id: `guard-${guards.length + 1}`, item_ids: [], action: 'deny' }])}>{t('strategies.addGuard')}</Button></Group>
      <Title order={4}>{t('strategies.price')}</Title>
      <PriceCard price={price} defaults={answer.price_guard_defaults} onChange={setPrice} />
      {problems.length > 0 && (
        <Alert color="red" title={t('strategies.refused')} data-testid="strategy-problems">
          {problems.map((p) => <Text key={p.path + p.message} size="sm"><b>{p.path}</b>: {p.message}</Text>)}
        </Alert>
      )}
      {error && <Text c="red" data-testid="api-error">{t('common.error', { message: error })}</Text>}
      <Group>
        <Button onClick={() => void save()} loading={busy} data-testid="save-strategies">{t('strategies.save')}</Button>
        {saved !== null && <Text c="green" size="sm" data-testid="strategies-saved">{t('strategies.saved', { version: saved })}</Text>}
      </Group>
      <Versions session={session} shop={shop} version={answer.version} />
    </Stack>
  );
}

function GuardCard({ guard: g, index, onChange, onRemove }: { guard: Guard; index: number; onChange: (g: Guard) => void; onRemove: () => void }) {
  const { t, term } = useI18n();
  const n = (v: string | number) => (v === '' ? undefined : Number(v));
  return (
    <Card withBorder data-testid="guard" data-index={index}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <TextInput label={t('strategies.guardId')} value={g.id} onChange={(e) => onChange({ ...g, id: e.currentTarget.value })} data-testid="guard-id" />
        <TagsInput label={t('strategies.items')} description={t('strategies.itemsHelp')} value={g.item_ids} onChange={(v) => onChange({ ...g, item_ids: v })} data-testid="guard-items" />
        <Select label={t('strategies.action')} value={g.action ?? 'deny'} allowDeselect={false} data={ACTIONS.map((a) => ({ value: a, label: term(a) }))}
          onChange={(v) => onChange({ ...g, action: (v ?? 'deny') as Guard['action'] })} data-testid="guard-action" />
        <NumberInput label={t('strategies.perAccount')} min={1} value={g.per_account_limit ?? ''} onChange={(v) => onChange({ ...g, per_account_limit: n(v) })} data-testid="guard-per-account" />
        <NumberInput label={t('strategies.perGroup')} description={t('strategies.perGroupHelp')} min={1} value={g.per_group_limit ?? ''} onChange={(v) => onChange({ ...g, per_group_limit: n(v) })} data-testid="guard-per-group" />
        <NumberInput label={t('strategies.minAge')} min={0} value={g.min_account_age_days ?? ''} onChange={(v) => onChange({ ...g, min_account_age_days: n(v) })} />
        <NumberInput label={t('strategies.perAddress')} min={1} value={g.max_orders_per_address ?? ''} onChange={(v) => onChange({ ...g, max_orders_per_address: n(v) })} />
        <TextInput label={t('strategies.startsAt')} placeholder="2026-11-11T20:00:00.000Z" value={g.starts_at ?? ''} onChange={(e) => onChange({ ...g, starts_at: e.currentTarget.value || undefined })} />
        <TextInput label={t('strategies.endsAt')} placeholder="2026-11-12T00:00:00.000Z" value={g.ends_at ?? ''} onChange={(e) => onChange({ ...g, ends_at: e.currentTarget.value || undefined })} />
      </SimpleGrid>
      <Group justify="space-between" mt="sm">
        <Switch label={t('strategies.noVague')} checked={g.no_vague_addresses ?? false} onChange={(e) => onChange({ ...g, no_vague_addresses: e.currentTarget.checked || undefined })} />
        <Button size="xs" variant="subtle" color="red" onClick={onRemove}>{t('strategies.remove')}</Button>
      </Group>
    </Card>
  );
}

function PriceCard({ price, defaults, onChange }: { price: PriceGuard; defaults: StrategiesAnswer['price_guard_defaults']; onChange: (p: PriceGuard) => void }) {
  const { t } = useI18n();
  const [item, setItem] = useState('');
  const n = (v: string | number) => (v === '' ? undefined : Number(v));
  const items = Object.entries(price.items ?? {});
  const setItemRule = (id: string, r: ItemRule | undefined) => {
    const next = { ...(price.items ?? {}) };
    if (r) next[id] = r; else delete next[id];
    onChange({ ...price, items: next });
  };
  return (
    <Card withBorder>
      <Stack>
        <Switch label={t('strategies.priceOn')} checked={price.enabled ?? true} onChange={(e) => onChange({ ...price, enabled: e.currentTarget.checked ? undefined : false })} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label={t('strategies.warnBelow')} suffix="%" min={1} max={99} placeholder={t('strategies.default', { value: defaults.warn_below_pct })}
            value={price.warn_below_pct ?? ''} onChange={(v) => onChange({ ...price, warn_below_pct: n(v) })} />
          <NumberInput label={t('strategies.stopBelow')} description={t('strategies.stopHelp')} suffix="%" min={1} max={99} placeholder={t('strategies.default', { value: defaults.stop_loss_below_pct })}
            value={price.stop_loss_below_pct ?? ''} onChange={(v) => onChange({ ...price, stop_loss_below_pct: n(v) })} />
        </SimpleGrid>
        <Text size="sm" fw={600}>{t('strategies.perItem')}</Text>
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={520}>
            <Table>
              <Table.Thead><Table.Tr><Table.Th>{t('common.items')}</Table.Th><Table.Th>{t('strategies.on')}</Table.Th><Table.Th>{t('strategies.warnBelow')}</Table.Th><Table.Th>{t('strategies.stopBelow')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
              <Table.Tbody>
                {items.map(([id, r]) => (
                  <Table.Tr key={id}>
                    <Table.Td>{id}</Table.Td>
                    <Table.Td><Switch checked={r.enabled ?? true} onChange={(e) => setItemRule(id, { ...r, enabled: e.currentTarget.checked ? undefined : false })} /></Table.Td>
                    <Table.Td><NumberInput size="xs" suffix="%" min={1} max={99} value={r.warn_below_pct ?? ''} onChange={(v) => setItemRule(id, { ...r, warn_below_pct: n(v) })} /></Table.Td>
                    <Table.Td><NumberInput size="xs" suffix="%" min={1} max={99} value={r.stop_loss_below_pct ?? ''} onChange={(v) => setItemRule(id, { ...r, stop_loss_below_pct: n(v) })} /></Table.Td>
                    <Table.Td><Button size="xs" variant="subtle" color="red" onClick={() => setItemRule(id, undefined)}>{t('strategies.remove')}</Button></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group align="end">
          <TextInput label={t('strategies.itemId')} value={item} onChange={(e) => setItem(e.currentTarget.value)} />
          <Button variant="light" disabled={!item.trim()} onClick={() => { setItemRule(item.trim(), {}); setItem(''); }}>{t('strategies.addItem')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Versions({ session, shop, version }: { session: Session; shop: string; version: number }) {
  const { t, time } = useI18n();
  const versions = useLoad(() => ok(session.api.GET('/v1/shops/{shop_id}/strategies/versions', { params: { path: { shop_id: shop }, query: { limit: 20 } } })), [session, shop, version]);
  return (
    <Card withBorder>
      <Title order={5} mb="xs">{t('strategies.history')}</Title>
      <Status loaded={versions}>{(v) => (v.items.length === 0 ? <Text size="sm" c="dimmed">{t('common.none')}</Text> : (
        <Table fz="sm">
          <Table.Tbody>
            {v.items.map((x) => (
              <Table.Tr key={x.version}>
                <Table.Td>v{x.version}</Table.Td><Table.Td>{time(x.changed_at)}</Table.Td><Table.Td>{x.changed_by}</Table.Td>
                <Table.Td>{t('strategies.guards', { count: x.strategies.scalper_guards?.length ?? 0 })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ))}</Status>
    </Card>
  );
}
