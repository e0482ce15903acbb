/**
 * Printed case summaries, in Japanese (DESIGN.md §7): an officer hands a case over to a shelter as
 * a PDF; a supervisor files the decision brief of an approved decision with the whereabouts
 * authorised for that one copy; the export register holds both. Each PDF is rendered by Chromium
 * from the print view (as Electron's printToPDF would), then read back with pdftotext and pdftoppm.
 * The case's earlier steps are set up through core: their own suites drive them through the UI.
 * All data is fictional.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { CaseDetail } from '../../electron/common/caseDetail';
import { ART_50_5_FACTORS } from '../../electron/common/guidance';
import type { MamoriCoreApi } from '../../electron/core/index';
import { intake } from '../fixtures/cases';
import { ok, removeDir, tempDir } from '../fixtures/vault';
import { screenshotPath } from './harness';
import { appPerTest, createStaff, readyForDecision, signIn as signInAs } from './ui';

const OFFICER = { username: 'officer.mori', displayName: '森 彩花', passphrase: 'officer mori e2e passphrase', role: 'officer' } as const;
const SUPERVISOR = { username: 'sup.kato', displayName: '加藤 誠', passphrase: 'supervisor kato e2e passphrase', role: 'supervisor' } as const;
const SHELTER = { name: '架空シェルター「あかり」', address: '架空県架空市1-2-3', phone: '000-0000-0000', safeContactMethod: 'シェルター事務所を通じて' };

test.use({ actionTimeout: 15_000 });

const startApp = appPerTest(test.afterEach);
const signIn = (page: Page, who: { username: string; passphrase: string }) => signInAs(page, who, 'ja');

/** An overstaying identified victim who wishes to remain, placed in a shelter, with a special residence permission approved. */
async function approvedCase(core: MamoriCoreApi, officerId: string, supervisorId: string): Promise<CaseDetail> {
  const as = async (who: { username: string; passphrase: string }) => {
    await ok(core, 'session:signIn', { username: who.username, passphrase: who.passphrase });
  };
  await as(SUPERVISOR);
  const base = intake({ familyName: 'REYES', givenName: 'Liza Fictiva' });
  let d = await ok<CaseDetail>(core, 'cases:create', {
    ...base,
    person: { ...base.person, preferredName: 'リザ' },
    immigration: { ...base.immigration, periodOfStayExpiry: null },
    exploitation: { ...base.exploitation, identificationStatus: 'identified', identificationDate: '2026-11-10' },
  });
  d = await ok<CaseDetail>(core, 'cases:assign', { caseId: d.id, version: d.version, officerIds: [officerId], supervisorId });
  d = await ok<CaseDetail>(core, 'cases:setSealed', { caseId: d.id, version: d.version, sealed: { field: 'whereabouts', value: { locationType: 'shelter', ...SHELTER } } });
  d = await readyForDecision(core, d, { authorityReference: '地検-FICT-21', ownWords: '日本で安全に暮らしたい。', conditionNotes: '睡眠障害あり、通院中（架空）。' });
  await ok(core, 'session:signOut');

  await as(OFFICER);
  d = await ok<CaseDetail>(core, 'decisions:saveDraft', {
    caseId: d.id,
    version: d.version,
    draft: {
      pathway: 'special-residence-permission',
      proposedStatus: 'designated-activities',
      proposedPeriod: '1年',
      considerationReasons: { 'danger-on-return': '本国の仲介組織による脅迫（架空）。', 'condition-and-protection': 'シェルターで療養中（架空）。', cooperation: '検察官に供述した（架空）。' },
      factorReasons: Object.fromEntries(ART_50_5_FACTORS.map((f) => [f, `${f}について記録に基づき検討した（架空）。`])),
      summary: '人身取引被害者として在留特別許可を相当と考える（架空の事案）。',
      documents: ['srp-application'],
    },
  });
  d = await ok<CaseDetail>(core, 'decisions:submit', { caseId: d.id, version: d.version, decisionId: d.decisions[0].id });
  await ok(core, 'session:signOut');

  await as(SUPERVISOR);
  d = await ok<CaseDetail>(core, 'decisions:approve', { caseId: d.id, decisionId: d.decisions[0].id, snapshotHash: d.decisions[0].snapshotHash });
  await ok(core, 'session:signOut');
  return d;
}

