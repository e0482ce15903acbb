import { act, screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../electron/common/accounts';
import type { ExportEntry, ExportRequest } from '../../../electron/common/contract.exports';
import { i18n } from '../../i18n/i18n';
import { CASE_ID } from '../../test/caseDetail';
import { fail, installFakeMamori, ok, type Handlers } from '../../test/fakeMamori';
import { renderWithProviders, signInAs } from '../../test/renderCase';
import { printFooter, summaryDocument } from '../../test/summary';
import { ExportSummaryButton } from './ExportSummaryButton';

type User = ReturnType<typeof userEvent.setup>;

const entry = (overrides: Partial<ExportEntry> = {}): ExportEntry => ({
  number: 'EXP-2026-000124',
  caseId: CASE_ID,
  caseReference: 'TV-2026-0042',
  profile: 'shelter-handover',
  medium: 'pdf',
  copy: 2,
  recipient: 'Fictional Shelter Network',
  purpose: 'Handover on admission (fictional).',
  exportedBy: 'Testperson Kanade',
  exportedAt: '2026-11-29T01:00:00.000Z',
  pages: 2,
  sha256: 'ab'.repeat(32),
  sealedItems: [],
  sealedAuthorisedBy: null,
  casePurgedOn: null,
  ...overrides,
});

/** Core's preview of whatever was asked, built by core's own rule from the synthetic case. */
const previewHandler: Handlers['exports:preview'] = (input) =>
  ok({ document: summaryDocument(input.profile, input.sealed?.items ?? []), footer: printFooter({ number: null, copy: null, recipient: input.recipient }) });

async function openPanel(role: Role = 'officer', handlers: Handlers = {}, language: 'en' | 'ja' = 'en') {
  await i18n.changeLanguage(language);
  const fake = installFakeMamori({ 'exports:preview': previewHandler, ...handlers });
  signInAs(role);
  const { user } = renderWithProviders(<ExportSummaryButton caseId={CASE_ID} />);
  await user.click(screen.getByRole('button', { name: language === 'en' ? 'Export summary…' : '要約を出力…' }));
  const dialog = within(await screen.findByRole('dialog', { name: language === 'en' ? 'Export a case summary' : '事案要約の出力' }));
  return { fake, user, dialog };
}

async function fill(user: User, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.click(field);
  await user.paste(text);
}

async function choose(user: User, profileLabel: string, recipient = 'Fictional Shelter Network', purpose = 'Handover on admission (fictional).') {
  await user.click(screen.getByRole('radio', { name: profileLabel }));
  await fill(user, screen.getByRole('textbox', { name: /^Recipient/ }), recipient);
  await fill(user, screen.getByRole('textbox', { name: /^Purpose/ }), purpose);
}

const sealedOptionNames = () => screen.queryAllByRole('checkbox').map((box) => box.getAttribute('value'));

describe('export panel', () => {
  it('checks the choices with the contract before asking core, and says what is missing on each field', async () => {
    const { user, fake } = await openPanel();
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    expect(screen.getByRole('radiogroup', { name: /Kind of summary/ }).closest('.mantine-InputWrapper-root')?.textContent).toContain('Choose one.');
    expect(screen.getByText('Enter who receives this copy (at least 2 characters).')).toBeTruthy();
    expect(screen.getByText('State the purpose of this export (at least 5 characters).')).toBeTruthy();
    expect(fake.callsTo('exports:preview')).toEqual([]);
    expect(screen.getByRole('button', { name: 'Save as PDF…' })).toHaveProperty('disabled', true);
    expect(screen.getByText('Preview the summary first: it is saved or printed exactly as the preview shows it.')).toBeTruthy();
  });

  it('describes each kind of summary: who it is for and what it leaves out', async () => {
    await openPanel();
    const shelter = screen.getByRole('radio', { name: 'Shelter handover' });
    expect(document.getElementById(shelter.getAttribute('aria-describedby') ?? '')?.textContent).toContain('Leaves out the legal name');
    expect(screen.getAllByRole('radio')).toHaveLength(4);
  });

  it('shows core’s field issues on the fields', async () => {
    const { user } = await openPanel('officer', { 'exports:preview': () => fail('INVALID_INPUT', { issues: [{ path: 'recipient', message: 'export.recipient.required' }] }) });
    await choose(user, 'Shelter handover');
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    expect(await screen.findByText('Enter who receives this copy (at least 2 characters).')).toBeTruthy();
  });

  it('offers an officer no sealed information at all', async () => {
    const { user } = await openPanel('officer');
    await user.click(screen.getByRole('radio', { name: 'Decision brief' }));
    expect(screen.queryByRole('group', { name: /Sealed information/ })).toBeNull();
    expect(sealedOptionNames()).toEqual([]);
  });

  it('offers a supervisor only the sealed items the chosen profile allows, and keeps only those when the profile changes', async () => {
    const { user } = await openPanel('supervisor');
    await user.click(screen.getByRole('radio', { name: 'Shelter handover' }));
    expect(sealedOptionNames()).toEqual(['whereabouts', 'identity-documents', 'sealed-notes']);
    await user.click(screen.getByRole('checkbox', { name: 'Whereabouts' }));
    await user.click(screen.getByRole('checkbox', { name: 'Identity documents' }));

    // Prosecutors never receive the whereabouts: the option goes, and so does the choice.
    await user.click(screen.getByRole('radio', { name: 'Prosecution liaison' }));
    expect(sealedOptionNames()).toEqual(['identity-documents', 'residence-card-number', 'sealed-notes', 'interview-records']);
    expect(screen.getByRole('checkbox', { name: 'Identity documents' })).toHaveProperty('checked', true);

    await user.click(screen.getByRole('radio', { name: 'Non-identifying summary' }));
    expect(sealedOptionNames()).toEqual([]);
    expect(screen.getByText('This kind of summary never carries sealed information.')).toBeTruthy();
    expect(screen.queryByRole('group', { name: /Sealed information to include/ })).toBeNull();
  });

  it('asks a supervisor for the reason before sealed items go into the request', async () => {
    const { user, fake } = await openPanel('supervisor');
    await choose(user, 'Decision brief', 'Supervisor file (fictional)', 'Approval file of the decision.');
    await user.click(screen.getByRole('checkbox', { name: 'Whereabouts' }));
    await fill(user, screen.getByRole('textbox', { name: /^Reason/ }), 'no');
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    expect(screen.getByText('State the reason in at least 5 characters.')).toBeTruthy();
    expect(fake.callsTo('exports:preview')).toEqual([]);

    await fill(user, screen.getByRole('textbox', { name: /^Reason/ }), 'The decision rests on the shelter placement.');
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByRole('region', { name: 'Preview of the summary' });
    expect(fake.callsTo('exports:preview')).toEqual([
      {
        caseId: CASE_ID,
        profile: 'decision-brief',
        recipient: 'Supervisor file (fictional)',
        purpose: 'Approval file of the decision.',
        locale: 'en',
        sealed: { items: ['whereabouts'], reason: 'The decision rests on the shelter placement.' },
      } satisfies ExportRequest,
    ]);
    // A preview that shows sealed values hides itself after 60 seconds, like any reveal.
    expect(screen.getByRole('timer').textContent).toMatch(/Hidden again in \d+ seconds/);
    expect(screen.getByRole('complementary', { name: 'This copy contains sealed information' })).toBeTruthy();
  });

  it('previews the document and lists what the profile leaves out; a change asks for a new preview', async () => {
    const { user } = await openPanel();
    await choose(user, 'Shelter handover');
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    const pane = within(await screen.findByRole('region', { name: 'Preview of the summary' }));
    expect(pane.getByRole('article', { name: 'Case summary: shelter handover' })).toBeTruthy();
    expect(pane.getByText('PREVIEW: not numbered, not for release')).toBeTruthy();
    expect(pane.getAllByText('Handover on admission (fictional).').length).toBeGreaterThan(0);
    const omitted = within(pane.getByRole('region', { name: 'Not included in this kind of summary' }));
    for (const left of ['Name', 'Date of birth', 'Nationality', 'Status of residence', 'Types of exploitation']) {
      expect(omitted.getByText(left).closest('li')?.textContent).toBe(`${left} (not included)`);
    }
    expect(omitted.queryByText('Name the person wishes to be called')).toBeNull();
    expect(screen.queryByRole('timer')).toBeNull();

    expect(screen.getByRole('button', { name: 'Save as PDF…' })).toHaveProperty('disabled', false);
    await fill(user, screen.getByRole('textbox', { name: /^Recipient/ }), 'Another shelter (fictional)');
    expect(screen.getByRole('button', { name: 'Save as PDF…' })).toHaveProperty('disabled', true);
    expect(screen.getByText('The choices changed since the preview: preview again before saving or printing.')).toBeTruthy();
  });

  it('says plainly that nothing was exported or recorded when the save dialog is cancelled', async () => {
    const { user, fake } = await openPanel('officer', { 'exports:savePdf': () => fail('EXPORT_CANCELLED') });
    await choose(user, 'Shelter handover');
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByRole('region', { name: 'Preview of the summary' });
    await user.click(screen.getByRole('button', { name: 'Save as PDF…' }));

    const notice = await screen.findByRole('status');
    expect(notice.textContent).toContain('Nothing was exported');
    expect(notice.textContent).toContain('Nothing is recorded as exported.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fake.callsTo('exports:savePdf')).toHaveLength(1);
  });

  it('shows the export number once saved, and a failure through the failure message', async () => {
    let attempt = 0;
    const { user } = await openPanel('officer', {
      'exports:savePdf': () => (++attempt === 1 ? fail('EXPORT_WRITE_FAILED') : ok(entry())),
    });
    await choose(user, 'Shelter handover');
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByRole('region', { name: 'Preview of the summary' });
    await user.click(screen.getByRole('button', { name: 'Save as PDF…' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The file could not be written there');

    await user.click(screen.getByRole('button', { name: 'Save as PDF…' }));
    expect(await screen.findByText('Summary exported: EXP-2026-000124')).toBeTruthy();
    expect(screen.getByText('PDF, copy 2, 2 pages. It is recorded in the export register.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('prints through core, in Japanese, passing the interface language', async () => {
    const { user, fake } = await openPanel('officer', { 'exports:print': () => ok(entry({ medium: 'print', copy: 1, pages: 3 })), 'exports:savePdf': () => fail('EXPORT_CANCELLED') }, 'ja');
    await user.click(screen.getByRole('radio', { name: 'シェルター引継ぎ用要約' }));
    await fill(user, screen.getByRole('textbox', { name: /^宛先/ }), '架空シェルター');
    await fill(user, screen.getByRole('textbox', { name: /^提供の目的/ }), '入所時の引継ぎのため（架空）');
    await user.click(screen.getByRole('button', { name: 'プレビュー' }));
    const pane = within(await screen.findByRole('region', { name: '要約のプレビュー' }));
    expect(pane.getByRole('article', { name: '事案要約（シェルター引継ぎ用）' })).toBeTruthy();
    expect(pane.getByText('生年月日').closest('li')?.textContent).toBe('生年月日 (含まれません)');

    await user.click(screen.getByRole('button', { name: 'PDFで保存…' }));
    expect((await screen.findByRole('status')).textContent).toContain('出力記録には何も記録されていません。');
    await user.click(screen.getByRole('button', { name: '印刷…' }));
    expect(await screen.findByText('要約を出力しました：EXP-2026-000124')).toBeTruthy();
    expect(screen.getByText('印刷・第1部・3ページ。出力記録に記録されました。')).toBeTruthy();
    expect((fake.callsTo('exports:print')[0] as ExportRequest).locale).toBe('ja');
  });

  it('drops the preview when the panel is closed', async () => {
    const { user } = await openPanel();
    await choose(user, 'Shelter handover');
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByRole('region', { name: 'Preview of the summary' });
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Preview of the summary' })).toBeNull());
    await act(async () => {
      await user.click(screen.getByRole('button', { name: 'Export summary…' }));
    });
    expect(await screen.findByRole('dialog')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Preview of the summary' })).toBeNull();
    expect(screen.getByRole('textbox', { name: /^Recipient/ })).toHaveProperty('value', '');
  });
});
