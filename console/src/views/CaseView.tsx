// One case: what it is, the incident's timeline on its item against the item's baseline, the ring
// of accounts behind it, the accounts, the evidence (its alert's, and the package with each file's
// hash), the actions (assign, comment, confirm with sanctions or dismiss) and the audit trail.
import { Anchor, Badge, Card, Code, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { ok } from '../api/client';
import type { Alert, Case } from '../api/types';
import type { Session } from '../App';
import { yuan } from '../components/money';
import { SEVERITY_COLOUR, STATUS_COLOUR } from '../components/severity';
import { Status } from '../components/Status';
import { useI18n } from '../i18n';
import { useLoad } from '../use-load';
import { Count, IncidentPanels } from './AlertView';
import { CaseActions } from './CaseActions';


export function CaseView({ session, id }: { session: Session; id: string }) {
  const found = useLoad(() => ok(session.api.GET('/v1/cases/{id}', { params: { path: { id } } })), [session, id]);
  return <Status loaded={found}>{(c) => ('accounts' in c ? <CaseBody session={session} c={c as Case} reload={found.reload} /> : null)}</Status>;
}

function CaseBody({ session, c, reload }: { session: Session; c: Case; reload: () => void }) {
  const { t, term, time, num, lang } = useI18n();
  const alertId = c.alert_ids[0];
  const alert = useLoad(async () => (alertId ? ok(session.api.GET('/v1/alerts/{id}', { params: { path: { id: alertId } } })) : null), [session, alertId]);
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>{t('case.title', { id: c.id })}</Title>
        <Group gap="xs">
          <Badge size="lg" variant="light">{term(c.kind)}</Badge>
          <Badge size="lg" color={SEVERITY_COLOUR[c.severity]}>{term(c.severity)}</Badge>
          <Badge size="lg" variant="outline" color={STATUS_COLOUR[c.status]} data-testid="case-status" data-status={c.status}>{term(c.status)}</Badge>
        </Group>
      </Group>
      <Text data-testid="case-summary">{c.summary}</Text>
      <Text size="xs" c="dimmed">
        {t('case.opened', { time: time(c.opened) })} · {t('alert.updated', { time: time(c.updated) })}
        {c.assignee ? ` · ${t('case.assignee', { who: c.assignee })}` : ''}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        <Count label={t('cases.atStake')} value={yuan(c.at_stake_fen, lang === 'zh' ? 'zh-CN' : 'en-GB')} />
        <Count label={t('common.orders')} value={num(c.order_count)} />
        <Count label={t('common.accounts')} value={num(c.accounts.length)} />
        <Count label={t('case.victims')} value={c.victim_shops.join(', ') || '–'} />
        <Count label={t('case.accused')} value={c.accused_shops.join(', ') || '–'} />
        <Count label={t('case.alerts')} value={c.alert_ids.length ? c.alert_ids.join(', ') : '–'} />
      </SimpleGrid>
      <Status loaded={alert}>{(a) => (a ? <Incident session={session} c={c} alert={a} /> : <Text size="sm" c="dimmed">{t('alert.noTimeline')}</Text>)}</Status>
      <CaseActions session={session} c={c} onChanged={reload} />
    </Stack>
  );
}

/** The parts drawn from the case's alert (timeline, ring, accounts, evidence) and the evidence package. */
function Incident({ session, c, alert }: { session: Session; c: Case; alert: Alert }) {
  return (
    <>
      <IncidentPanels session={session} alert={alert} accounts={c.accounts} shops={c.victim_shops.length === 1 ? c.victim_shops : c.shops} />
      <EvidencePackage session={session} id={c.id} />
    </>
  );
}

/** The evidence package: each file with its size and SHA-256, downloadable as the API gives it. */
function EvidencePackage({ session, id }: { session: Session; id: string }) {
  const { t, num } = useI18n();
  const pkg = useLoad(() => ok(session.api.GET('/v1/cases/{id}/evidence', { params: { path: { id } } })), [session, id]);
  const download = (name: string, type: string, content: string) => {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${id}-${name}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <Card withBorder>
      <Title order={5} mb="xs">{t('case.package')}</Title>
      <Status loaded={pkg}>{(p) => (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">{t('case.packageHelp', { data: p.manifest.personal_data, hash: p.manifest_sha256.slice(0, 16) })}</Text>
          <Table.ScrollContainer minWidth={520}>
            <Table data-testid="evidence-files">
              <Table.Tbody>
                {p.manifest.files.map((f) => {
                  const file = p.files.find((x) => x.name === f.name);
                  return (
                    <Table.Tr key={f.name}>
                      <Table.Td>{file ? <Anchor component="button" size="sm" onClick={() => download(f.name, file.content_type, file.content)}>{f.name}</Anchor> : f.name}</Table.Td>
                      <Table.Td>{num(f.bytes)} B</Table.Td>
                      <Table.Td><Code>{f.sha256.slice(0, 16)}…</Code></Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}</Status>
    </Card>
  );
}
