// What a view shows while it loads or when the API refused: the server's own message.
import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { Loaded } from '../use-load';

export function Status<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (loaded.error) {
    return (
      <Alert color="red" title={t('common.error', { message: '' })} data-testid="api-error">
        <Text size="sm">{loaded.error.message}</Text>
        <Group mt="xs"><Button size="xs" variant="light" onClick={loaded.reload}>{t('common.retry')}</Button></Group>
      </Alert>
    );
  }
  if (loaded.data === undefined) return <Group><Loader size="sm" /><Text size="sm">{t('common.loading')}</Text></Group>;
  return <>{children(loaded.data)}</>;
}
