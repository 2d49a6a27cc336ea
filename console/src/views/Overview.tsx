// The analyst's overview: what came in, what was decided and what was found, over event time.
import { useMemo } from 'react';
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ok } from '../api/client';
import type { Activity, AlertPage } from '../api/types';
import type { Session } from '../App';
import { EChart, bucketLabels, type ChartOption } from '../components/EChart';
import { Status } from '../components/Status';
import { DECISION_COLOUR, SEVERITY_COLOUR } from '../components/severity';
import { useI18n, type I18n } from '../i18n';
import { href } from '../router';
import { useLoad } from '../use-load';

const BUCKET_NAMES: Record<number, string> = { 60_000: '1m', 300_000: '5m', 900_000: '15m', 3_600_000: '1h', 21_600_000: '6h', 86_400_000: '1d' };
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export function Overview({ session }: { session: Session }) {
  const activity = useLoad(() => ok(session.api.GET('/v1/stats/activity', { params: { query: {} } })), [session]);
  const alerts = useLoad(() => ok(session.api.GET('/v1/alerts', { params: { query: { limit: 500 } } })), [session]);
  return (
    <Stack>
      <Status loaded={activity}>{(a) => <Charts activity={a} />}</Status>
      <Status loaded={alerts}>{(page) => <BySeverity page={page} />}</Status>
    </Stack>
  );
}

function Charts({ activity }: { activity: Activity }) {
  const i18n = useI18n();
  const { t, term, num } = i18n;
  const bucket = term(BUCKET_NAMES[activity.bucket_ms] ?? `${activity.bucket_ms / 60_000}m`);
  const options = useMemo(() => chartOptions(activity, i18n), [activity, i18n]);
  const held = sum(['challenge', 'review', 'deny'].flatMap((d) => activity.decisions[d] ?? []));
  const alertCount = sum(Object.values(activity.alerts).flat());
  const to = new Date(Date.parse(activity.from) + activity.buckets * activity.bucket_ms).toISOString();
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <Stat label={t('overview.totalEvents')} value={num(sum(activity.events))} testId="total-events" />
        <Stat label={t('overview.totalHeld')} value={num(held)} />
        <Stat label={t('overview.totalAlerts')} value={num(alertCount)} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">{t('overview.range', { from: i18n.time(activity.from), to: i18n.time(to), bucket })}</Text>
      <Card withBorder><Title order={5}>{t('overview.events', { bucket })}</Title><EChart option={options.events} testId="chart-events" /></Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder><Title order={5}>{t('overview.decisions')}</Title><EChart option={options.decisions} testId="chart-decisions" /></Card>
        <Card withBorder><Title order={5}>{t('overview.alerts')}</Title><EChart option={options.alerts} testId="chart-alerts" /></Card>
      </SimpleGrid>
    </Stack>
  );
}

function chartOptions(a: Activity, i18n: I18n): { events: ChartOption; decisions: ChartOption; alerts: ChartOption } {
  const labels = bucketLabels(a.from, a.bucket_ms, a.buckets);
  const base = {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 32, bottom: 56 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', minInterval: 1 },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
  };
  const stacked = (series: Record<string, number[]>, colours?: Record<string, string>) => ({
    ...base,
    legend: { top: 0, type: 'scroll' },
    series: Object.entries(series).map(([name, data]) => ({
      name: i18n.term(name), type: 'bar', stack: 'all', data, large: true, ...(colours?.[name] ? { itemStyle: { color: colours[name] } } : {}),
    })),
  });
  return {
    events: { ...base, series: [{ name: i18n.t('overview.totalEvents'), type: 'line', data: a.events, showSymbol: false, areaStyle: { opacity: 0.15 } }] },
    decisions: stacked(a.decisions, DECISION_COLOUR),
    alerts: stacked(a.alerts),
  };
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="xl" fw={700} data-testid={testId}>{value}</Text>
    </Card>
  );
}

function BySeverity({ page }: { page: AlertPage }) {
  const { t, term } = useI18n();
  const counts = new Map<string, number>();
  for (const a of page.items) counts.set(a.severity, (counts.get(a.severity) ?? 0) + 1);
  return (
    <Card withBorder>
      <Title order={5} mb="xs">{t('overview.bySeverity')}</Title>
      <Group>
        {['critical', 'high', 'medium', 'low'].map((s) => (
          <Badge key={s} size="lg" color={SEVERITY_COLOUR[s]} component="a" href={href(['alerts'])}>{term(s)} · {counts.get(s) ?? 0}</Badge>
        ))}
      </Group>
    </Card>
  );
}
