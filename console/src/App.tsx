// The console: sign-in, then the views of the key's role in a shell that folds its menu away on
// a phone. Views whose routes this server lacks are not offered.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { AppShell, Badge, Burger, Button, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ApiError, apiClient, ok, serverPaths, type Api } from './api/client';
import type { Me } from './api/types';
import { I18nProvider, initialLang, makeI18n, useI18n, type Lang } from './i18n';
import type { MessageKey } from './i18n/messages';
import { href, useRoute } from './router';
import { forgetKey, saveKey, saveLanguage, savedKey, savedLanguage } from './session';
import { Login } from './views/Login';
import { Overview } from './views/Overview';
import { Alerts } from './views/Alerts';
import { AlertView } from './views/AlertView';
import { GraphView } from './views/GraphView';
import { Warnings } from './views/Warnings';
import { ShopPicker } from './views/ShopPicker';
import { Cases, caseFilters } from './views/Cases';
import { CaseView } from './views/CaseView';
import { Strategies } from './views/Strategies';
import { Ledger } from './views/Ledger';
import { Appeals } from './views/Appeals';
import { Rules } from './views/Rules';
import { Lists } from './views/Lists';
import { Keys } from './views/Keys';
import { Alliance } from './views/Alliance';

export interface Session {
  api: Api;
  me: Me;
  /** Paths the server serves (from its OpenAPI document). */
  paths: Set<string>;
}

interface NavItem { key: MessageKey; parts: string[]; path: string }

