import { useState, type FormEvent } from 'react';
import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n';

export function Login({ onSignIn, onSwitchLang }: { onSignIn: (key: string) => Promise<void>; onSwitchLang: () => void }) {
  const { t } = useI18n();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSignIn(key.trim());
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? t('login.unknown') : t('login.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="lg" w="100%" maw={440}>
        <form onSubmit={submit}>
          <Stack>
            <Group justify="space-between">
              <Title order={3}>{t('app.title')}</Title>
              <Button size="xs" variant="subtle" onClick={onSwitchLang}>{t('lang.switch')}</Button>
            </Group>
            <Text fw={500}>{t('login.title')}</Text>
            <Text size="sm" c="dimmed">{t('login.help')}</Text>
            <PasswordInput label={t('login.key')} value={key} onChange={(e) => setKey(e.currentTarget.value)} required autoComplete="off" data-testid="key" />
            {error && <Alert color="red" data-testid="login-error">{error}</Alert>}
            <Button type="submit" loading={busy} data-testid="sign-in">{t('login.submit')}</Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
