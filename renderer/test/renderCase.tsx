/** Rendering helpers for the case page and its tabs, against whatever fake `window.mamori` the helper installs. */
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentType, ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import type { Role, SessionInfo } from '../../electron/common/accounts';
import type { CaseDetail } from '../../electron/common/caseDetail';
import { useCasePageStore } from '../features/cases/page/casePage.store';
import { useSessionStore } from '../features/session/session.store';
import { i18n } from '../i18n/i18n';
import { LocalisedDates } from '../ui/LocalisedDates';
import { theme } from '../ui/theme';
import { installFakeMamori, type Handlers } from './fakeMamori';
import { sessionFor } from './fixtures';

/** Puts a synthetic user of `role` in the session store, as a sign-in would. */
export function signInAs(role: Role, overrides: Partial<SessionInfo['user']> = {}): void {
  useSessionStore.setState({ status: 'signed-in', user: sessionFor({ role, ...overrides }).user });
}

export interface RenderOptions {
  /** Fake timers that still advance on their own; the test file restores real ones after each test. */
  fakeTimers?: boolean;
}

/** Renders `ui` inside the providers AppRoot gives the app (i18n, the Mantine theme), with a user-event driver. */
export function renderWithProviders(ui: ReactNode, { fakeTimers = false }: RenderOptions = {}) {
  if (fakeTimers) vi.useFakeTimers({ shouldAdvanceTime: true });
  const user = userEvent.setup(fakeTimers ? { advanceTimers: (ms) => vi.advanceTimersByTime(ms) } : {});
  const rendered = render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <LocalisedDates>{ui}</LocalisedDates>
      </MantineProvider>
    </I18nextProvider>,
  );
  return { user, ...rendered };
}

type Section = ComponentType<{ detail: CaseDetail }>;

/** The tab as CasePage shows it: it reads the case from the store, so core's answer shows at once. */
function FromStore({ section: Tab }: { section: Section }) {
  const detail = useCasePageStore((s) => s.detail);
  return detail ? <Tab detail={detail} /> : null;
}

export interface CaseSectionOptions extends RenderOptions {
  role?: Role;
  /** The signed-in user's id, for rules about who submitted or drafted what. */
  userId?: string;
  handlers?: Handlers;
}

/** Renders one tab of the case page on `detail`, signed in as `role` (an officer unless told). */
export function renderCaseSection(section: Section, detail: CaseDetail, { role = 'officer', userId, handlers = {}, fakeTimers }: CaseSectionOptions = {}) {
  const fake = installFakeMamori(handlers);
  signInAs(role, userId === undefined ? {} : { id: userId });
  useCasePageStore.setState({ detail });
  const { user } = renderWithProviders(<FromStore section={section} />, { fakeTimers });
  return { fake, user };
}
