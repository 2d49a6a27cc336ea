// A shop's standing: its quality score with each component (score, weight, what it is based on),
// the points that count and the level they reach, and the sanctions ledger, where a merchant
// appeals a sanction of its own shop.
import { useState } from 'react';
import { Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { ok } from '../api/client';
import type { Quality, Sanction } from '../api/types';
import type { Session } from '../App';
import { STATUS_COLOUR } from '../components/severity';
import { Status } from '../components/Status';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/messages';
import { useLoad } from '../use-load';

interface Component { score: number; weight: number; value: number; basis: string }
const COMPONENTS: Record<string, MessageKey> = {
  refunds: 'ledger.component.refunds', complaints: 'ledger.component.complaints', sanctions: 'ledger.component.sanctions',
  reviews: 'ledger.component.reviews', verified_sales: 'ledger.component.verified_sales',
};

export function Ledger({ session, shop }: { session: Session; shop: string }) {
  const { t } = useI18n();
  const quality = useLoad(() => ok(session.api.GET('/v1/shops/{shop_id}/quality', { params: { path: { shop_id: shop }, query: { history: 30 } } })), [session, shop]);
  const ledger = useLoad(() => ok(session.api.GET('/v1/shops/{shop_id}/sanctions', { params: { path: { shop_id: shop } } })), [session, shop]);
  const reload = () => { quality.reload(); ledger.reload(); };
  return (
    <Stack>
      <Title order={3}>{t('ledger.title', { shop })}</Title>
      <Status loaded={quality}>{(q) => <Score quality={q} />}</Status>
      <Status loaded={ledger}>{(l) => (
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={5}>{t('ledger.sanctions')}</Title>
            <Group gap="xs" data-testid="points">
              <Badge size="lg">{t('ledger.points', { points: l.points.points })}</Badge>
              <Badge size="lg" variant="light">{t(`ledger.level.${l.points.level}`)}</Badge>
              {l.points.to_next_level !== null && <Text size="sm" c="dimmed">{t('ledger.toNext', { points: l.points.to_next_level })}</Text>}
            </Group>
          </Group>
          {l.sanctions.length === 0 ? <Text size="sm" c="dimmed">{t('ledger.clean')}</Text>
            : <Stack gap="sm">{l.sanctions.map((s) => <SanctionRow key={s.id} session={session} s={s} onAppealed={reload} />)}</Stack>}
        </Card>
      )}</Status>
    </Stack>
  );
}

function Score({ quality }: { quality: Quality }) {
  const { t, time, num } = useI18n();
  const components = Object.entries(quality.current.components as Record<string, Component>);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t('ledger.quality')}</Title>
        <Text fw={700} fz={28} data-testid="quality-score">{num(quality.current.score)}</Text>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">{t('ledger.asOf', { time: time(quality.current.at) })}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="quality-components">
        {components.map(([name, c]) => (
          <Stack key={name} gap={2}>
            <Group justify="space-between"><Text size="sm" fw={600}>{name in COMPONENTS ? t(COMPONENTS[name]!) : name}</Text>
              <Text size="sm">{num(c.score)} · {t('ledger.weight', { weight: num(c.weight * 100) })}</Text></Group>
            <Progress value={c.score} color={c.score >= 80 ? 'green' : c.score >= 50 ? 'yellow' : 'red'} />
            <Text size="xs" c="dimmed">{c.basis}</Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Card>
  );
}

function SanctionRow({ session, s, onAppealed }: { session: Session; s: Sanction; onAppealed: () => void }) {
  const { t, term, time } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canAppeal = session.me.role === 'merchant' && s.state === 'active';
  const appeal = async () => {
    setBusy(true); setError(null);
    try {
      await ok(session.api.POST('/v1/sanctions/{id}/appeals', { params: { path: { id: s.id } }, body: { reason: reason.trim() } }));
      setOpen(false);
      onAppealed();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder padding="sm" data-testid="sanction" data-id={s.id} data-state={s.state}>
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs"><Text fw={600}>{term(s.kind)}</Text>{s.points !== undefined && <Badge variant="light">{t('ledger.points', { points: s.points })}</Badge>}
          <Badge color={STATUS_COLOUR[s.state]}>{term(s.state)}</Badge></Group>
        <Text size="xs" c="dimmed">{time(s.effective_at)}</Text>
      </Group>
      <Text size="sm" mt={4}>{s.reason}</Text>
      {canAppeal && !open && <Group mt="xs"><Button size="xs" variant="light" data-testid="appeal" onClick={() => setOpen(true)}>{t('ledger.appeal')}</Button></Group>}
      {open && (
        <Stack gap={4} mt="xs">
          <Textarea label={t('ledger.appealReason')} value={reason} data-testid="appeal-reason" onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} error={error} />
          <Group><Button size="xs" loading={busy} disabled={!reason.trim()} data-testid="send-appeal" onClick={() => void appeal()}>{t('ledger.sendAppeal')}</Button>
            <Button size="xs" variant="subtle" onClick={() => setOpen(false)}>{t('common.cancel')}</Button></Group>
        </Stack>
      )}
    </Card>
  );
}
