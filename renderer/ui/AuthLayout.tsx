import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLocale } from '../features/settings/settings.actions';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of every screen shown before sign-in: brand, language switch, one card. */
export function AuthLayout({ children, width = 520 }: { children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.1" py="xl">
      <Container size={width}>
        <Stack gap="lg">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Title order={1} size="h2" c="mamori.9">
                {t('app.brand')}
              </Title>
              <Text c="gray.7" size="sm">
                {t('app.tagline')}
              </Text>
            </div>
            <LanguageSwitch onChange={(locale) => void chooseLocale(locale)} />
          </Group>
          <Paper withBorder shadow="xs" p="xl" component="main">
            {children}
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}
