// API keys of the admin's tenant: what each is (role, shop or account, when made, when revoked),
// never its secret; a new key is shown once, right after it is made; a key is revoked at once.
import { useState } from 'react';
import { Alert, Badge, Button, Card, Code, CopyButton, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ok } from '../api/client';
import type { ApiKey, KeyRole } from '../api/types';
import type { Session } from '../App';
import { Status } from '../components/Status';
import { useI18n } from '../i18n';
import { useLoad } from '../use-load';

const ROLES: readonly KeyRole[] = ['analyst', 'merchant', 'ingest', 'consumer', 'admin', 'partner'];

export function Keys({ session }: { session: Session }) {
  const { t } = useI18n();
  const keys = useLoad(() => ok(session.api.GET('/v1/keys', { params: { query: { limit: 500 } } })), [session]);
  return (
    <Stack>
      <Title order={3}>{t('keys.title', { source: session.me.source })}</Title>
      <CreateKey session={session} onCreated={keys.reload} />
      <Status loaded={keys}>{(k) => (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={720}>
            <Table striped data-testid="keys" fz="sm">
              <Table.Thead><Table.Tr><Table.Th>ID</Table.Th><Table.Th>{t('keys.role')}</Table.Th><Table.Th>{t('keys.scope')}</Table.Th>
                <Table.Th>{t('keys.created')}</Table.Th><Table.Th>{t('keys.revoked')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
              <Table.Tbody>{k.items.map((key) => <Row key={key.id} session={session} k={key} onRevoked={keys.reload} />)}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}</Status>
    </Stack>
  );
}

function Row({ session, k, onRevoked }: { session: Session; k: ApiKey; onRevoked: () => void }) {
  const { t, term, time } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const own = k.id === session.me.key_id;
  const revoke = async () => {
    setBusy(true); setError(null);
    try {
      await ok(session.api.POST('/v1/keys/{id}/revoke', { params: { path: { id: k.id } } }));
      onRevoked();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Table.Tr data-id={k.id} data-revoked={k.revoked_at ? 'yes' : 'no'}>
      <Table.Td><Code>{k.id}</Code>{own && <Badge ml={6} size="xs" variant="light">{t('keys.yours')}</Badge>}</Table.Td>
      <Table.Td>{term(k.role)}</Table.Td>
      <Table.Td>{k.shop ?? k.account ?? '–'}</Table.Td>
      <Table.Td>{time(k.created_at)}</Table.Td>
      <Table.Td>{k.revoked_at ? <Badge color="gray">{time(k.revoked_at)}</Badge> : '–'}</Table.Td>
      <Table.Td>
        {!k.revoked_at && !own && (
          <Button size="xs" variant="subtle" color="red" loading={busy} data-testid={`revoke-${k.id}`} onClick={() => void revoke()}>{t('keys.revoke')}</Button>
        )}
        {error && <Text size="xs" c="red">{error}</Text>}
      </Table.Td>
    </Table.Tr>
  );
}

function CreateKey({ session, onCreated }: { session: Session; onCreated: () => void }) {
  const { t, term } = useI18n();
  const [role, setRole] = useState<KeyRole>('analyst');
  const [scope, setScope] = useState('');
  const [made, setMade] = useState<{ key: string; id: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const scoped = role === 'merchant' ? 'shop' : role === 'consumer' ? 'account' : undefined;
  const create = async () => {
    setBusy(true); setError(null); setMade(null);
    try {
      const answer = await ok(session.api.POST('/v1/keys', { body: { role, ...(scoped ? { [scoped]: scope.trim() } : {}) } }));
      setMade({ key: answer.key, id: answer.record.id });
      setScope('');
      onCreated();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder>
      <Title order={5} mb="xs">{t('keys.create')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select label={t('keys.role')} value={role} allowDeselect={false} data-testid="key-role"
          data={ROLES.map((r) => ({ value: r, label: term(r) }))} onChange={(v) => setRole((v ?? 'analyst') as KeyRole)} />
        {scoped && <TextInput label={t(scoped === 'shop' ? 'keys.shop' : 'keys.account')} value={scope} data-testid="key-scope"
          onChange={(e) => setScope(e.currentTarget.value)} />}
      </SimpleGrid>
      {error && <Text size="sm" c="red" mt="xs" data-testid="key-error">{error}</Text>}
      <Group mt="xs">
        <Button loading={busy} disabled={scoped !== undefined && !scope.trim()} data-testid="create-key" onClick={() => void create()}>{t('keys.createButton')}</Button>
      </Group>
      {made && (
        <Alert mt="sm" color="yellow" title={t('keys.shownOnce', { id: made.id })} data-testid="new-key">
          <Group gap="xs" wrap="nowrap">
            <Code data-testid="new-key-secret" style={{ overflowWrap: 'anywhere' }}>{made.key}</Code>
            <CopyButton value={made.key}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? t('keys.copied') : t('keys.copy')}</Button>}</CopyButton>
          </Group>
        </Alert>
      )}
    </Card>
  );
}
