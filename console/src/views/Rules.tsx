// Rules: the set in force with each rule's hits, errors and (shadow rules) the decisions it would
// have changed; an editor that checks the whole set as it is typed (POST /v1/rules/check, every
// problem with its line), a backtest of the edit over the stored events read before saving
// (POST /v1/backtests, polled for progress), saving as a new version, and the versions.
import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Card, Code, Group, Progress, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { ok } from '../api/client';
import type { Backtest, RuleCheck, RuleSet } from '../api/types';
import type { Session } from '../App';
import { DECISION_COLOUR } from '../components/severity';
import { Status } from '../components/Status';
import { useI18n } from '../i18n';
import { useLoad } from '../use-load';
import { rulesToYaml } from './rule-yaml';

const YAML = { headers: { 'content-type': 'application/yaml' }, bodySerializer: (b: unknown) => b as string };
/** Wait after the last key stroke before checking, so typing is not a request per letter. */
const CHECK_AFTER_MS = 400;

export function Rules({ session }: { session: Session }) {
  const set = useLoad(() => ok(session.api.GET('/v1/rules')), [session]);
  return <Status loaded={set}>{(s) => <RulesBody session={session} set={s} onSaved={set.reload} />}</Status>;
}

function RulesBody({ session, set, onSaved }: { session: Session; set: RuleSet; onSaved: () => void }) {
  const { t, time } = useI18n();
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>{t('rules.title')}</Title>
        <Text size="sm" c="dimmed" data-testid="rules-version">{set.version === 0 ? t('rules.none') : t('rules.version', { version: set.version, time: time(set.at), by: set.by })}</Text>
      </Group>
      <RuleTable set={set} />
      <Editor session={session} set={set} onSaved={onSaved} />
      <History session={session} version={set.version} />
    </Stack>
  );
}

