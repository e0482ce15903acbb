/**
 * `cases purge` on the command line (electron/cli/purge.ts), run as a separate process like an
 * administrator would, against a vault whose cases were closed long ago by core's injected clock
 * (the command itself runs on the real clock, any day after 2020). Fictional people only.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { casesPurge } from '../../electron/cli/purge';
import type { CaseDetail } from '../../electron/common/caseDetail';
import { intake } from '../fixtures/cases';
import { markersInPages } from '../fixtures/pages';
import { withRawVault } from '../fixtures/raw';
import { team } from '../fixtures/team';
import { ADMIN, cleanVaultsAfterEach, ok } from '../fixtures/vault';

const dirs = cleanVaultsAfterEach(afterEach);
const root = resolve(__dirname, '../..');

function cli(args: string[], passphrase: string = ADMIN.passphrase) {
  const env = { ...process.env, MAMORI_PASSPHRASE: passphrase };
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'electron/cli/main.ts'), ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Two cases closed in January 2015 as returned home (60 months: due since 2020), one of them held, and one open case. */
async function oldVault() {
  const t = await team(dirs, () => Date.parse('2015-01-10T09:00:00Z'));
  await t.as('officer.a');
  // Opened in January 2015: its facts are of that time (core refuses a date after its today).
  const of2015 = (familyName: string) => {
    const c = intake({ familyName });
    return {
      ...c,
      immigration: { ...c.immigration, periodOfStayExpiry: '2015-06-30', statusValiditySince: '2014-12-01' },
      exploitation: { ...c.exploitation, periodFrom: '2014-06-01', periodTo: '2014-12-01', screenedOn: '2014-12-05' },
    };
  };
  const make = (familyName: string) => ok<CaseDetail>(t.core, 'cases:create', of2015(familyName));
  const [due, held, open] = [await make('ZqxCliDueMk'), await make('ZqxCliHeldMk'), await make('ZqxCliOpenMk')];
  await t.as('sup.c');
  for (const c of [due, held]) await ok(t.core, 'cases:transition', { caseId: c.id, version: c.version, to: 'closed', reason: 'Returned home with IOM', outcome: 'returned-home' });
  await ok(t.core, 'retention:placeHold', { caseId: held.id, reason: 'Appeal pending (fictional)' });
  await t.core.close();
  const remaining = () => withRawVault(t.dataDir, async (tx) => (await tx.all<{ reference: string }>('SELECT reference FROM cases ORDER BY reference')).map((r) => r.reference));
  return { dir: t.dataDir, due, held, open, remaining };
}

