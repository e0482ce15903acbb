/**
 * What each printed summary carries, read back from the PDF as a recipient would (pdftotext):
 * a case whose every field holds a distinct marker is exported in each profile through the real
 * core and the real print view rendered by Chromium; every marker the profile whitelists is in the
 * PDF, every other marker is not; sealed markers only where that export authorised them; the
 * footer on every page; Japanese text in a Japanese export. All data is fictional.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { CaseDetail } from '../../electron/common/caseDetail';
import type { ExportEntry } from '../../electron/common/contract.exports';
import { ART_50_5_FACTORS } from '../../electron/common/guidance';
import { allowedFields, PROFILES, type FieldId, type Profile, type SealedItem } from '../../electron/common/summary';
import { intake } from '../fixtures/cases';
import { team } from '../fixtures/team';
import { ok, removeDir, tempDir } from '../fixtures/vault';
import { renderSummaryPdf } from './harness';

/** Markers and the summary fields allowed to print them. Short upper-case words: pdftotext keeps them whole. */
const M = {
  ZQFAMILY: ['name'],
  ZQGIVEN: ['name'],
  ZQNATIVE: ['nameNative'],
  ZQCALLED: ['preferredName'],
  ZQALIAS: ['aliases'],
  ZQCONDITIONS: ['measureConditions'],
  ZQREPORTNOTE: ['reportingDates'],
  ZQINDICATOR: ['indicators'],
  ZQPLACE: ['exploitationPlace'],
  ZQDANGEREV: ['considerations'],
  ZQCONDNOTES: ['considerations', 'condition'],
  ZQAUTHREF: ['cooperation'],
  ZQOWNWORDS: ['wishes'],
  ZQSUMMARY: ['worksheet'],
  ZQFACTOR: ['worksheet'],
  ZQSHELTER: ['whereabouts'],
  ZQPASSPORT: ['identityDocuments'],
  ZQSEALEDNOTE: ['sealedNotes'],
  ZQRECORD: ['interviewRecords'],
  // Never in any summary: adverse parties, open notes, interview plans.
  ZQADVERSE: [],
  ZQOPENNOTE: [],
  ZQROOM: [],
} as const satisfies Record<string, readonly FieldId[]>;

const shouldCarry = (profile: Profile, sealed: SealedItem[]) =>
  Object.entries(M)
    .filter(([, fields]) => fields.some((f) => allowedFields(profile, sealed).has(f as FieldId)))
    .map(([marker]) => marker);

