/** Test helpers for the cases section (list, intake, open case): synthetic rows, a paged fake `cases:list`, and the screen in its providers. */
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { Role } from '../../electron/common/accounts';
import type { ChannelInput } from '../../electron/common/contract';
import type { CaseListRow } from '../../electron/common/contract.cases';
import { CasesScreen } from '../features/caseFile/CasesScreen';
import { useSessionStore } from '../features/session/session.store';
import { i18n } from '../i18n/i18n';
import { theme } from '../ui/theme';
import { installFakeMamori, ok, type Handlers } from './fakeMamori';
import { sessionFor } from './fixtures';

export function caseId(index: number): string {
  return `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
}

/** Synthetic rows only: initials and references, as `cases:list` sends them. */
export function caseRow(index: number, overrides: Partial<CaseListRow> = {}): CaseListRow {
  return {
    id: caseId(index),
    reference: `TV-2026-${String(index + 1).padStart(4, '0')}`,
    maskedName: 'N. T.',
    nationality: 'VNM',
    sex: 'female',
    stage: 'protection',
    riskLevel: 'high',
    flags: ['child'],
    standing: 'in-violation',
    custody: 'provisional-release',
    nextDeadline: null,
    updatedAt: '2026-03-02T01:02:03.000Z',
    ...overrides,
  };
}

/** A list of `total` cases, windowed by offset and limit as core does. */
export function pagedCases(total: number): NonNullable<Handlers['cases:list']> {
  return ({ offset = 0, limit = 50 }: ChannelInput<'cases:list'>) => {
    const count = Math.max(0, Math.min(limit, total - offset));
    return ok({ total, rows: Array.from({ length: count }, (_, i) => caseRow(offset + i)) });
  };
}

export const STAFF = {
  officers: [
    { id: '00000000-0000-4000-8000-0000000000a1', displayName: 'Testperson Officer' },
    { id: '00000000-0000-4000-8000-0000000000a2', displayName: 'Testperson Second' },
  ],
  supervisors: [{ id: '00000000-0000-4000-8000-0000000000b1', displayName: 'Testperson Supervisor' }],
};

export function renderCases(handlers: Handlers = {}, role: Role = 'officer') {
  const fake = installFakeMamori({
    'cases:list': pagedCases(1234),
    'cases:staff': () => ok(STAFF),
    ...handlers,
  });
  const session = sessionFor({ role });
  useSessionStore.setState({ status: 'signed-in', user: session.user, settings: session.settings });
  // No pause between keystrokes: the long intake form would otherwise take seconds per test.
  const user = userEvent.setup({ delay: null });
  const rendered = render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} forceColorScheme="light">
        <CasesScreen />
      </MantineProvider>
    </I18nextProvider>,
  );
  return { fake, user, ...rendered };
}
