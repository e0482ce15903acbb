import { screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../electron/common/contract';
import { installFakeMamori, ok } from '../../test/fakeMamori';
import { sessionFor } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { pagedCases } from '../../test/renderCases';
import { ROW_HEIGHT } from '../cases/list/CaseListTable';

// jsdom lays nothing out; the virtualiser needs a viewport to decide which rows to draw.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 10 * ROW_HEIGHT });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
});
afterAll(() => {
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
});

/** Signs in through the form; core's answer is `session`. Records whether the frame was drawn when the list was asked for. */
async function signInTo(session: ReturnType<typeof sessionFor>) {
  const list = pagedCases(240);
  const asked: { frameDrawn: boolean }[] = [];
  const fake = installFakeMamori({
    'session:signIn': () => ok(session),
    'cases:list': (input: ChannelInput<'cases:list'>) => {
      asked.push({ frameDrawn: screen.queryByRole('button', { name: 'Sign out' }) !== null });
      return list(input);
    },
  });
  const { user } = renderApp();
  await user.type(await screen.findByLabelText('User name'), 'officer.test');
  await user.type(screen.getByLabelText('Passphrase'), 'officer test passphrase');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return { fake, asked };
}

describe('reading ahead as the session opens (issue 17: sign-in to the first painted page)', () => {
  it('a sign-in that opens on the case list asks for its first rows once, before the frame is drawn', async () => {
    const { fake, asked } = await signInTo(sessionFor({ lastView: 'cases' }));
    expect(await screen.findByRole('row', { name: /TV-2026-0001/ })).toBeTruthy();
    expect(asked).toEqual([{ frameDrawn: false }]);
    expect(fake.callsTo('cases:list')).toEqual([{ filter: {}, sort: 'updated', offset: 0, limit: 100 }]);
  });

  it('reads nothing ahead for a sign-in that opens elsewhere', async () => {
    const elsewhere = await signInTo(sessionFor({ lastView: 'settings' }));
    expect(await screen.findByRole('heading', { name: 'Settings', level: 2 })).toBeTruthy();
    expect(elsewhere.fake.callsTo('cases:list')).toEqual([]);
  });

  it('reads nothing ahead for a user who must first replace a temporary passphrase', async () => {
    const temporary = await signInTo(sessionFor({ lastView: 'cases', mustChangePassphrase: true }));
    expect(await screen.findByLabelText('New passphrase')).toBeTruthy();
    expect(temporary.fake.callsTo('cases:list')).toEqual([]);
  });
});
