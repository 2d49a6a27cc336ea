// Block and allow lists: every entry (personal data shown as the keyed hash the server stores, never
// the value), added with an optional expiry in event time and a note, removed by its stored form.
import { useState } from 'react';
import { Badge, Button, Card, Code, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ok } from '../api/client';
import type { ListEntry } from '../api/types';
import type { Session } from '../App';
import { Status } from '../components/Status';
import { useI18n } from '../i18n';
import { useLoad } from '../use-load';

const KINDS = ['accounts', 'devices', 'ips', 'phones', 'addresses', 'payments', 'contacts'] as const;
export const LIST_NAMES = KINDS.flatMap((k) => [`blocked_${k}`, `allowed_${k}`]);

export function Lists({ session }: { session: Session }) {
  const { t } = useI18n();
  const lists = useLoad(() => ok(session.api.GET('/v1/lists')), [session]);
  return (
    <Stack>
      <Title order={3}>{t('lists.title')}</Title>
      <AddEntry session={session} onAdded={lists.reload} />
      <Status loaded={lists}>{(l) => (
        <Card withBorder p={0}>
          {l.stale_entries > 0 && <Text size="sm" c="orange" p="sm">{t('lists.stale', { count: l.stale_entries })}</Text>}
          {l.items.length === 0 ? <Text c="dimmed" p="sm">{t('common.none')}</Text> : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped data-testid="list-entries" fz="sm">
                <Table.Thead><Table.Tr><Table.Th>{t('lists.list')}</Table.Th><Table.Th>{t('lists.value')}</Table.Th><Table.Th>{t('lists.expires')}</Table.Th>
                  <Table.Th>{t('lists.note')}</Table.Th><Table.Th>{t('lists.added')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
                <Table.Tbody>{l.items.map((e) => <Row key={`${e.list}|${e.value}`} session={session} e={e} onRemoved={lists.reload} />)}</Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      )}</Status>
    </Stack>
  );
}

function Row({ session, e, onRemoved }: { session: Session; e: ListEntry; onRemoved: () => void }) {
  const { t, time } = useI18n();
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    try {
      await ok(session.api.DELETE('/v1/lists/{list}', { params: { path: { list: e.list }, query: { value: e.value } } }).then((a) => ({ ...a, data: a.data ?? null })));
      onRemoved();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Table.Tr data-list={e.list}>
      <Table.Td><Badge variant="light" color={e.list.startsWith('blocked') ? 'red' : 'green'}>{e.list}</Badge></Table.Td>
      <Table.Td><Code>{e.hashed ? `${e.value.slice(0, 16)}…` : e.value}</Code>{e.hashed && <Text size="xs" c="dimmed">{t('lists.hashed')}</Text>}</Table.Td>
      <Table.Td>{e.expiresAt !== undefined ? time(new Date(e.expiresAt).toISOString()) : '–'}</Table.Td>
      <Table.Td>{e.note ?? ''}</Table.Td>
      <Table.Td><Text size="xs">{time(e.addedAt)}</Text><Text size="xs" c="dimmed">{e.addedBy}</Text></Table.Td>
      <Table.Td><Button size="xs" variant="subtle" color="red" loading={busy} data-testid="remove-entry" onClick={() => void remove()}>{t('lists.remove')}</Button></Table.Td>
    </Table.Tr>
  );
}

function AddEntry({ session, onAdded }: { session: Session; onAdded: () => void }) {
  const { t } = useI18n();
  const [list, setList] = useState('blocked_devices');
  const [value, setValue] = useState('');
  const [address, setAddress] = useState({ province: '', city: '', district: '', detail: '' });
  const [expires, setExpires] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isAddress = list.endsWith('_addresses');
  const add = async () => {
    setBusy(true); setError(null);
    try {
      const v = isAddress ? { province: address.province, city: address.city, detail: address.detail, ...(address.district ? { district: address.district } : {}) } : value.trim();
      await ok(session.api.POST('/v1/lists/{list}', { params: { path: { list } }, body: { value: v, ...(expires ? { expires } : {}), ...(note ? { note } : {}) } }));
      setValue(''); setNote(''); setExpires('');
      onAdded();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const set = (k: keyof typeof address) => (e: React.ChangeEvent<HTMLInputElement>) => setAddress({ ...address, [k]: e.currentTarget.value });
  return (
    <Card withBorder>
      <Title order={5} mb="xs">{t('lists.add')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Select label={t('lists.list')} value={list} allowDeselect={false} data={LIST_NAMES} data-testid="list-name" onChange={(v) => setList(v ?? 'blocked_devices')} searchable />
        {isAddress ? (
          <>
            <TextInput label={t('lists.province')} value={address.province} onChange={set('province')} />
            <TextInput label={t('lists.city')} value={address.city} onChange={set('city')} />
            <TextInput label={t('lists.district')} value={address.district} onChange={set('district')} />
            <TextInput label={t('lists.detail')} value={address.detail} onChange={set('detail')} />
          </>
        ) : <TextInput label={t('lists.value')} description={t('lists.valueHelp')} value={value} data-testid="list-value" onChange={(e) => setValue(e.currentTarget.value)} />}
        <TextInput label={t('lists.expires')} placeholder="2026-12-31T00:00:00.000Z" value={expires} onChange={(e) => setExpires(e.currentTarget.value)} />
        <TextInput label={t('lists.note')} value={note} data-testid="list-note" onChange={(e) => setNote(e.currentTarget.value)} />
      </SimpleGrid>
      {error && <Text c="red" size="sm" mt="xs" data-testid="api-error">{error}</Text>}
      <Group mt="sm"><Button loading={busy} disabled={isAddress ? !address.detail.trim() : !value.trim()} data-testid="add-entry" onClick={() => void add()}>{t('lists.addButton')}</Button></Group>
    </Card>
  );
}
