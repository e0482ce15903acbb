import { AppShell, Badge, Box, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { SealingAccessSection } from '../sealing/SealingAccessSection';
import { ShortcutsHelp, useShortcuts } from './shortcuts';
import { OrganisationsScreen } from '../organisations/OrganisationsScreen';
import { AuditScreen } from '../audit/AuditScreen';
import { RoutineCheckAlert } from '../audit/RoutineCheck';
import { BackupReminder } from '../backup/BackupReminder';
import { BackupsScreen } from '../backup/BackupsScreen';
import { CasesScreen } from '../caseFile/CasesScreen';
import { ReviewQueueScreen } from '../decisions/ReviewQueueScreen';
import { ExportRegisterScreen } from '../exports/ExportRegisterScreen';
import { InterpretersScreen } from '../interpreters/InterpretersScreen';
import { openSection } from '../navigation/navigation.actions';
import { RetentionScreen } from '../retention/RetentionScreen';
import { navigationSelectors, useNavigationStore } from '../navigation/navigation.store';
import { resolveSection, sectionsFor, type Section } from '../navigation/sections';
import { lockSession, signOut } from '../session/session.actions';
import { sessionSelectors, useSessionStore } from '../session/session.store';
import { SettingsScreen } from '../settings/SettingsScreen';
import { StatisticsScreen } from '../statistics/StatisticsScreen';
import { UsersScreen } from '../users/UsersScreen';
import { MyWorkScreen } from '../work/MyWorkScreen';

/** Backups and keys, with the way to Users for the accounts a key rotation leaves behind. */
function BackupsSection() {
  return <BackupsScreen onOpenUsers={() => void openSection('users')} />;
}

/** The screen of each section: every section has one (the type checker asks for a new section's). */
const SCREENS: Record<Section, ComponentType> = {
  'my-work': MyWorkScreen,
  cases: CasesScreen,
  interpreters: InterpretersScreen,
  organisations: OrganisationsScreen,
  decisions: ReviewQueueScreen,
  exports: ExportRegisterScreen,
  retention: RetentionScreen,
  statistics: StatisticsScreen,
  users: UsersScreen,
  backups: BackupsSection,
  audit: AuditScreen,
  settings: SettingsScreen,
};

function SectionContent({ section }: { section: Section }) {
  const Screen = SCREENS[section];
  return <Screen />;
}

/** The signed-in frame: who is signed in, the lock controls, and the sections. */
export function HomeShell() {
  const { t } = useTranslation();
  const user = useSessionStore(sessionSelectors.user);
  const chosen = useNavigationStore(navigationSelectors.section);
  const shortcuts = useShortcuts(user?.role ?? 'auditor');
  if (!user) return null;
  const section = resolveSection(user.role, chosen ?? user.lastView);

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 232, breakpoint: 0 }} padding="xl">
      <AppShell.Header px="lg" bg="mamori.9" c="white" withBorder={false}>
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Title order={1} size="h3">
            {t('app.brand')}
          </Title>
          <Group gap="md" wrap="nowrap">
            <Stack gap={0} align="flex-end">
              {/* A display name is one free-text field, shown exactly as the user entered it. */}
              <Text fw={700} size="sm" lineClamp={1}>
                {user.displayName}
              </Text>
              <Badge variant="white" color="mamori.9" size="sm">
                {t(`roles.${user.role}`)}
              </Badge>
            </Stack>
            <Button
              variant="white"
              color="mamori.9"
              aria-keyshortcuts="Control+L Meta+L"
              onClick={() => void lockSession('user')}
            >
              {t('shell.lock')}
            </Button>
            <Button variant="outline" color="white" onClick={() => void signOut()}>
              {t('shell.signOut')}
            </Button>
            <Button variant="subtle" color="white" px="xs" aria-keyshortcuts="?" onClick={shortcuts.openHelp}>
              {t('shell.shortcuts.open')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('shell.navigation')}>
        {sectionsFor(user.role).map((item) => (
          <NavLink
            key={item}
            component="button"
            type="button"
            label={t(`nav.${item}`)}
            active={item === section}
            aria-current={item === section ? 'page' : undefined}
            onClick={() => void openSection(item)}
            fw={item === section ? 700 : 400}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        {/* Administrators are reminded of backups everywhere but on the Backups screen, which says it itself. */}
        {user.role === 'administrator' && section !== 'backups' && (
          <Box mb="lg">
            <BackupReminder onOpen={() => void openSection('backups')} />
          </Box>
        )}
        {/* Case workers: their own key waiting for a grant, and a supervisor's pending grants, read once at sign-in and shown on every screen until dealt with. */}
        {(user.role === 'officer' || user.role === 'supervisor') && <SealingAccessSection />}
        {/* Auditors and administrators: a break the routine check at sign-in found, on every screen. */}
        {(user.role === 'auditor' || user.role === 'administrator') && (
          <RoutineCheckAlert onOpen={section === 'audit' ? undefined : () => void openSection('audit')} />
        )}
        <SectionContent section={section} />
      </AppShell.Main>
      <ShortcutsHelp role={user.role} opened={shortcuts.helpOpen} onClose={shortcuts.closeHelp} />
    </AppShell>
  );
}
