/**
 * Printed case summaries through the real core, with a stand-in platform (the real one renders
 * with Chromium: tests/e2e/summaries.spec.ts). What leaves the vault is recorded in the register
 * and the trail in one transaction, or nothing is. Fictional people only.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../electron/common/caseDetail';
import type { ExportEntry, PrintFooter } from '../../electron/common/contract.exports';
import type { SummaryDocument } from '../../electron/common/summary';
import type { ExportPlatform, PrintJob } from '../../electron/core/index';
import { intake } from '../fixtures/cases';
import { auditRows, team as makeTeam } from '../fixtures/team';
import { cleanVaultsAfterEach, code, ok, tempDir } from '../fixtures/vault';

const dirs = cleanVaultsAfterEach(afterEach);
const NOW = Date.parse('2026-11-26T09:00:00Z');

/** What the "user" answers in the dialogs, and every job the platform was given. */
function fakePlatform() {
  const state = { savePath: null as string | null, printConfirmed: true, jobs: [] as PrintJob[], pages: 2 };
  const platform: ExportPlatform = {
    // A stand-in PDF: one page object per page, and the job (as Chromium would render it) inside.
    renderPdf: async (job) => {
      state.jobs.push(job);
      return Buffer.from(`%PDF-1.4\n${'<< /Type /Page >>\n'.repeat(state.pages)}% ${JSON.stringify(job)}\n%%EOF\n`, 'latin1');
    },
    chooseSavePath: async () => state.savePath,
    print: async () => state.printConfirmed,
  };
  return { state, platform };
}

async function setUp() {
  const fake = fakePlatform();
  const t = await makeTeam(dirs, () => NOW, { exportPlatform: fake.platform });
  await t.as('officer.a');
  const base = intake();
  const c = await ok<CaseDetail>(t.core, 'cases:create', { ...base, person: { ...base.person, preferredName: 'Mari' } });
  const out = tempDir('mamori-exports-');
  return { ...t, ...fake, c, out };
}

const request = (caseId: string, extra: Record<string, unknown> = {}) => ({
  caseId,
  profile: 'shelter-handover',
  recipient: 'Shelter coordinator (fictional)',
  purpose: 'Handover for admission, synthetic test',
  locale: 'ja',
  ...extra,
});