/** The supervisor's core with the harness's Chromium renderer and a save dialog answering `out/…`. */
async function setUp() {
  const dirs: string[] = [];
  const out = tempDir('mamori-summaries-');
  let savePath: string | null = null;
  const t = await team(dirs, () => Date.parse('2026-11-26T09:00:00Z'), {
    exportPlatform: { renderPdf: (job) => renderSummaryPdf(job), chooseSavePath: async () => savePath, print: async () => true },
  });
  const { core, as, users } = t;
  await as('officer.a');
  const base = intake({ familyName: 'ZQFAMILY', givenName: 'ZQGIVEN' });
  let d = await ok<CaseDetail>(core, 'cases:create', {
    ...base,
    person: { ...base.person, familyNameNative: 'ZQNATIVE', preferredName: 'ZQCALLED', aliases: ['ZQALIAS'] },
    immigration: {
      ...base.immigration,
      deportationProcedure: true,
      custody: 'provisional-release',
      measureConditions: 'ZQCONDITIONS',
      reportingDates: [{ date: '2026-12-10', note: 'ZQREPORTNOTE' }],
    },
    exploitation: { ...base.exploitation, indicators: { 'unpaid-wages': { present: true, note: 'ZQINDICATOR' } }, place: 'ZQPLACE', identificationStatus: 'identified' },
  });
  d = await ok<CaseDetail>(core, 'cases:saveAdverseParty', { caseId: d.id, version: d.version, party: { role: 'broker', name: 'ZQADVERSE' } });
  d = await ok<CaseDetail>(core, 'cases:addNote', { caseId: d.id, noteType: 'general', body: 'ZQOPENNOTE', sealed: false });
  d = await ok<CaseDetail>(core, 'cases:addNote', { caseId: d.id, noteType: 'general', body: 'ZQSEALEDNOTE', sealed: true });
  d = await ok<CaseDetail>(core, 'cases:setSealed', {
    caseId: d.id,
    version: d.version,
    sealed: { field: 'whereabouts', value: { locationType: 'shelter', name: 'ZQSHELTER', address: 'FICTIONAL', phone: '', safeContactMethod: '' } },
  });
  d = await ok<CaseDetail>(core, 'cases:setSealed', { caseId: d.id, version: d.version, sealed: { field: 'identity-documents', value: [{ kind: 'passport', number: 'ZQPASSPORT', issuer: '', heldBy: '' }] } });
  for (const [kind, level, extra] of [
    ['danger-on-return', 'high', { evidence: 'ZQDANGEREV' }],
    ['condition-and-protection', 'moderate', { notes: 'ZQCONDNOTES' }],
    ['cooperation', 'high', { cooperationStatus: 'cooperating', authorityReference: 'ZQAUTHREF' }],
  ] as const) {
    d = await ok<CaseDetail>(core, 'protection:recordConsideration', { caseId: d.id, version: d.version, consideration: { kind, level, evidence: 'On file', assessedOn: '2026-11-20', ...extra } });
  }
  d = await ok<CaseDetail>(core, 'protection:recordWish', { caseId: d.id, version: d.version, wish: { wish: 'remain', ownWords: 'ZQOWNWORDS', expressedOn: '2026-11-20' } });
  const plan = {
    plannedAt: '2026-11-25T10:00',
    durationMinutes: 60,
    placeType: 'agency-private-room',
    placeLabel: 'ZQROOM',
    placePrivate: true,
    placeDisclosesWhereabouts: false,
    officersPresent: [{ userId: users['officer.a'].id, sex: 'male' }],
    noFemaleOfficerReason: '',
    interpreterId: null,
    noInterpreterReason: '',
    condition: 'stable',
    rightsExplained: true,
  };
  d = await ok<CaseDetail>(core, 'interviews:plan', { caseId: d.id, version: d.version, plan });
  await as('sup.c');
  d = await ok<CaseDetail>(core, 'cases:get', { caseId: d.id });
  d = await ok<CaseDetail>(core, 'interviews:override', { caseId: d.id, version: d.version, interviewId: d.protection.interviews[0].id, reason: 'Fictional test override' });
  await as('officer.a');
  d = await ok<CaseDetail>(core, 'interviews:start', { caseId: d.id, version: d.version, interviewId: d.protection.interviews[0].id });
  d = await ok<CaseDetail>(core, 'interviews:record', {
    caseId: d.id,
    version: d.version,
    interviewId: d.protection.interviews[0].id,
    result: { outcome: 'held', record: 'ZQRECORD', voluntariness: 'Spoke voluntarily and was told she could stop.' },
  });
  for (const to of ['identification', 'protection', 'decision'] as const) d = await ok<CaseDetail>(core, 'cases:transition', { caseId: d.id, version: d.version, to });
  const reason = 'Written reasons, fictional.';
  d = await ok<CaseDetail>(core, 'decisions:saveDraft', {
    caseId: d.id,
    version: d.version,
    draft: {
      pathway: 'special-residence-permission',
      proposedStatus: 'designated-activities',
      proposedPeriod: '1 year',
      considerationReasons: { 'danger-on-return': reason, 'condition-and-protection': reason, cooperation: reason },
      factorReasons: { ...Object.fromEntries(ART_50_5_FACTORS.map((f) => [f, reason])), conduct: 'ZQFACTOR conduct reasons, fictional.' },
      summary: 'ZQSUMMARY recommendation, written for the fictional test.',
    },
  });
  d = await ok<CaseDetail>(core, 'decisions:submit', { caseId: d.id, version: d.version, decisionId: d.decisions[0].id });
  await as('sup.c');
  await ok<CaseDetail>(core, 'decisions:approve', { caseId: d.id, decisionId: d.decisions[0].id, snapshotHash: d.decisions[0].snapshotHash, comment: '' });
  return {
    core,
    caseId: d.id,
    out,
    setSavePath: (p: string | null) => (savePath = p),
    cleanup: async () => {
      await core.close();
      for (const dir of dirs) removeDir(join(dir, '..'));
      removeDir(out);
    },
  };
}

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pages = (text: string) => text.split('\f').filter((p) => p.trim().length > 0);

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

let ctx: Awaited<ReturnType<typeof setUp>>;
test.beforeAll(async () => {
  ctx = await setUp();
});
test.afterAll(async () => ctx?.cleanup());

async function exportPdf(profile: Profile, sealed?: { items: SealedItem[]; reason: string }): Promise<{ entry: ExportEntry; text: string }> {
  const file = join(ctx.out, `${profile}-${sealed ? 'sealed' : 'plain'}.pdf`);
  ctx.setSavePath(file);
  const entry = await ok<ExportEntry>(ctx.core, 'exports:savePdf', { caseId: ctx.caseId, profile, recipient: '受取人（架空）', purpose: '試験用の出力（架空）', locale: 'ja', ...(sealed ? { sealed } : {}) });
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return { entry, text: pdfText(file) };
}

for (const profile of PROFILES) {
  test(`${profile}: every whitelisted marker, no other, the footer on every page, in Japanese`, async () => {
    const { entry, text } = await exportPdf(profile);
    const expected = shouldCarry(profile, []);
    for (const marker of Object.keys(M)) expect.soft(text.includes(marker), `${marker} in ${profile}`).toBe(expected.includes(marker));
    const all = pages(text);
    expect(all.length).toBe(entry.pages);
    all.forEach((page, i) => {
      expect.soft(page, `page ${i + 1}`).toContain('取扱注意');
      expect.soft(page, `page ${i + 1}`).toContain('CONFIDENTIAL');
      expect.soft(page, `page ${i + 1}`).toContain(entry.number);
      expect.soft(page, `page ${i + 1}`).toContain('受取人（架空）');
      expect.soft(page.replace(/\s+/g, ''), `page ${i + 1}`).toContain(`${i + 1}/${all.length}`);
    });
  });
}

test('a decision brief with a sealed item authorised carries it, says so on its first page, and nothing else sealed', async () => {
  const { entry, text } = await exportPdf('decision-brief', { items: ['whereabouts'], reason: 'The supervisor files the shelter for the minister (fictional)' });
  expect(entry.sealedItems).toEqual(['whereabouts']);
  const expected = shouldCarry('decision-brief', ['whereabouts']);
  for (const marker of Object.keys(M)) expect.soft(text.includes(marker), marker).toBe(expected.includes(marker));
  expect(pages(text)[0]).toContain('ZQSHELTER');
  expect(pages(text)[0]).toMatch(/秘匿情報/);
});
