import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../electron/common/accounts';
import type { ExportEntry } from '../../../electron/common/contract.exports';
import { i18n } from '../../i18n/i18n';
import { CASE_ID } from '../../test/caseDetail';
import { installFakeMamori, ok, type Handlers } from '../../test/fakeMamori';
import { renderWithProviders, signInAs } from '../../test/renderCase';
import { ExportRegisterScreen } from './ExportRegisterScreen';

const HASH = '0123456789abcdef'.repeat(4);

function entry(n: number, overrides: Partial<ExportEntry> = {}): ExportEntry {
  return {
    number: `EXP-2026-${String(n).padStart(6, '0')}`,
    caseId: CASE_ID,
    caseReference: 'TV-2026-0042',
    profile: 'decision-brief',
    medium: 'pdf',
    copy: 1,
    recipient: 'Supervisor file (fictional)',
    purpose: 'Approval file of the decision.',
    exportedBy: 'Testperson Supervisor',
    exportedAt: '2026-11-29T01:00:00.000Z',
    pages: 3,
    sha256: HASH,
    sealedItems: [],
    sealedAuthorisedBy: null,
    casePurgedOn: null,
    ...overrides,
  };
}

async function renderRegister(role: Role, handlers: Handlers, language: 'en' | 'ja' = 'en') {
  await i18n.changeLanguage(language);
  const fake = installFakeMamori(handlers);
  signInAs(role);
  const { user } = renderWithProviders(<ExportRegisterScreen />);
  return { fake, user };
}

const rows = () => screen.getAllByTestId('export-register-row');
const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);

describe('export register', () => {
  it('lists every export for a supervisor, newest first, with what left the vault, for whom, and who authorised sealed items', async () => {
    await renderRegister('supervisor', {
      'exports:list': () =>
        ok({
          entries: [
            entry(2, { sealedItems: ['whereabouts', 'identity-documents'], sealedAuthorisedBy: 'Testperson Supervisor' }),
            entry(1, { profile: 'shelter-handover', medium: 'print', copy: 2, recipient: 'Fictional Shelter Network', exportedBy: 'Testperson Officer', pages: 1 }),
          ],
          nextBefore: null,
        }),
    });

    expect(await screen.findByRole('table', { name: 'Export register' })).toBeTruthy();
    expect(screen.getByText(/As a supervisor you see everyone's exports/)).toBeTruthy();
    const [newest, older] = rows();
    expect(cells(newest)).toEqual([
      'EXP-2026-000002PDF · copy 1 · 3 pages',
      'TV-2026-0042Decision brief',
      'Supervisor file (fictional)Approval file of the decision.',
      expect.stringMatching(/^Testperson SupervisorNov 29, 2026/),
      expect.stringContaining('0123456789ab…'),
      'Whereabouts, Identity documentsAuthorised by Testperson Supervisor',
    ]);
    expect(cells(older).slice(0, 3)).toEqual(['EXP-2026-000001Printed · copy 2 · 1 page', 'TV-2026-0042Shelter handover', 'Fictional Shelter NetworkApproval file of the decision.']);
    expect(cells(older)[3]).toMatch(/^Testperson Officer/);
    expect(cells(older)[5]).toBe('None');

    // The hash: short in the row, the whole value one click away.
    const hash = within(newest).getByRole('group', { name: 'SHA-256 of EXP-2026-000002' });
    expect(within(hash).getByText('0123456789ab…')).toBeTruthy();
    expect(hash.textContent).toContain(HASH);
  });

  it('tells an officer they see only their own exports', async () => {
    const { fake } = await renderRegister('officer', { 'exports:list': () => ok({ entries: [entry(1)], nextBefore: null }) });
    expect(await screen.findByText('The case summaries you exported, newest first. Officers see only their own exports; supervisors see everyone\'s.')).toBeTruthy();
    expect(fake.callsTo('exports:list')).toEqual([{ limit: 50 }]);
  });

  it('pages to older exports with the cursor core gave, and back to the newest', async () => {
    const { user, fake } = await renderRegister('supervisor', {
      'exports:list': (input) =>
        input.before ? ok({ entries: [entry(50), entry(49)], nextBefore: null }) : ok({ entries: [entry(52), entry(51)], nextBefore: 'EXP-2026-000051' }),
    });
    await screen.findByText('EXP-2026-000052');
    const pager = within(screen.getByRole('navigation', { name: 'Pages of the register' }));
    expect(pager.getByRole('button', { name: 'Newest' })).toHaveProperty('disabled', true);

    await user.click(pager.getByRole('button', { name: 'Older' }));
    expect(await screen.findByText('EXP-2026-000050')).toBeTruthy();
    expect(screen.queryByText('EXP-2026-000052')).toBeNull();
    expect(pager.getByRole('button', { name: 'Older' })).toHaveProperty('disabled', true);

    await user.click(pager.getByRole('button', { name: 'Newest' }));
    expect(await screen.findByText('EXP-2026-000052')).toBeTruthy();
    expect(fake.callsTo('exports:list')).toEqual([{ limit: 50 }, { before: 'EXP-2026-000051', limit: 50 }, { limit: 50 }]);
  });

  it('keeps the copies of a purged case, saying so in place of the recipient and purpose that went with it', async () => {
    await renderRegister('supervisor', { 'exports:list': () => ok({ entries: [entry(4, { recipient: '', purpose: '', casePurgedOn: '2031-12-01' })], nextBefore: null }) });
    await screen.findByText('EXP-2026-000004');
    expect(cells(rows()[0])[2]).toBe('Case purged on Dec 1, 2031 at the end of its retention period: the recipient and purpose went with it.');
  });

  it('says when nothing has been exported yet', async () => {
    await renderRegister('officer', { 'exports:list': () => ok({ entries: [], nextBefore: null }) });
    expect(await screen.findByText('No case summaries have been exported yet.')).toBeTruthy();
  });

  it('is in Japanese for a Japanese user', async () => {
    await renderRegister('supervisor', { 'exports:list': () => ok({ entries: [entry(3, { sealedItems: ['whereabouts'], sealedAuthorisedBy: '中野 誠' })], nextBefore: null }) }, 'ja');
    const table = await screen.findByRole('table', { name: '出力記録' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['出力番号', '事案・種類', '宛先・目的', '出力者・日時', 'SHA-256', '秘匿情報']);
    const [number, kind, , who, , sealed] = cells(rows()[0]);
    expect([number, kind, sealed]).toEqual(['EXP-2026-000003PDF・第1部・3ページ', 'TV-2026-0042決裁用要約', '所在許可：中野 誠']);
    expect(who).toMatch(/^Testperson Supervisor2026\/11\/29/);
    expect(screen.getByText(/監督者はすべての職員の出力を閲覧できます/)).toBeTruthy();
  });
});