function navItems(me: Me): NavItem[] {
  if (me.role === 'merchant' && me.shop) {
    return [
      { key: 'nav.warnings', parts: ['warnings'], path: '/v1/shops/{shop_id}/warnings' },
      { key: 'nav.held', parts: ['held'], path: '/v1/shops/{shop_id}/warnings' },
      { key: 'nav.strategies', parts: ['strategies'], path: '/v1/shops/{shop_id}/strategies' },
      { key: 'nav.ledger', parts: ['ledger'], path: '/v1/shops/{shop_id}/quality' },
      { key: 'nav.appeals', parts: ['appeals'], path: '/v1/appeals' },
    ];
  }
  if (me.role === 'analyst' || me.role === 'admin') {
    return [
      { key: 'nav.overview', parts: ['overview'], path: '/v1/stats/activity' },
      { key: 'nav.cases', parts: ['cases'], path: '/v1/cases' },
      { key: 'nav.alerts', parts: ['alerts'], path: '/v1/alerts' },
      { key: 'nav.graph', parts: ['graph'], path: '/v1/accounts/{id}/links' },
      { key: 'nav.shops', parts: ['shops'], path: '/v1/shops/{shop_id}/warnings' },
      { key: 'nav.rules', parts: ['rules'], path: '/v1/rules' },
      { key: 'nav.lists', parts: ['lists'], path: '/v1/lists' },
      { key: 'nav.appeals', parts: ['appeals'], path: '/v1/appeals' },
      // The alliance's routes exist only on a server with an alliance configured, so its OpenAPI
      // document (already read at sign-in) says whether to offer the view: no extra request.
      { key: 'nav.alliance', parts: ['alliance'], path: '/v1/alliance/partners' },
      // Only an admin key may call the keys routes: analysts are not offered a view that would answer 403.
      ...(me.role === 'admin' ? [{ key: 'nav.keys' as const, parts: ['keys'], path: '/v1/keys' }] : []),
    ];
  }
  return [];
}

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [checking, setChecking] = useState(() => savedKey() !== null);
  const [lang, setLang] = useState<Lang>(() => initialLang(savedLanguage(), undefined));
  const i18n = useMemo(() => makeI18n(lang), [lang]);
  const [opened, { toggle, close }] = useDisclosure();
  const route = useRoute();

  const signIn = useCallback(async (key: string): Promise<void> => {
    const api = apiClient(key);
    const [me, paths] = await Promise.all([ok(api.GET('/v1/me')), serverPaths()]);
    saveKey(key);
    setLang(initialLang(savedLanguage(), me.role));
    setSession({ api, me, paths });
  }, []);

  useEffect(() => {
    const key = savedKey();
    if (!key) return;
    signIn(key).catch((err: unknown) => {
      if (err instanceof ApiError && err.status === 401) forgetKey();
    }).finally(() => setChecking(false));
  }, [signIn]);

  useEffect(() => { document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'; }, [lang]);
  useEffect(close, [route, close]);

  const switchLang = () => {
    const next: Lang = lang === 'zh' ? 'en' : 'zh';
    saveLanguage(next);
    setLang(next);
  };

  if (!session) {
    return (
      <I18nProvider value={i18n}>
        {checking ? null : <Login onSignIn={signIn} onSwitchLang={switchLang} />}
      </I18nProvider>
    );
  }
  const { me } = session;
  const items = navItems(me).filter((n) => session.paths.has(n.path));
  const active = route.parts[0] ?? items[0]?.parts[0];
  const roleText = me.role === 'merchant' ? i18n.t('role.merchant', { shop: me.shop ?? '' })
    : me.role === 'analyst' || me.role === 'admin' ? i18n.t(`role.${me.role}`) : i18n.t('role.other', { role: me.role });
  const signOut = () => {
    forgetKey();
    setSession(null);
    window.location.hash = '';
  };

  return (
    <I18nProvider value={i18n}>
      <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="menu" />
              <Title order={4}>{i18n.t('app.title')}</Title>
              <Badge variant="light" visibleFrom="xs" data-testid="role">{roleText}</Badge>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" variant="subtle" onClick={switchLang} data-testid="lang">{i18n.t('lang.switch')}</Button>
              <Button size="xs" variant="light" onClick={signOut}>{i18n.t('nav.signout')}</Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <ScrollArea>
            {items.map((n) => <NavLink key={n.key} href={href(n.parts)} label={i18n.t(n.key)} active={active === n.parts[0]} />)}
          </ScrollArea>
        </AppShell.Navbar>
        <AppShell.Main>
          <View session={session} parts={route.parts.length ? route.parts : (items[0]?.parts ?? [])} query={route.query} />
        </AppShell.Main>
      </AppShell>
    </I18nProvider>
  );
}

function View({ session, parts, query }: { session: Session; parts: string[]; query: URLSearchParams }) {
  const { me } = session;
  const [view, id] = parts;
  if (me.role === 'merchant' && me.shop) {
    switch (view) {
      case 'held': return <Warnings session={session} shop={me.shop} heldOnly />;
      case 'strategies': return <Strategies session={session} shop={me.shop} />;
      case 'ledger': return <Ledger session={session} shop={me.shop} />;
      case 'appeals': return <Appeals session={session} />;
      default: return <Warnings session={session} shop={me.shop} />;
    }
  }
  if (me.role !== 'analyst' && me.role !== 'admin') return null;
  switch (view) {
    case undefined:
    case 'overview': return <Overview session={session} />;
    case 'cases': return id ? <CaseView session={session} id={id} /> : <Cases session={session} filters={caseFilters(query)} />;
    case 'rules': return <Rules session={session} />;
    case 'lists': return <Lists session={session} />;
    case 'appeals': return <Appeals session={session} />;
    case 'alliance': return session.paths.has('/v1/alliance/partners') ? <Alliance session={session} caseId={query.get('case') ?? undefined} /> : <NotFound />;
    case 'keys': return me.role === 'admin' ? <Keys session={session} /> : <NotFound />;
    case 'alerts': return id ? <AlertView session={session} id={id} /> : <Alerts session={session} kind={query.get('kind') ?? undefined} since={query.get('since') ?? undefined} />;
    case 'graph': return <GraphView session={session} account={id} />;
    case 'shops': return id ? <Warnings session={session} shop={id} /> : <ShopPicker />;
    default: return <NotFound />;
  }
}

function NotFound() {
  const { t } = useI18n();
  return <Text>{t('common.notfound')}</Text>;
}
