// One alert: what it says, the incident's timeline on its item against the item's baseline, the
// ring of linked accounts behind it, the accounts it names and its evidence.
import { useMemo } from 'react';
import { Anchor, Badge, Card, Code, Group, ScrollArea, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ok } from '../api/client';
import type { Alert, AlertLinks, ItemActivity } from '../api/types';
import type { Session } from '../App';
import { EChart, bucketLabels, type ChartOption } from '../components/EChart';
import { LinkGraph } from '../components/LinkGraph';
import { clustersToGraph } from '../components/graph-model';
import { Status } from '../components/Status';
import { SEVERITY_COLOUR } from '../components/severity';
import { useI18n } from '../i18n';
import { href } from '../router';
import { useLoad } from '../use-load';

const HOUR_MS = 3_600_000;
/** Accounts listed on the page; the graph and the API have them all. */
const LISTED = 200;

export function AlertView({ session, id }: { session: Session; id: string }) {
  const alert = useLoad(() => ok(session.api.GET('/v1/alerts/{id}', { params: { path: { id } } })), [session, id]);
  return <Status loaded={alert}>{(a) => <AlertBody session={session} alert={a} />}</Status>;
}

function AlertBody({ session, alert }: { session: Session; alert: Alert }) {
  const { t, term, time, num } = useI18n();
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>{t('alert.title', { id: alert.id })}</Title>
        <Group gap="xs">
          <Badge size="lg" variant="light">{term(alert.kind)}</Badge>
          <Badge size="lg" color={SEVERITY_COLOUR[alert.severity]}>{term(alert.severity)}</Badge>
        </Group>
      </Group>
      <Text data-testid="alert-summary">{alert.summary}</Text>
      <Text size="xs" c="dimmed">{time(alert.time)} · {t('alert.updated', { time: time(alert.updated) })}</Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Count label={t('common.accounts')} value={num(alert.subjects.accounts.length)} />
        <Count label={t('common.shops')} value={alert.subjects.shops.join(', ') || '–'} />
        <Count label={t('common.items')} value={alert.subjects.items.join(', ') || '–'} />
        <Count label={t('common.orders')} value={num(alert.subjects.orders.length)} />
      </SimpleGrid>
      <IncidentPanels session={session} alert={alert} accounts={alert.subjects.accounts} shops={alert.subjects.shops} />
    </Stack>
  );
}

/**
 * The panels drawn from an incident's alert (an alert's page and a case's): the timeline on its
 * item, the ring of linked accounts, the accounts named (`accounts`, with `shops` in the ring) and
 * the evidence.
 */
export function IncidentPanels({ session, alert, accounts, shops }: {
  session: Session; alert: Alert; accounts: readonly string[]; shops: readonly string[];
}) {
  const { t, num } = useI18n();
  const item = alert.subjects.items[0];
  const links = useLoad(() => ok(session.api.GET('/v1/alerts/{id}/links', { params: { path: { id: alert.id } } })), [session, alert.id]);
  return (
    <>
      {item ? <Timeline session={session} incident={alert} item={item} /> : <Text size="sm" c="dimmed">{t('alert.noTimeline')}</Text>}
      <Card withBorder>
        <Title order={5} mb="xs">{t('alert.ring')}</Title>
        <Status loaded={links}>{(l) => <Ring links={l} accounts={accounts} shops={shops} />}</Status>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={5} mb="xs">{t('alert.accounts', { count: num(accounts.length) })}</Title>
          <ScrollArea h={240}>
            <Group gap={6}>
              {accounts.slice(0, LISTED).map((a) => <Anchor key={a} size="sm" href={href(['graph', a])}>{a}</Anchor>)}
              {accounts.length > LISTED && <Text size="sm">…</Text>}
            </Group>
          </ScrollArea>
        </Card>
        <Card withBorder>
          <Title order={5} mb="xs">{t('alert.evidence')}</Title>
          <ScrollArea h={240}><Code block data-testid="evidence">{JSON.stringify(alert.evidence, null, 2)}</Code></ScrollArea>
        </Card>
      </SimpleGrid>
    </>
  );
}

export function Count({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="xs">
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{value}</Text>
    </Card>
  );
}

/** The item's orders and refunds from a few hours before the incident (first seen at `time`) to an hour after its last update, per bucket. */
export function Timeline({ session, incident, item }: { session: Session; incident: { time: string; updated: string; evidence?: unknown }; item: string }) {
  const since = new Date(Math.floor((Date.parse(incident.time) - 3 * HOUR_MS) / HOUR_MS) * HOUR_MS).toISOString();
  const until = new Date(Math.min(Date.parse(incident.updated) + HOUR_MS, Date.parse(incident.time) + 2 * 24 * HOUR_MS)).toISOString();
  const activity = useLoad(() => ok(session.api.GET('/v1/stats/items/{item_id}/activity', {
    params: { path: { item_id: item }, query: { since, until, bucket: bucketFor(Date.parse(until) - Date.parse(since)) } },
  })), [session, item, since, until]);
  return (
    <Card withBorder>
      <Status loaded={activity}>{(a) => <TimelineChart activity={a} item={item} alertBaselinePerHour={alertBaselinePerHour(incident.evidence)} />}</Status>
    </Card>
  );
}

