import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../electron/common/errors';
import { FIELDS, PROFILES, SEALED_ITEMS, SECTIONS, type SealedItem, type SummaryDocument } from '../../../electron/common/summary';
import { printFooter, summaryDocument } from '../../test/summary';
import { PrintView } from './PrintView';
import { LIST_KEYS } from './summaryFormat';
import { i18n } from '../../i18n/i18n';

function renderDocument(doc: SummaryDocument, locale: Locale, purpose?: string) {
  return render(<PrintView document={doc} footer={printFooter()} locale={locale} purpose={purpose} />);
}

/** The value printed beside a field's label. */
function valueOf(label: string): string {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

const brief = (sealed: SealedItem[] = []) => summaryDocument('decision-brief', sealed);

describe('the printed summary', () => {
  it('labels every field and prints its value in English: codes by name, dates in the locale, the family name in capitals after the given name', () => {
    renderDocument(brief(), 'en', 'For the approval file (fictional).');

    expect(screen.getByRole('heading', { level: 1, name: 'Case summary: decision brief' })).toBeTruthy();
    expect(valueOf('Case reference')).toBe('TV-2026-0042');
    expect(valueOf('Recipient')).toBe('Fictional Shelter Network');
    expect(valueOf('Purpose')).toBe('For the approval file (fictional).');
    expect(valueOf('Export number')).toBe('EXP-2026-000123');
    expect(valueOf('Copy')).toBe('No. 1');
    expect(valueOf('Audit anchor')).toBe('entry #4711, MAC a1b2c3d4');

    expect(valueOf('Name')).toBe('Testgiven TESTFAMILY');
    expect(valueOf('Date of birth')).toBe('Apr 12, 1998');
    expect(valueOf('Nationality')).toBe('Philippines');
    expect(valueOf('Languages')).toBe('Tagalog, English');
    expect(valueOf('Status of residence')).toBe('Entertainer');
    expect(valueOf('Standing on the day of this summary')).toBe('In violation of immigration law');
    expect(valueOf('Deportation procedures begun')).toBe('No');

    const considerations = within(screen.getByRole('table', { name: 'Considerations' }));
    expect(considerations.getByRole('columnheader', { name: 'Level' })).toBeTruthy();
    expect(considerations.getByRole('row', { name: /Danger to life or body if returned High/ })).toBeTruthy();
    const worksheet = within(screen.getByRole('table', { name: 'Recommendation' }));
    expect(worksheet.getByRole('row', { name: 'Proposed status of residence Designated Activities' })).toBeTruthy();
    expect(worksheet.getByRole('row', { name: /^Need for humanitarian consideration/ })).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Approval' })).getByRole('cell', { name: 'Testperson Supervisor' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Residence decision' })).toBeTruthy();
  });

  it('puts the family name first in Japanese and writes dates as 2026/11/29, the issue date with its era', () => {
    renderDocument(brief(), 'ja', '決裁のため（架空）');

    expect(screen.getByRole('heading', { level: 1, name: '事案要約（決裁用）' })).toBeTruthy();
    expect(screen.getByRole('article').getAttribute('lang')).toBe('ja');
    expect(valueOf('氏名')).toBe('TESTFAMILY Testgiven');
    expect(valueOf('氏名（母語表記）')).toBe('テスト ギブン');
    expect(valueOf('生年月日')).toBe('1998/04/12');
    expect(valueOf('作成日')).toBe('2026/11/29（令和8年11月29日）');
    expect(valueOf('国籍')).toBe('フィリピン');
    expect(valueOf('在留資格')).toBe('興行');
    expect(valueOf('提供の目的')).toBe('決裁のため（架空）');
    expect(valueOf('部数')).toBe('第1部');
    expect(within(screen.getByRole('table', { name: '意見書' })).getByRole('row', { name: '提案する在留資格 特定活動' })).toBeTruthy();
  });

  it('states on the first page which sealed items this copy carries, and prints them in a section of their own', () => {
    renderDocument(brief(['whereabouts', 'identity-documents']), 'en');

    const statement = screen.getByRole('complementary', { name: 'This copy contains sealed information' });
    expect(statement.textContent).toContain('to carry: Whereabouts, Identity documents.');
    // The statement comes before the first section of the document.
    expect(statement.compareDocumentPosition(screen.getByRole('region', { name: 'The person' })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const sealed = within(screen.getByRole('region', { name: 'Sealed information (authorised for this copy)' }));
    expect(sealed.getByRole('cell', { name: 'Fictional Shelter A' })).toBeTruthy();
    expect(sealed.getByRole('cell', { name: 'P0000000' })).toBeTruthy();
  });

  it('says it in Japanese too', () => {
    renderDocument(brief(['whereabouts']), 'ja');
    expect(screen.getByRole('complementary', { name: 'この写しには秘匿情報が含まれています' }).textContent).toContain('：所在。');
  });

  it('makes no sealed statement, and has no sealed section, when the copy carries none', () => {
    renderDocument(brief(), 'en');
    expect(screen.queryByTestId('summary-sealed-statement')).toBeNull();
    expect(screen.queryByRole('region', { name: /Sealed information/ })).toBeNull();
    expect(screen.queryByText('Fictional Shelter A')).toBeNull();
  });

  it('prints only what the profile holds: a shelter handover names the person as they wish, never by the legal name', () => {
    renderDocument(summaryDocument('shelter-handover'), 'en');
    expect(valueOf('Name the person wishes to be called')).toBe('Gigi');
    expect(valueOf('How to make contact')).toBe('Only through the case officer; never contact the person directly');
    expect(valueOf('Protection needs')).toBe('Pursued by traffickers');
    expect(screen.queryByText(/Testfamily/i)).toBeNull();
    expect(screen.queryByText('Date of birth')).toBeNull();
  });

  it('prints an age band, never the date of birth, in a non-identifying summary', () => {
    renderDocument(summaryDocument('non-identifying'), 'ja');
    expect(valueOf('年齢層')).toBe('25〜34歳');
    expect(valueOf('イニシャル')).toBe('T. T.');
    expect(screen.queryByText('1998/04/12')).toBeNull();
  });

  it('names every profile, section, field and sealed item of the summaries', () => {
    const keys = [
      ...PROFILES.flatMap((p) => [`summary.profile.${p}`, `summary.profileFor.${p}`, `summary.title.${p}`]),
      ...SECTIONS.map((s) => `summary.section.${s}`),
      ...FIELDS.map((f) => `summary.field.${f}`),
      ...SEALED_ITEMS.map((item) => `summary.sealedItem.${item}`),
    ];
    expect(keys.filter((key) => !i18n.exists(key))).toEqual([]);
  });

  it('has a label for every vocabulary the summaries use, in both languages', () => {
    const codes: Record<string, string[]> = { ageBand: ['unknown', 'under-18', '18-24', '25-34', '35-44', '45-54', '55-plus'], contactRoute: ['through-case-officer'] };
    for (const language of ['en', 'ja'] as const) {
      for (const prefix of Object.values(LIST_KEYS)) expect(i18n.exists(prefix, { lng: language }), `${language} ${prefix}`).toBe(true);
      for (const [list, values] of Object.entries(codes)) {
        for (const code of values) expect(i18n.exists(`${LIST_KEYS[list]}.${code}`, { lng: language }), `${language} ${list}.${code}`).toBe(true);
      }
    }
  });
});
