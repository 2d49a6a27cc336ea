// What an analyst does to a case: assign it, comment, confirm it (with the sanctions the
// configuration proposes, by kind, each kind can be left out) or dismiss it, and the audit trail of
// every such action: who, when, before and after.
import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, Card, Checkbox, Code, Group, ScrollArea, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { ok } from '../api/client';
import type { AuditEntry, Case, SanctionSpec } from '../api/types';
import type { Session } from '../App';
import { Status } from '../components/Status';
import { useI18n } from '../i18n';
import { useLoad } from '../use-load';

export function CaseActions({ session, c, onChanged }: { session: Session; c: Case; onChanged: () => void }) {
  const { t } = useI18n();
  const audit = useLoad(() => ok(session.api.GET('/v1/cases/{id}/audit', { params: { path: { id: c.id } } })), [session, c.id, c.updated, c.status, c.assignee]);
  const [tick, setTick] = useState(0);
  const changed = () => { setTick((n) => n + 1); onChanged(); audit.reload(); };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder>
        <Title order={5} mb="xs">{t('case.actions')}</Title>
        <Stack>
          <Assign session={session} c={c} onDone={changed} />
          <Comment session={session} c={c} onDone={changed} />
          {c.status === 'open' ? <Resolve session={session} c={c} onDone={changed} />
            : <Text size="sm" data-testid="resolution">{t('case.resolved', { outcome: c.status, note: String((c.resolution as { note?: string } | undefined)?.note ?? '') })}</Text>}
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={5} mb="xs">{t('case.audit')}</Title>
        <Status loaded={audit} key={tick}>{(a) => <Audit items={a.items} />}</Status>
      </Card>
    </SimpleGrid>
  );
}

function useAct(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, act };
}

function Assign({ session, c, onDone }: { session: Session; c: Case; onDone: () => void }) {
  const { t } = useI18n();
  const [who, setWho] = useState(c.assignee ?? '');
  const { busy, error, act } = useAct(onDone);
  return (
    <Group align="end" wrap="nowrap">
      <TextInput label={t('case.assignTo')} value={who} onChange={(e) => setWho(e.currentTarget.value)} style={{ flex: 1 }} data-testid="assignee" error={error} />
      <Button variant="light" loading={busy} disabled={!who.trim() || who.trim() === c.assignee} data-testid="assign"
        onClick={() => void act(() => ok(session.api.POST('/v1/cases/{id}/assign', { params: { path: { id: c.id } }, body: { assignee: who.trim() } })))}>
        {t('case.assign')}
      </Button>
    </Group>
  );
}

function Comment({ session, c, onDone }: { session: Session; c: Case; onDone: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const { busy, error, act } = useAct(() => { setText(''); onDone(); });
  return (
    <Stack gap={4}>
      <Textarea label={t('case.comment')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} data-testid="comment-text" error={error} />
      <Group><Button size="xs" variant="light" loading={busy} disabled={!text.trim()} data-testid="comment"
        onClick={() => void act(() => ok(session.api.POST('/v1/cases/{id}/comments', { params: { path: { id: c.id } }, body: { text: text.trim() } })))}>
        {t('case.addComment')}
      </Button></Group>
    </Stack>
  );
}

/** The proposed sanctions grouped by kind and subject type: "account_restricted on 544 accounts". */
function groups(specs: readonly SanctionSpec[]): Array<{ key: string; kind: string; type: string; specs: SanctionSpec[] }> {
  const out = new Map<string, { key: string; kind: string; type: string; specs: SanctionSpec[] }>();
  for (const s of specs) {
    const key = `${s.kind}|${s.subject.type}`;
    if (!out.has(key)) out.set(key, { key, kind: s.kind, type: s.subject.type, specs: [] });
    out.get(key)!.specs.push(s);
  }
  return [...out.values()];
}

function Resolve({ session, c, onDone }: { session: Session; c: Case; onDone: () => void }) {
  const { t, term, num } = useI18n();
  const proposed = useLoad(() => ok(session.api.GET('/v1/cases/{id}/proposed-sanctions', { params: { path: { id: c.id } } })), [session, c.id]);
  const grouped = useMemo(() => groups(proposed.data?.items ?? []), [proposed.data]);
  const [off, setOff] = useState<Set<string>>(new Set());
  const [note, setNote] = useState('');
  const { busy, error, act } = useAct(onDone);
  useEffect(() => setOff(new Set()), [proposed.data]);
  const chosen = grouped.filter((g) => !off.has(g.key)).flatMap((g) => g.specs);
  const resolve = (outcome: 'confirmed' | 'dismissed') => act(() => ok(session.api.POST('/v1/cases/{id}/resolve', {
    params: { path: { id: c.id } },
    // Every proposed sanction kept: leave the list out, so the server applies its proposal as it stands.
    body: { outcome, note: note.trim(), ...(outcome === 'confirmed' && off.size > 0 ? { sanctions: chosen } : {}) },
  })));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>{t('case.proposed')}</Text>
      <Status loaded={proposed}>{() => (
        grouped.length === 0 ? <Text size="sm" c="dimmed">{t('case.noSanctions')}</Text> : (
          <Stack gap={4} data-testid="proposed">
            {grouped.map((g) => (
              <Checkbox key={g.key} checked={!off.has(g.key)} data-testid={`sanction-${g.kind}`}
                label={t('case.sanctionGroup', { kind: term(g.kind), count: num(g.specs.length), subject: term(g.type) })}
                description={g.specs[0]?.reason}
                onChange={(e) => {
                  const next = new Set(off);
                  if (e.currentTarget.checked) next.delete(g.key); else next.add(g.key);
                  setOff(next);
                }} />
            ))}
          </Stack>
        )
      )}</Status>
      <Textarea label={t('case.note')} description={t('case.noteHelp')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2}
        data-testid="resolve-note" error={error} />
      <Group>
        <Button color="red" loading={busy} disabled={!note.trim() || proposed.data === undefined} data-testid="confirm" onClick={() => void resolve('confirmed')}>
          {t('case.confirm', { count: num(chosen.length) })}
        </Button>
        <Button variant="default" loading={busy} disabled={!note.trim()} data-testid="dismiss" onClick={() => void resolve('dismissed')}>{t('case.dismiss')}</Button>
      </Group>
    </Stack>
  );
}

function brief(v: unknown): string {
  if (v === null || v === undefined) return '–';
  const s = JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}

function Audit({ items }: { items: AuditEntry[] }) {
  const { t, term, time } = useI18n();
  if (items.length === 0) return <Text size="sm" c="dimmed">{t('case.noAudit')}</Text>;
  return (
    <ScrollArea h={360}>
      <Table data-testid="audit" fz="xs">
        <Table.Thead><Table.Tr><Table.Th>{t('common.time')}</Table.Th><Table.Th>{t('case.who')}</Table.Th><Table.Th>{t('case.what')}</Table.Th><Table.Th>{t('case.change')}</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {items.map((e, i) => {
            const r = e as { at?: string; actor?: string; role?: string; action?: string; before?: unknown; after?: unknown };
            return (
              <Table.Tr key={i} data-action={r.action}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.at ? time(r.at) : ''}</Table.Td>
                <Table.Td>{r.actor} {r.role ? <Badge size="xs" variant="light">{term(r.role)}</Badge> : null}</Table.Td>
                <Table.Td>{term(r.action ?? '')}</Table.Td>
                <Table.Td><Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{brief(r.before)} → {brief(r.after)}</Code></Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