describe('printed summaries', () => {
  it('saves a PDF where the user chose, owner-only, exactly as rendered, and records it in the register and the trail', async () => {
    const { core, state, c, out, as } = await setUp();
    state.savePath = join(out, 'handover.pdf');
    const entry = await ok<ExportEntry>(core, 'exports:savePdf', request(c.id));
    expect(entry).toMatchObject({ number: 'EXP-2026-000001', caseReference: c.reference, profile: 'shelter-handover', medium: 'pdf', copy: 1, pages: 2, sealedItems: [] });
    const file = readFileSync(state.savePath);
    expect(statSync(state.savePath).mode & 0o777).toBe(0o600);
    expect(entry.sha256).toBe(createHash('sha256').update(file).digest('hex'));
    // The renderer was given the redacted document and every page's footer; the legal name is not in a shelter handover.
    const job = state.jobs[0];
    expect(job.footer).toMatchObject<Partial<PrintFooter>>({ number: 'EXP-2026-000001', copy: 1, recipient: 'Shelter coordinator (fictional)', exporter: 'Officer Aoki', exportedOn: '2026-11-26' });
    expect(job.footer.anchor.seq).toBeGreaterThan(0);
    expect(JSON.stringify(job.document)).toContain('Mari');
    expect(JSON.stringify(job.document)).not.toContain('SANTOS');

    // A second copy of the same profile: the next number, copy 2.
    state.savePath = join(out, 'handover-2.pdf');
    expect(await ok<ExportEntry>(core, 'exports:savePdf', request(c.id))).toMatchObject({ number: 'EXP-2026-000002', copy: 2 });

    // The register: the officer sees their own; another officer none; the supervisor all.
    expect((await ok<{ entries: ExportEntry[] }>(core, 'exports:list', {})).entries.map((e) => e.number)).toEqual(['EXP-2026-000002', 'EXP-2026-000001']);
    await as('officer.b');
    expect((await ok<{ entries: ExportEntry[] }>(core, 'exports:list', {})).entries).toEqual([]);
    await as('sup.c');
    expect((await ok<{ entries: ExportEntry[] }>(core, 'exports:list', {})).entries).toHaveLength(2);

    // The trail says what and how many, never to whom or why.
    const trail = await auditRows(core, { caseRef: c.reference });
    const saved = trail.filter((e) => e.action === 'export.saved');
    expect(saved).toHaveLength(2);
    expect(saved[1].details).toMatchObject({ profile: 'shelter-handover', pages: 2, sha256: entry.sha256 });
    expect(JSON.stringify(trail)).not.toContain('Shelter coordinator');
    await core.close();
  });

  it.each([
    ['the save dialog is cancelled', (s: ReturnType<typeof fakePlatform>['state'], out: string) => ((s.savePath = null), out), 'EXPORT_CANCELLED'],
    ['the place cannot be written', (s: ReturnType<typeof fakePlatform>['state'], out: string) => ((s.savePath = join(out, 'no-such-folder', 'x.pdf')), out), 'EXPORT_WRITE_FAILED'],
  ])('records nothing and leaves nothing on disk when %s', async (_case, arrange, expected) => {
    const { core, state, c, out } = await setUp();
    arrange(state, out);
    expect(await code(core.dispatch('exports:savePdf', request(c.id)))).toBe(expected);
    expect(existsSync(join(out, 'no-such-folder'))).toBe(false);
    expect((await ok<{ entries: ExportEntry[] }>(core, 'exports:list', {})).entries).toEqual([]);
    // The number was not used up.
    state.savePath = join(out, 'ok.pdf');
    expect((await ok<ExportEntry>(core, 'exports:savePdf', request(c.id))).number).toBe('EXP-2026-000001');
    await core.close();
  });

  it('prints through the OS dialog, recording the copy only when printing is confirmed', async () => {
    const { core, state, c } = await setUp();
    state.printConfirmed = false;
    expect(await code(core.dispatch('exports:print', request(c.id)))).toBe('EXPORT_CANCELLED');
    state.printConfirmed = true;
    expect(await ok<ExportEntry>(core, 'exports:print', request(c.id))).toMatchObject({ number: 'EXP-2026-000001', medium: 'print' });
    await core.close();
  });

  it('refuses bad requests before any dialog opens, with a clear code and nothing recorded', async () => {
    const { core, state, c, out, as } = await setUp();
    state.savePath = join(out, 'x.pdf');
    expect(await code(core.dispatch('exports:savePdf', request(c.id, { recipient: '' })))).toBe('INVALID_INPUT');
    expect(await code(core.dispatch('exports:savePdf', request(c.id, { purpose: '' })))).toBe('INVALID_INPUT');
    expect(await code(core.dispatch('exports:savePdf', request(c.id, { profile: 'everything' })))).toBe('INVALID_INPUT');
    // An officer may not add sealed items, and no one may add what the profile never carries.
    expect(await code(core.dispatch('exports:savePdf', request(c.id, { sealed: { items: ['identity-documents'], reason: 'Needed by the shelter' } })))).toBe('FORBIDDEN');
    // A case the officer is not assigned to is not there at all.
    await as('officer.b');
    expect(await code(core.dispatch('exports:savePdf', request(c.id)))).toBe('NOT_FOUND');
    await as('sup.c');
    expect(await code(core.dispatch('exports:savePdf', request(c.id, { profile: 'prosecution-liaison', sealed: { items: ['whereabouts'], reason: 'Asked by the police' } })))).toBe(
      'EXPORT_SEALED_NOT_ALLOWED',
    );
    expect(state.jobs).toEqual([]);
    expect(existsSync(state.savePath)).toBe(false);
    expect((await ok<{ entries: ExportEntry[] }>(core, 'exports:list', {})).entries).toEqual([]);
    await core.close();
  });

  it('adds a sealed item to one export only for a supervisor with a reason, recorded before it is read', async () => {
    const { core, state, c, out, as, users } = await setUp();
    const d = await ok<CaseDetail>(core, 'cases:setSealed', {
      caseId: c.id,
      version: c.version,
      sealed: { field: 'whereabouts', value: { locationType: 'shelter', name: 'Fictional Shelter Sakura', address: 'FICTIONAL 1-2-3', phone: '', safeContactMethod: '' } },
    });
    await ok<CaseDetail>(core, 'cases:setSealed', { caseId: c.id, version: d.version, sealed: { field: 'identity-documents', value: [{ kind: 'passport', number: 'P0000001', issuer: 'PHL', heldBy: '' }] } });
    await as('sup.c');
    state.savePath = join(out, 'handover-sealed.pdf');
    const entry = await ok<ExportEntry>(core, 'exports:savePdf', request(c.id, { sealed: { items: ['identity-documents'], reason: 'The shelter must hold the passport number' } }));
    expect(entry).toMatchObject({ sealedItems: ['identity-documents'], sealedAuthorisedBy: 'Supervisor Chiba' });
    const doc: SummaryDocument = state.jobs[0].document;
    expect(doc.sealedIncluded).toEqual(['identity-documents']);
    expect(JSON.stringify(doc)).toContain('P0000001');
    // Only what was authorised: the whereabouts stay sealed.
    expect(JSON.stringify(doc)).not.toContain('Fictional Shelter Sakura');
    const trail = await auditRows(core, { caseRef: c.reference });
    const authorised = trail.findIndex((e) => e.action === 'export.sealed-authorised');
    expect(trail[authorised]).toMatchObject({ actorName: 'Supervisor Chiba', details: { items: 'identity-documents', reason: 'The shelter must hold the passport number' } });
    expect(users['sup.c'].id).toBeTruthy();
    await core.close();
  });

  it('previews the redacted document with nothing numbered, audited', async () => {
    const { core, c } = await setUp();
    const p = await ok<{ document: SummaryDocument; footer: PrintFooter }>(core, 'exports:preview', request(c.id, { profile: 'non-identifying' }));
    expect(p.footer).toMatchObject({ number: null, copy: null });
    expect(p.document.sections.flatMap((s) => s.fields.map((f) => f.id))).toEqual(['initials', 'sex', 'ageBand', 'nationality', 'exploitationTypes', 'stage']);
    expect(JSON.stringify(p.document)).not.toContain('SANTOS');
    expect(p.document.omitted).toEqual(expect.arrayContaining(['name', 'dateOfBirth', 'preferredName']));
    expect((await ok<{ entries: ExportEntry[] }>(core, 'exports:list', {})).entries).toEqual([]);
    await core.close();
  });

  it('is unavailable where there is no platform to render it (the command line)', async () => {
    const t = await makeTeam(dirs, () => NOW);
    await t.as('officer.a');
    const c = await ok<CaseDetail>(t.core, 'cases:create', intake());
    expect(await code(t.core.dispatch('exports:savePdf', request(c.id)))).toBe('EXPORT_UNAVAILABLE');
    await t.core.close();
  });

  it('tells from the command line whether a PDF is one the register recorded, and which', async () => {
    const { core, state, c, out, dataDir } = await setUp();
    state.savePath = join(out, 'handover.pdf');
    const entry = await ok<ExportEntry>(core, 'exports:savePdf', request(c.id));
    await core.close();
    const root = resolve(__dirname, '../..');
    const cli = (args: string[], passphrase: string) =>
      spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'electron/cli/main.ts'), ...args], { env: { ...process.env, MAMORI_PASSPHRASE: passphrase }, encoding: 'utf8' });
    const verified = cli(['export', 'verify', '--data-dir', dataDir, '--user', 'sup.c', state.savePath], 'supervisor passphrase');
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`matches:         ${entry.number} (pdf, copy 1) — case ${c.reference}, shelter-handover, 2 page(s)`);
    // One byte changed: not the document that left the vault.
    const altered = join(out, 'altered.pdf');
    const bytes = readFileSync(state.savePath);
    bytes[bytes.length - 2] ^= 1;
    writeFileSync(altered, bytes);
    const refused = cli(['export', 'verify', '--data-dir', dataDir, '--user', 'sup.c', altered], 'supervisor passphrase');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('NOT IN THE REGISTER');
    // An officer may not read the register from the command line.
    expect(cli(['export', 'verify', '--data-dir', dataDir, '--user', 'officer.a', state.savePath], 'officer a passphrase').status).toBe(1);
  });
});
