/**
 * Run as a separate process by the crash suite (tests/torture/crash.ts): signs in as an officer and
 * performs random real operations through core's dispatcher until its parent kills it with SIGKILL.
 * After core returns success for an operation it appends what the vault must now hold to the side
 * file and fsyncs it, so every line of that file is an operation the user was told had succeeded.
 * Before each operation it records the intent (also fsynced): the one operation in flight when the
 * kill comes may or may not have committed, and the parent must accept either.
 *   node --import tsx tests/torture/crash-child.ts <dataDir> <sideFile> <round> <seed>
 * Fictional people only.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { CaseDetail } from '../../electron/common/caseDetail';
import { createCore, type MamoriCoreApi } from '../../electron/core/index';
import { interviewPlan } from '../../renderer/test/fixtures';
import { intake, srpDraft } from '../fixtures/cases';
import { PASS } from '../fixtures/team';
import { CRASH_NOW, CRASH_OFFICER, rng, type SideLine } from './crash-ops';

const [dataDir, sideFile, roundArg, seedArg] = process.argv.slice(2);
const round = Number(roundArg);
const random = rng(Number(seedArg) * 7919 + round);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];

const fd = openSync(sideFile, 'a');
function append(line: SideLine): void {
  writeSync(fd, JSON.stringify(line) + '\n');
  fsyncSync(fd);
}

async function call<T>(core: MamoriCoreApi, channel: string, input: unknown = {}): Promise<T> {
  const r = await core.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** Cases that earlier rounds (and this one) were told exist and that stay open for work. */
function knownCases(): string[] {
  if (!existsSync(sideFile)) return [];
  return readFileSync(sideFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as SideLine)
    .flatMap((l) => (l.t === 'ack' && l.kind === 'intake' && l.caseId ? [l.caseId] : []));
}


async function main(): Promise<void> {
  const core = createCore({ dataDir, locale: 'en', now: () => CRASH_NOW });
  const cases = knownCases();
  let n = 0;
  const op = () => `r${round}o${n++}`;
  const signIn = async () => {
    const id = op();
    append({ t: 'intent', id, kind: 'signin' });
    await call(core, 'session:signIn', { username: CRASH_OFFICER, passphrase: PASS.officerA });
    append({ t: 'ack', id, kind: 'signin' });
  };
  await signIn();
  process.stdout.write('ready\n');
  for (;;) {
    const kind = cases.length === 0 ? 'intake' : pick(['intake', 'edit', 'edit', 'note', 'note', 'interview', 'consideration', 'wish', 'decision', 'signin'] as const);
    if (kind === 'signin') {
      await core.lock('user');
      await signIn();
      continue;
    }
    const id = op();
    const marker = `Crash ${id}`;
    if (kind === 'intake') {
      append({ t: 'intent', id, kind, marker });
      const d = await call<CaseDetail>(core, 'cases:create', intake({ givenName: marker }));
      cases.push(d.id);
      append({ t: 'ack', id, kind, caseId: d.id, marker });
      continue;
    }
    if (kind === 'decision') {
      // A case of its own taken to a submitted recommendation: the ack is for the submission.
      append({ t: 'intent', id, kind, marker });
      const base = intake({ givenName: marker });
      let d = await call<CaseDetail>(core, 'cases:create', { ...base, exploitation: { ...base.exploitation, identificationStatus: 'identified', identificationDate: '2026-11-10' } });
      for (const [k, level, extra] of [
        ['danger-on-return', 'high', {}],
        ['condition-and-protection', 'moderate', {}],
        ['cooperation', 'high', { cooperationStatus: 'cooperating', authorityReference: 'PP-2026-9' }],
      ] as const) {
        d = await call<CaseDetail>(core, 'protection:recordConsideration', { caseId: d.id, version: d.version, consideration: { kind: k, level, evidence: 'On file', assessedOn: '2026-11-20', ...extra } });
      }
      d = await call<CaseDetail>(core, 'protection:recordWish', { caseId: d.id, version: d.version, wish: { wish: 'remain', ownWords: 'I want to stay.', expressedOn: '2026-11-20' } });
      for (const to of ['identification', 'protection', 'decision'] as const) d = await call<CaseDetail>(core, 'cases:transition', { caseId: d.id, version: d.version, to });
      d = await call<CaseDetail>(core, 'decisions:saveDraft', { caseId: d.id, version: d.version, draft: srpDraft(marker) });
      const decisionId = d.decisions[0].id;
      await call<CaseDetail>(core, 'decisions:submit', { caseId: d.id, version: d.version, decisionId });
      append({ t: 'ack', id, kind, caseId: d.id, marker, decisionId });
      continue;
    }
    const caseId = pick(cases);
    append({ t: 'intent', id, kind, caseId, marker });
    if (kind === 'note') {
      await call(core, 'cases:addNote', { caseId, noteType: 'general', body: marker, sealed: false });
    } else {
      const d = await call<CaseDetail>(core, 'cases:get', { caseId });
      const ref = { caseId, version: d.version };
      if (kind === 'edit') await call(core, 'cases:update', { ...ref, person: { ...d.person, givenName: marker } });
      else if (kind === 'wish') await call(core, 'protection:recordWish', { ...ref, wish: { wish: pick(['remain', 'return', 'undecided'] as const), ownWords: marker, expressedOn: '2026-11-20' } });
      else if (kind === 'consideration')
        await call(core, 'protection:recordConsideration', { ...ref, consideration: { kind: 'danger-on-return', level: pick(['low', 'moderate', 'high'] as const), evidence: marker, assessedOn: '2026-11-20' } });
      else {
        const officersPresent = [{ userId: d.officers[0].id, sex: 'female' as const }];
        await call(core, 'interviews:plan', { ...ref, plan: interviewPlan(officersPresent, { plannedAt: '2027-01-15T10:00', placeLabel: marker }) });
      }
    }
    append({ t: 'ack', id, kind, caseId, marker });
  }
}

main().then(
  () => process.exit(3), // never returns: the parent fails on this exit code
  (e) => {
    closeSync(fd);
    process.stderr.write(`crash-child: ${(e as Error).message}\n`);
    process.exit(4);
  },
);
