import { Button, Kbd, Stack, Table, Text } from '@mantine/core';
import { Dialog } from '../../ui/Dialog';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../electron/common/accounts';
import { findCases, openIntake } from '../cases/list/caseList.actions';
import { openSection } from '../navigation/navigation.actions';
import { sectionsFor } from '../navigation/sections';

/** Roles that open cases (core's policy for `cases:create`; hiding the shortcut only spares a dead end). */
const MAY_OPEN_CASES: readonly Role[] = ['officer', 'supervisor'];

/** Ctrl on Windows and Linux, ⌘ on macOS (the same keys the panic lock takes). */
const isMac = () => /Mac|iPhone|iPad/.test(navigator.userAgent);

/** Ctrl/Cmd with `letter`, by key or by physical key (non-Latin layouts), not AltGr. */
function isModified(event: KeyboardEvent, letter: string): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && (event.code === `Key${letter.toUpperCase()}` || event.key.toLowerCase() === letter);
}

/** Typing a "?" into a field is typing, not asking for help. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The shell's shortcuts (Ctrl/Cmd+L, the panic lock, is in useSessionGuards and in main): Ctrl/Cmd+K
 * the case search, Ctrl/Cmd+N a new case where the role may open one, "?" this list. Escape closes
 * dialogs (Mantine's modals do it themselves). Returns whether the list is open and how to close it.
 */
export function useShortcuts(role: Role): { helpOpen: boolean; openHelp: () => void; closeHelp: () => void } {
  const [helpOpen, setHelpOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const cases = sectionsFor(role).includes('cases');
      if (cases && isModified(event, 'k')) {
        event.preventDefault();
        setHelpOpen(false);
        findCases();
        void openSection('cases');
      } else if (cases && MAY_OPEN_CASES.includes(role) && isModified(event, 'n')) {
        event.preventDefault();
        setHelpOpen(false);
        openIntake();
        void openSection('cases');
      } else if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target)) {
        event.preventDefault();
        setHelpOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [role]);
  return { helpOpen, openHelp: () => setHelpOpen(true), closeHelp: () => setHelpOpen(false) };
}

/** The list of shortcuts, for the role (only what it can do). */
export function ShortcutsHelp({ role, opened, onClose }: { role: Role; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const mod = isMac() ? '⌘' : 'Ctrl';
  const cases = sectionsFor(role).includes('cases');
  const rows: [string[], string][] = [
    [[mod, 'L'], t('shell.shortcuts.lock')],
    ...(cases ? ([[[mod, 'K'], t('shell.shortcuts.search')]] as [string[], string][]) : []),
    ...(cases && MAY_OPEN_CASES.includes(role) ? ([[[mod, 'N'], t('shell.shortcuts.newCase')]] as [string[], string][]) : []),
    [['?'], t('shell.shortcuts.help')],
    [['Esc'], t('shell.shortcuts.escape')],
    [['Tab'], t('shell.shortcuts.tab')],
  ];
  return (
    <Dialog opened={opened} onClose={onClose} title={t('shell.shortcuts.title')} size="lg">
      <Stack gap="sm">
        <Text size="sm">{t('shell.shortcuts.intro')}</Text>
        <Table withTableBorder data-testid="shortcuts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('shell.shortcuts.key')}</Table.Th>
              <Table.Th scope="col">{t('shell.shortcuts.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(([keys, action]) => (
              <Table.Tr key={keys.join('+')}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 && ' + '}
                      <Kbd>{key}</Kbd>
                    </span>
                  ))}
                </Table.Td>
                <Table.Td>{action}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Button variant="default" onClick={onClose} style={{ alignSelf: 'flex-end' }}>
          {t('shell.shortcuts.close')}
        </Button>
      </Stack>
    </Dialog>
  );
}
