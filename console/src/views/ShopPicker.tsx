import { useState } from 'react';
import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useI18n } from '../i18n';
import { navigate } from '../router';

/** An analyst picks a shop to read its warnings as its merchant sees them. */
export function ShopPicker() {
  const { t } = useI18n();
  const [shop, setShop] = useState('');
  const go = () => { if (shop.trim()) navigate(['shops', shop.trim()]); };
  return (
    <Stack>
      <Title order={3}>{t('shops.title')}</Title>
      <Group align="end">
        <TextInput label={t('shops.shop')} value={shop} onChange={(e) => setShop(e.currentTarget.value)} onKeyDown={(e) => { if (e.key === 'Enter') go(); }} w={280} />
        <Button variant="light" onClick={go}>{t('common.go')}</Button>
      </Group>
    </Stack>
  );
}