async function openExportPanel(page: Page, reference: string) {
  await page.getByRole('button', { name: '事案', exact: true }).click();
  await page.getByRole('row', { name: new RegExp(reference) }).click();
  await page.getByRole('button', { name: '要約を出力…' }).click();
  return page.getByRole('dialog', { name: '事案要約の出力' });
}

/** The text of each page of a PDF, as pdftotext reads it. */
function pdfPages(path: string): string[] {
  const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).split('\f');
  return pages.filter((text, i) => i < pages.length - 1 || text.trim() !== '');
}

/** The running texts every page must carry (DESIGN.md §7), with its own page number. */
function expectFooterOnEveryPage(pages: string[], running: { number: string; copy: number; recipient: string; exporter: string }) {
  expect(pages.length).toBeGreaterThan(0);
  pages.forEach((text, i) => {
    const page = `page ${i + 1}`;
    expect(text, page).toContain('取扱注意 / CONFIDENTIAL');
    expect(text, page).toContain(`出力番号 ${running.number}・第${running.copy}部`);
    expect(text, page).toContain(`宛先：${running.recipient}`);
    expect(text, page).toContain(`出力者：${running.exporter}（`);
    expect(text, page).toContain(`${i + 1} / ${pages.length} ページ`);
    expect(text, page).toMatch(/監査記録 #\d+・[0-9a-f]{8}/);
  });
}

/** The whole export panel, preview included, in a window tall enough to hold it; then the usual window again. */
async function panelScreenshot(page: Page, name: string) {
  await page.setViewportSize({ width: 1360, height: 2400 });
  await page.screenshot({ path: screenshotPath(name), animations: 'disabled' });
  await page.setViewportSize({ width: 1360, height: 900 });
}

/** The first page as an image, to look at. */
function firstPagePng(pdfPath: string, name: string) {
  const out = screenshotPath(name);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, out.replace(/\.png$/, '')]);
  expect(statSync(out).size).toBeGreaterThan(10_000);
}

