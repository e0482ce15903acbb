import { Box, Container, Group, Paper, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../electron/common/errors';
import { setUiLocale } from '../i18n/i18n';
import { Heading } from './Heading';
import { LanguageSwitch } from './LanguageSwitch';

interface AuthLayoutProps {
  children: ReactNode;
  width?: number;
  /**
   * What the language switch does. Before sign-in it only changes the interface; a signed-in screen
   * (the first passphrase) passes the session's `chooseLocale`, which also saves the choice.
   */
  onLocaleChange?: (locale: Locale) => Promise<void>;
}

/** The frame of every screen shown before sign-in: brand, language switch, one card. */
export function AuthLayout({ children, width = 520, onLocaleChange = setUiLocale }: AuthLayoutProps) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.1" py="xl">
      <Container size={width}>
        <Stack gap="lg">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Heading title={t('app.brand')} hint={t('app.tagline')} order={1} size="h2" color="mamori.9" />
            <LanguageSwitch onChange={(locale) => void onLocaleChange(locale)} />
          </Group>
          <Paper withBorder shadow="xs" p="xl" component="main">
            {children}
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}