describe('cases purge on the command line', () => {
  it('lists what would go with --dry-run, changing nothing; purges with a reason, keeping held and open cases', async () => {
    const v = await oldVault();
    const dry = cli(['cases', 'purge', '--dry-run', '--data-dir', v.dir, '--user', ADMIN.username]);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toMatch(new RegExp(`Would purge: 1 case\\(s\\) past their retention period on \\d{4}-\\d{2}-\\d{2}\\n  ${v.due.reference} +returned-home +closed 2015-01-10  due 2020-01-10`));
    expect(dry.out).toMatch(new RegExp(`Kept under a legal hold: 1\\n  ${v.held.reference} .* on hold since 2015-01-10 \\(Supervisor Chiba\\)`));
    expect(dry.out).not.toContain(v.open.reference);
    expect(await v.remaining()).toEqual([v.due.reference, v.held.reference, v.open.reference]);

    const noReason = cli(['cases', 'purge', '--data-dir', v.dir, '--user', ADMIN.username]);
    expect(noReason.code).toBe(2);
    expect(noReason.err).toMatch(/--reason is required/);
    const shortReason = cli(['cases', 'purge', '--reason', 'x', '--data-dir', v.dir, '--user', ADMIN.username]);
    expect(shortReason.code).toBe(1);
    expect(shortReason.err).toMatch(/^mamori: Some of the information entered is not valid\. Check the highlighted fields\. \(reason: case\.reason\.tooShort\)\n$/);
    expect(await v.remaining()).toHaveLength(3);

    const purge = cli(['cases', 'purge', '--reason', 'Retention period ended', '--data-dir', v.dir, '--user', ADMIN.username]);
    expect(purge.code, purge.err).toBe(0);
    expect(purge.out).toMatch(new RegExp(`Purged 1 case\\(s\\); the vault file was compacted\\.\\n  ${v.due.reference} +returned-home +closed 2015-01-10  purged \\d{4}-\\d{2}-\\d{2}`));
    expect(await v.remaining()).toEqual([v.held.reference, v.open.reference]);
    expect(await markersInPages(v.dir, ['ZqxCliDueMk', 'ZqxCliHeldMk', 'ZqxCliOpenMk'])).not.toContainEqual(expect.objectContaining({ marker: 'ZqxCliDueMk' }));
    expect((await markersInPages(v.dir, ['ZqxCliHeldMk'])).length).toBeGreaterThan(0);

    // Nothing left to purge: it says so, still compacts, and exits 0.
    const again = cli(['cases', 'purge', '--reason', 'Retention period ended', '--data-dir', v.dir, '--user', ADMIN.username]);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/To purge: 0 case\(s\)[\s\S]*Purged 0 case\(s\); the vault file was compacted\./);
  });

  it('lets a supervisor see the dry run but purge nothing, and refuses a wrong passphrase, in the app\'s own words, never a stack trace', async () => {
    const v = await oldVault();
    const dry = cli(['cases', 'purge', '--dry-run', '--data-dir', v.dir, '--user', 'sup.c'], 'supervisor passphrase');
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain(v.due.reference);
    const supervisor = cli(['cases', 'purge', '--reason', 'Retention period ended', '--data-dir', v.dir, '--user', 'sup.c'], 'supervisor passphrase');
    expect(supervisor).toMatchObject({ code: 1, out: '', err: 'mamori: Your role does not allow this action.\n' });
    const wrong = cli(['cases', 'purge', '--dry-run', '--data-dir', v.dir, '--user', ADMIN.username], 'not the passphrase');
    expect(wrong).toMatchObject({ code: 1, err: 'mamori: The user name or passphrase is not correct.\n' });
    expect(`${supervisor.err}${wrong.err}`).not.toMatch(/\n\s+at /);
    expect(await v.remaining()).toHaveLength(3);
  });

  it('on a terminal, asks to type the number of cases and shows its progress on one line', async () => {
    const v = await oldVault();
    const saved = process.env.MAMORI_PASSPHRASE;
    process.env.MAMORI_PASSPHRASE = ADMIN.passphrase;
    try {
      const lines: string[] = [];
      const progress: string[] = [];
      const asked: string[] = [];
      const terminal = (answer: string) => ({ progress: (text: string) => progress.push(text), confirm: async (question: string) => (asked.push(question), answer) });
      const opts = { dataDir: v.dir, username: ADMIN.username, dryRun: false, reason: 'Retention period ended' };
      await expect(casesPurge(opts, (l) => lines.push(l), (l) => lines.push(l), terminal('2'))).rejects.toThrow('not confirmed: nothing was purged');
      expect(asked).toEqual(['Purging deletes these case files for ever. Type 1 to confirm: ']);
      expect(await v.remaining()).toHaveLength(3);
      expect(await casesPurge(opts, (l) => lines.push(l), (l) => lines.push(l), terminal('1'))).toBe(0);
      expect(progress).toEqual(['Purging 1 of 1 and compacting the vault…', '']);
      expect(await v.remaining()).toEqual([v.held.reference, v.open.reference]);
    } finally {
      if (saved === undefined) delete process.env.MAMORI_PASSPHRASE;
      else process.env.MAMORI_PASSPHRASE = saved;
    }
  });
});