test('a shelter handover and a decision brief with an authorised sealed item, as PDFs, and the register of both, in Japanese', async () => {
  test.setTimeout(240_000);
  const app = await startApp({ locale: 'ja', viewport: { width: 1360, height: 900 } });
  const { page, core, dialogs } = app;
  const ids = await createStaff(core, [OFFICER, SUPERVISOR], 'ja');
  const c = await approvedCase(core, ids[OFFICER.username], ids[SUPERVISOR.username]);
  const out = tempDir('mamori-export-e2e-');
  try {
    // ── The officer: a shelter handover, first cancelled, then saved.
    await signIn(page, OFFICER);
    let panel = await openExportPanel(page, c.reference);
    await panel.getByRole('radio', { name: 'シェルター引継ぎ用要約' }).check();
    expect(await panel.getByRole('checkbox').count()).toBe(0);
    const shelterRecipient = '架空シェルター「あかり」 受入担当';
    await panel.getByRole('textbox', { name: '宛先' }).fill(shelterRecipient);
    await panel.getByRole('textbox', { name: '提供の目的' }).fill('入所に伴う引継ぎのため（架空）');
    await expect(panel.getByTestId('export-save-pdf')).toBeDisabled();
    await panel.getByTestId('export-preview').click();
    const preview = panel.getByRole('region', { name: '要約のプレビュー' });
    await expect(preview.getByRole('article', { name: '事案要約（シェルター引継ぎ用）' })).toBeVisible();
    await expect(preview).toContainText('リザ');
    await expect(preview).not.toContainText('REYES');
    await expect(preview.getByTestId('export-omitted')).toContainText('生年月日 (含まれません)');
    await panelScreenshot(page, 'ja-export-panel-shelter-preview');

    dialogs.savePath = null;
    await panel.getByTestId('export-save-pdf').click();
    await expect(panel.getByTestId('export-cancelled')).toContainText('出力記録には何も記録されていません');

    const shelterPdf = join(out, 'shelter.pdf');
    dialogs.savePath = shelterPdf;
    await panel.getByTestId('export-save-pdf').click();
    await expect(panel.getByTestId('export-done')).toContainText(/要約を出力しました：EXP-\d{4}-000001/);
    const shelterNumber = /EXP-\d{4}-000001/.exec((await panel.getByTestId('export-done').innerText()) ?? '')?.[0] ?? '';
    expect(readFileSync(shelterPdf).equals(dialogs.rendered[dialogs.rendered.length - 1])).toBe(true);
    const shelterPages = pdfPages(shelterPdf);
    expectFooterOnEveryPage(shelterPages, { number: shelterNumber, copy: 1, recipient: shelterRecipient, exporter: OFFICER.displayName });
    const shelterText = shelterPages.join('\n');
    expect(shelterText).toContain('事案要約（シェルター引継ぎ用）');
    expect(shelterText).toContain('呼ばれたい名前');
    expect(shelterText).toContain('担当官を通じてのみ');
    expect(shelterText).not.toContain('REYES');
    expect(shelterText).not.toContain(SHELTER.address);
    firstPagePng(shelterPdf, 'ja-export-shelter-pdf-page1');
    await panel.getByRole('button', { name: '閉じる' }).click();
    await page.getByRole('button', { name: 'サインアウト' }).click();

    // ── The supervisor: the decision brief of the approved decision, with the whereabouts and a reason.
    await signIn(page, SUPERVISOR);
    panel = await openExportPanel(page, c.reference);
    await panel.getByRole('radio', { name: '決裁用要約' }).check();
    const briefRecipient = '東京出入国在留管理局 審判部門（架空）';
    await panel.getByRole('textbox', { name: '宛先' }).fill(briefRecipient);
    await panel.getByRole('textbox', { name: '提供の目的' }).fill('在留特別許可の決裁記録として保管するため（架空）');
    await panel.getByRole('checkbox', { name: '所在' }).check();
    await panel.getByTestId('export-sealed-reason').fill('保護の継続性を決裁記録に残すため（架空）。');
    await panel.getByTestId('export-preview').click();
    const briefPreview = panel.getByRole('region', { name: '要約のプレビュー' });
    await expect(briefPreview.getByRole('complementary', { name: 'この写しには秘匿情報が含まれています' })).toContainText('所在');
    await expect(briefPreview).toContainText(SHELTER.name);
    await expect(briefPreview).toContainText('REYES Liza Fictiva');
    await panelScreenshot(page, 'ja-export-panel-brief-preview');
    await page.screenshot({ path: screenshotPath('ja-export-panel-brief-scrolled'), animations: 'disabled' });

    const briefPdf = join(out, 'brief.pdf');
    dialogs.savePath = briefPdf;
    await panel.getByTestId('export-save-pdf').click();
    await expect(panel.getByTestId('export-done')).toContainText(/EXP-\d{4}-000002/);
    const briefNumber = shelterNumber.replace(/000001$/, '000002');
    const briefPages = pdfPages(briefPdf);
    expect(briefPages.length).toBeGreaterThan(1);
    expectFooterOnEveryPage(briefPages, { number: briefNumber, copy: 1, recipient: briefRecipient, exporter: SUPERVISOR.displayName });
    const briefText = briefPages.join('\n');
    expect(briefPages[0]).toContain('この写しには秘匿情報が含まれています');
    expect(briefText).toContain('事案要約（決裁用）');
    expect(briefText).toContain('REYES Liza Fictiva');
    expect(briefText).toContain('在留特別許可');
    expect(briefText).toContain(SHELTER.address);
    expect(briefText).toContain(SUPERVISOR.displayName);
    firstPagePng(briefPdf, 'ja-export-brief-pdf-page1');
    await panel.getByRole('button', { name: '閉じる' }).click();

    // ── The register: the supervisor sees both, newest first, with the sealed item and who authorised it.
    await page.getByRole('button', { name: '出力記録', exact: true }).click();
    const rows = page.getByTestId('export-register-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText(briefNumber);
    await expect(rows.nth(0)).toContainText('決裁用要約');
    await expect(rows.nth(0)).toContainText(`所在許可：${SUPERVISOR.displayName}`);
    await expect(rows.nth(1)).toContainText(shelterNumber);
    await expect(rows.nth(1)).toContainText(shelterRecipient);
    await expect(rows.nth(1)).toContainText(OFFICER.displayName);
    await expect(page.getByText('監督者はすべての職員の出力を閲覧できます')).toBeVisible();
    await expect(page.getByTestId('exports-refresh')).toBeEnabled();
    await page.screenshot({ path: screenshotPath('ja-export-register'), fullPage: true, animations: 'disabled' });
    await page.getByRole('button', { name: 'サインアウト' }).click();

    // The officer sees only their own.
    await signIn(page, OFFICER);
    await page.getByRole('button', { name: '出力記録', exact: true }).click();
    await expect(page.getByTestId('export-register-row')).toHaveCount(1);
    await expect(page.getByTestId('export-register-row')).toContainText(shelterNumber);

    expect(app.blockedRequests).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  } finally {
    removeDir(out);
  }
});