function RuleTable({ set }: { set: RuleSet }) {
  const { t, term, num } = useI18n();
  if (set.rules.length === 0) return <Text c="dimmed">{t('rules.empty')}</Text>;
  return (
    <Card withBorder p={0}>
      <Table.ScrollContainer minWidth={720}>
        <Table striped data-testid="rule-table">
          <Table.Thead><Table.Tr><Table.Th>ID</Table.Th><Table.Th>{t('rules.mode')}</Table.Th><Table.Th>{t('rules.decision')}</Table.Th>
            <Table.Th>{t('rules.hits')}</Table.Th><Table.Th>{t('rules.errors')}</Table.Th><Table.Th>{t('rules.wouldChange')}</Table.Th><Table.Th>{t('rules.when')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {set.rules.map(({ rule, stats }) => {
              const r = rule as { id?: string; mode?: string; decision?: string; when?: string };
              const changes = Object.entries(stats.wouldChange);
              return (
                <Table.Tr key={r.id} data-rule={r.id}>
                  <Table.Td>{r.id}</Table.Td>
                  <Table.Td><Badge variant={r.mode === 'shadow' ? 'outline' : 'filled'}>{term(r.mode ?? 'active')}</Badge></Table.Td>
                  <Table.Td>{r.decision ? <Badge color={DECISION_COLOUR[r.decision]}>{term(r.decision)}</Badge> : '–'}</Table.Td>
                  <Table.Td>{num(stats.hits)}</Table.Td>
                  <Table.Td>{num(stats.errors)}{stats.lastError ? <Text size="xs" c="red">{stats.lastError}</Text> : null}</Table.Td>
                  <Table.Td data-testid="would-change">{changes.length === 0 ? '–' : changes.map(([k, n]) => {
                    const [from, to] = k.split('>');
                    return <Text key={k} size="xs">{term(from ?? '')} → {term(to ?? '')}: {num(n)}</Text>;
                  })}</Table.Td>
                  <Table.Td><Code>{r.when}</Code></Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function Editor({ session, set, onSaved }: { session: Session; set: RuleSet; onSaved: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(() => rulesToYaml(set.rules.map((r) => r.rule)));
  const [check, setCheck] = useState<(RuleCheck & { of: string }) | null>(null);
  const [run, setRun] = useState<Backtest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      ok(session.api.POST('/v1/rules/check', { body: text, ...YAML }))
        .then((c) => { if (mine === seq.current) setCheck({ ...c, of: text }); })
        .catch((err: unknown) => { if (mine === seq.current) setError(err instanceof Error ? err.message : String(err)); });
    }, CHECK_AFTER_MS);
    return () => clearTimeout(timer);
  }, [session, text]);
  // A backtest is polled until it is done; its report is of the text it was started with.
  useEffect(() => {
    if (!run || run.status !== 'running') return;
    const timer = setTimeout(() => {
      ok(session.api.GET('/v1/backtests/{id}', { params: { path: { id: run.id } } })).then(setRun, (err: unknown) => setError(String(err)));
    }, 1000);
    return () => clearTimeout(timer);
  }, [session, run]);
  // Backtest and save only what was checked: the text as it stands, found valid.
  const valid = check?.valid === true && check.of === text;
  const backtest = async () => {
    setError(null);
    try { setRun(await ok(session.api.POST('/v1/backtests', { body: text, ...YAML }))); } catch (err) { setError(err instanceof Error ? err.message : String(err)); }
  };
  const save = async () => {
    setSaving(true); setError(null); setSaved(null);
    try {
      const next = await ok(session.api.PUT('/v1/rules', { body: text, ...YAML }));
      setSaved(next.version);
      onSaved();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card withBorder>
      <Title order={5} mb="xs">{t('rules.edit')}</Title>
      <Textarea value={text} onChange={(e) => { setText(e.currentTarget.value); setSaved(null); }} autosize minRows={8} maxRows={30}
        styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }} spellCheck={false} data-testid="rules-editor" />
      <Stack gap={4} mt="xs" data-testid="rules-check" data-valid={check ? String(check.valid) : ''}>
        {check === null ? <Text size="sm" c="dimmed">{t('rules.checking')}</Text>
          : check.valid ? <Text size="sm" c="green">{t('rules.valid')}</Text>
            : check.problems.map((p, i) => (
              <Text key={i} size="sm" c="red" data-testid="rule-problem">
                {p.line !== undefined ? t('rules.at', { line: p.line, column: p.column ?? 1 }) : ''}{p.rule_id ? `${p.rule_id} · ` : ''}{p.path}: {p.message}
              </Text>
            ))}
      </Stack>
      <Group mt="sm">
        <Button variant="light" disabled={!valid || run?.status === 'running'} onClick={() => void backtest()} data-testid="run-backtest">{t('rules.backtest')}</Button>
        <Button disabled={!valid} loading={saving} onClick={() => void save()} data-testid="save-rules">{t('rules.save')}</Button>
        {saved !== null && <Text size="sm" c="green" data-testid="rules-saved">{t('rules.saved', { version: saved })}</Text>}
      </Group>
      {error && <Alert mt="sm" color="red" data-testid="api-error">{error}</Alert>}
      {run && <BacktestResult run={run} />}
    </Card>
  );
}

interface Report {
  decisions: number; changed: number; before: Record<string, number>; after: Record<string, number>;
  changes: Array<{ from: string; to: string; count: number }>;
  rules: Array<{ rule: string; in: string; mode: string; hits_current: number; hits_candidate: number }>;
}

function BacktestResult({ run }: { run: Backtest }) {
  const { t, term, num } = useI18n();
  const pct = run.progress.of ? Math.round((100 * run.progress.events) / run.progress.of) : 0;
  if (run.status === 'running') {
    return <Stack gap={4} mt="sm"><Text size="sm">{t('rules.backtestRunning', { done: num(run.progress.events), of: num(run.progress.of) })}</Text><Progress value={pct} animated /></Stack>;
  }
  if (run.status === 'failed') return <Alert mt="sm" color="red">{run.error}</Alert>;
  const r = run.report as unknown as Report;
  return (
    <Stack gap="xs" mt="sm" data-testid="backtest-report" data-changed={r.changed}>
      <Text size="sm" fw={600}>{t('rules.backtestDone', { decisions: num(r.decisions), changed: num(r.changed) })}</Text>
      <Table fz="sm">
        <Table.Thead><Table.Tr><Table.Th>{t('rules.decision')}</Table.Th><Table.Th>{t('rules.before')}</Table.Th><Table.Th>{t('rules.after')}</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>{Object.keys(r.before).map((d) => (
          <Table.Tr key={d}><Table.Td>{term(d)}</Table.Td><Table.Td>{num(r.before[d] ?? 0)}</Table.Td><Table.Td>{num(r.after[d] ?? 0)}</Table.Td></Table.Tr>
        ))}</Table.Tbody>
      </Table>
      {r.changes.map((c) => <Text key={`${c.from}>${c.to}`} size="sm">{term(c.from)} → {term(c.to)}: {num(c.count)}</Text>)}
      <Table fz="sm">
        <Table.Thead><Table.Tr><Table.Th>ID</Table.Th><Table.Th>{t('rules.mode')}</Table.Th><Table.Th>{t('rules.hitsNow')}</Table.Th><Table.Th>{t('rules.hitsEdit')}</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>{r.rules.map((x) => (
          <Table.Tr key={x.rule}><Table.Td>{x.rule}</Table.Td><Table.Td>{term(x.mode)}</Table.Td><Table.Td>{num(x.hits_current)}</Table.Td><Table.Td>{num(x.hits_candidate)}</Table.Td></Table.Tr>
        ))}</Table.Tbody>
      </Table>
    </Stack>
  );
}

function History({ session, version }: { session: Session; version: number }) {
  const { t, time } = useI18n();
  const versions = useLoad(() => ok(session.api.GET('/v1/rules/versions', { params: { query: { limit: 20 } } })), [session, version]);
  return (
    <Card withBorder>
      <Title order={5} mb="xs">{t('rules.history')}</Title>
      <Status loaded={versions}>{(v) => (v.items.length === 0 ? <Text size="sm" c="dimmed">{t('common.none')}</Text> : (
        <Table fz="sm"><Table.Tbody>{v.items.map((x) => (
          <Table.Tr key={x.version}><Table.Td>v{x.version}</Table.Td><Table.Td>{time(x.at)}</Table.Td><Table.Td>{x.by}</Table.Td>
            <Table.Td>{x.action}{x.rule_id ? ` ${x.rule_id}` : ''}</Table.Td></Table.Tr>
        ))}</Table.Tbody></Table>
      ))}</Status>
    </Card>
  );
}