function bucketFor(spanMs: number): '1m' | '5m' | '15m' | '1h' {
  if (spanMs <= 8 * HOUR_MS) return '1m';
  if (spanMs <= 36 * HOUR_MS) return '5m';
  if (spanMs <= 5 * 24 * HOUR_MS) return '15m';
  return '1h';
}

const BUCKET_NAMES: Record<number, string> = { 60_000: '1m', 300_000: '5m', 900_000: '15m', 3_600_000: '1h' };

/**
 * The baseline an alert states for its burst, orders an hour (`evidence.burst.baseline_per_hour`),
 * when it states one. It is what the detector compared the burst with, and it can differ from the
 * item's stored history: a detector weighs recent hours more and floors the baseline of a new or
 * slow item, so a flood on a new item is judged against that floor, not against nothing.
 */
export function alertBaselinePerHour(evidence: unknown): number | undefined {
  const burst = (evidence as { burst?: { baseline_per_hour?: unknown } } | undefined)?.burst;
  const v = burst?.baseline_per_hour;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

function TimelineChart({ activity, item, alertBaselinePerHour }: { activity: ItemActivity; item: string; alertBaselinePerHour: number | undefined }) {
  const { t, term, num } = useI18n();
  const bucket = term(BUCKET_NAMES[activity.bucket_ms] ?? '1h');
  const peak = Math.max(0, ...activity.orders);
  // Both baselines in one unit (orders an hour, as alerts state theirs) and per bucket for the bars.
  const perBucket = activity.bucket_ms / HOUR_MS;
  const historyPerHour = activity.baseline_per_hour ?? (activity.baseline_per_bucket === null ? null : activity.baseline_per_bucket / perBucket);
  const perHour = alertBaselinePerHour ?? historyPerHour;
  const baseline = perHour === null ? null : perHour * perBucket;
  const option: ChartOption = useMemo(() => {
    const lines: Array<{ yAxis: number; name: string; lineStyle: { type: 'dashed' | 'dotted'; color: string } }> = [];
    if (baseline !== null) lines.push({ yAxis: baseline, name: t('alert.baseline'), lineStyle: { type: 'dashed', color: '#2f9e44' } });
    if (alertBaselinePerHour !== undefined && historyPerHour !== null) {
      lines.push({ yAxis: historyPerHour * perBucket, name: t('alert.history'), lineStyle: { type: 'dotted', color: '#868e96' } });
    }
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 56 },
      xAxis: { type: 'category', data: bucketLabels(activity.from, activity.bucket_ms, activity.buckets) },
      yAxis: { type: 'value', minInterval: 1 },
      dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
      series: [
        { name: t('alert.ordersSeries'), type: 'bar', data: activity.orders, itemStyle: { color: '#1c7ed6' },
          ...(lines.length ? { markLine: { symbol: 'none', label: { formatter: '{b}' }, data: lines } } : {}) },
        { name: t('alert.refundsSeries'), type: 'bar', data: activity.refunds, itemStyle: { color: '#fa5252' } },
      ],
    };
  }, [activity, baseline, alertBaselinePerHour, historyPerHour, perBucket, t]);
  const values = { peak: num(peak), bucket, baseline: num(perHour ?? 0), perBucket: num(baseline ?? 0), history: num(historyPerHour ?? 0) };
  const text = perHour === null ? t('alert.noBaseline', values)
    : alertBaselinePerHour === undefined ? t('alert.peak', values)
      : historyPerHour === null ? t('alert.peakAlertBaseline', values) : t('alert.peakAlertAndHistory', values);
  return (
    <Stack gap="xs">
      <Title order={5}>{t('alert.timeline', { item, bucket })}</Title>
      <Text size="sm" fw={500} data-testid="burst" data-peak={peak} data-baseline={baseline ?? ''} data-baseline-per-hour={perHour ?? ''}
        data-history-per-hour={historyPerHour ?? ''}>
        {text}
      </Text>
      <EChart option={option} height={300} testId="chart-timeline" />
    </Stack>
  );
}

/** The identity-graph clusters of an incident's accounts; with one shop, the shop joined to each cluster. */
export function Ring({ links, accounts, shops }: { links: AlertLinks; accounts: readonly string[]; shops: readonly string[] }) {
  const { t, num } = useI18n();
  const shop = shops.length === 1 ? shops[0] : undefined;
  const model = useMemo(() => clustersToGraph(links.clusters, { subjects: accounts, ...(shop ? { shop } : {}) }), [links, accounts, shop]);
  const linked = links.clusters.filter((c) => c.size > 1).length;
  return (
    <Stack gap="xs">
      <Text size="sm" data-testid="ring-stats">{t('alert.ringStats', { accounts: num(model.accounts), clusters: num(linked), entities: num(model.entities) })}</Text>
      <LinkGraph model={model} height={560} />
    </Stack>
  );
}
