// An account's cluster in the identity graph, to explore from any account id.
import { useMemo, useState } from 'react';
import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { ok } from '../api/client';
import type { AccountCluster } from '../api/types';
import type { Session } from '../App';
import { LinkGraph } from '../components/LinkGraph';
import { clustersToGraph } from '../components/graph-model';
import { Status } from '../components/Status';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { useLoad } from '../use-load';

export function GraphView({ session, account }: { session: Session; account?: string }) {
  const { t } = useI18n();
  const [text, setText] = useState(account ?? '');
  return (
    <Stack>
      <Title order={3}>{t('graph.title')}</Title>
      <Group align="end">
        <TextInput label={t('graph.account')} value={text} onChange={(e) => setText(e.currentTarget.value)} w={280}
          onKeyDown={(e) => { if (e.key === 'Enter' && text.trim()) navigate(['graph', text.trim()]); }} />
        <Button variant="light" onClick={() => text.trim() && navigate(['graph', text.trim()])}>{t('common.go')}</Button>
      </Group>
      <Text size="sm" c="dimmed">{t('graph.help')}</Text>
      {account && <AccountGraph key={account} session={session} account={account} />}
    </Stack>
  );
}

function AccountGraph({ session, account }: { session: Session; account: string }) {
  const cluster = useLoad(() => ok(session.api.GET('/v1/accounts/{id}/links', { params: { path: { id: account } } })), [session, account]);
  return <Status loaded={cluster}>{(c) => <ClusterGraph cluster={c} account={account} />}</Status>;
}

function ClusterGraph({ cluster, account }: { cluster: AccountCluster; account: string }) {
  const { t, num } = useI18n();
  const model = useMemo(() => clustersToGraph([cluster], { subjects: [account] }), [cluster, account]);
  return (
    <Card withBorder>
      <Text size="sm" mb="xs">{t('graph.size', { size: num(cluster.size), shown: num(cluster.accounts.length), links: num(cluster.links.length) })}</Text>
      <LinkGraph model={model} onSelect={(id) => { if (id.startsWith('account:') && id !== `account:${account}`) navigate(['graph', id.slice('account:'.length)]); }} />
    </Card>
  );
}
