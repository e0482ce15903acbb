import { afterEach, describe, expect, it } from 'vitest';
import { applyCaseEdit, type CaseDetail, type CaseEdit } from '../../electron/common/caseDetail';
import type { ReviewQueueRow } from '../../electron/common/contract.decisions';
import type { MyWork } from '../../electron/common/contract.work';
import type { UserAccount } from '../../electron/common/accounts';
import { ART_50_5_FACTORS } from '../../electron/common/guidance';
import type { MamoriCoreApi } from '../../electron/core/index';
import { intake, srpDraft } from '../fixtures/cases';
import { withRawVault } from '../fixtures/raw';
import { auditRows, team as makeTeam } from '../fixtures/team';
import { cleanVaultsAfterEach, code, ok, signInAdmin } from '../fixtures/vault';

const dirs = cleanVaultsAfterEach(afterEach);
const NOW = Date.parse('2026-11-26T09:00:00Z');
const team = () => makeTeam(dirs, () => NOW);

const srp = srpDraft;

/**
 * The flagship case: an overstaying identified victim who wishes to remain, with danger on
 * return and cooperation with prosecution, at the decision stage.
 */
async function readyCase(core: MamoriCoreApi): Promise<CaseDetail> {
  const base = intake();
  let d = await ok<CaseDetail>(core, 'cases:create', { ...base, exploitation: { ...base.exploitation, identificationStatus: 'identified', identificationDate: '2026-11-10' } });
  for (const [kind, level, extra] of [
    ['danger-on-return', 'high', {}],
    ['condition-and-protection', 'moderate', {}],
    ['cooperation', 'high', { cooperationStatus: 'cooperating', authorityReference: 'PP-2026-9' }],
  ] as const) {
    d = await ok<CaseDetail>(core, 'protection:recordConsideration', { caseId: d.id, version: d.version, consideration: { kind, level, evidence: 'On file', assessedOn: '2026-11-20', ...extra } });
  }
  d = await ok<CaseDetail>(core, 'protection:recordWish', { caseId: d.id, version: d.version, wish: { wish: 'remain', ownWords: 'I want to stay.', expressedOn: '2026-11-20' } });
  for (const to of ['identification', 'protection', 'decision'] as const) d = await ok<CaseDetail>(core, 'cases:transition', { caseId: d.id, version: d.version, to });
  return d;
}

describe('residence decisions', () => {
  it('takes a recommendation from draft through return and resubmission to approval, with the full history', async () => {
    const { core, users, as } = await team();
    await as('officer.a');
    let d = await readyCase(core);
    d = await ok<CaseDetail>(core, 'decisions:saveDraft', { caseId: d.id, version: d.version, draft: { ...srp(), factorReasons: {} } });
    const id = d.decisions[0].id;
    // Incomplete: every Art. 50(5) factor needs its reasons; nothing is submitted.
    const incomplete = await core.dispatch('decisions:submit', { caseId: d.id, version: d.version, decisionId: id });
    expect(incomplete).toMatchObject({ ok: false, error: { code: 'RECOMMENDATION_INCOMPLETE' } });
    expect(!incomplete.ok && incomplete.error.issues?.map((i) => i.path)).toEqual(ART_50_5_FACTORS.map((f) => `factorReasons.${f}`));
    d = await ok<CaseDetail>(core, 'cases:get', { caseId: d.id });
    expect(d.decisions[0].status).toBe('draft');

    d = await ok<CaseDetail>(core, 'decisions:saveDraft', { caseId: d.id, version: d.version, draft: srp() });
    d = await ok<CaseDetail>(core, 'decisions:submit', { caseId: d.id, version: d.version, decisionId: id });
    expect(d.stage).toBe('approval');
    expect(d.decisions[0]).toMatchObject({ status: 'pending', submittedById: users['officer.a'].id, changedSinceSubmission: [] });
    expect(d.decisions[0].snapshotHash).toMatch(/^[0-9a-f]{64}$/);
    // Frozen while pending.
    expect(await code(core.dispatch('decisions:saveDraft', { caseId: d.id, version: d.version, draft: srp('changed') }))).toBe('DECISION_STATE');
    expect(await code(core.dispatch('cases:transition', { caseId: d.id, version: d.version, to: 'decision', reason: 'pull it back' }))).toBe('DECISION_STATE');
    // An officer cannot approve or return.
    expect(await code(core.dispatch('decisions:approve', { caseId: d.id, decisionId: id, snapshotHash: d.decisions[0].snapshotHash! }))).toBe('FORBIDDEN');
    expect(await code(core.dispatch('decisions:return', { caseId: d.id, decisionId: id, comment: 'not mine to do' }))).toBe('FORBIDDEN');

    await as('sup.c');
    const queue = await ok<{ rows: ReviewQueueRow[] }>(core, 'decisions:queue', {});
    expect(queue.rows).toEqual([expect.objectContaining({ caseId: d.id, reference: d.reference, maskedName: 'S. M.', pathway: 'special-residence-permission', own: false, stale: false })]);
    expect((await ok<MyWork>(core, 'work:mine', {})).waiting).toEqual([expect.objectContaining({ caseId: d.id, kind: 'decision-pending' })]);
    d = await ok<CaseDetail>(core, 'decisions:return', { caseId: d.id, decisionId: id, comment: 'Say more about the family relations factor.' });
    expect(d.stage).toBe('decision');
    expect(d.decisions[0].status).toBe('returned');

    await as('officer.a');
    expect((await ok<MyWork>(core, 'work:mine', {})).waiting).toEqual([expect.objectContaining({ caseId: d.id, kind: 'decision-returned' })]);
    d = await ok<CaseDetail>(core, 'cases:get', { caseId: d.id });
    d = await ok<CaseDetail>(core, 'decisions:saveDraft', {
      caseId: d.id,
      version: d.version,
      draft: { ...srp(), factorReasons: { ...srp().factorReasons, 'family-relations': 'Supports family abroad; no family in Japan.' } },
    });
    expect(d.decisions[0]).toMatchObject({ id, status: 'draft' });
    d = await ok<CaseDetail>(core, 'decisions:submit', { caseId: d.id, version: d.version, decisionId: id });

    await as('sup.c');
    d = await ok<CaseDetail>(core, 'cases:get', { caseId: d.id });
    d = await ok<CaseDetail>(core, 'decisions:approve', { caseId: d.id, decisionId: id, snapshotHash: d.decisions[0].snapshotHash!, comment: 'Approved.' });
    expect(d.decisions[0].status).toBe('approved');
    expect(d.decisions[0].events.map((e) => [e.kind, e.by, e.comment])).toEqual([
      ['approved', 'Supervisor Chiba', 'Approved.'],
      ['submitted', 'Officer Aoki', ''],
      ['returned', 'Supervisor Chiba', 'Say more about the family relations factor.'],
      ['submitted', 'Officer Aoki', ''],
    ]);
    expect(d.decisions[0].draft.factorReasons['family-relations']).toBe('Supports family abroad; no family in Japan.');

    await as('officer.a');
    expect((await ok<MyWork>(core, 'work:mine', {})).waiting).toEqual([expect.objectContaining({ caseId: d.id, kind: 'decision-approved' })]);

    const trail = await auditRows(core, { caseRef: d.reference });
    const actions = trail.map((e) => e.action);
    expect(actions.filter((a) => a === 'decision.submitted')).toHaveLength(2);
    expect(actions).toEqual(expect.arrayContaining(['decision.draft-saved', 'decision.returned', 'decision.approved']));
    expect(JSON.stringify(trail)).not.toContain('Say more about the family');
  });

  it('decides the case on approval: the decided stage, the approving supervisor as supervisor of record where none was assigned, all audited in the approval’s transaction', async () => {
    const { core, users, as } = await team();
    await as('officer.a');
    let d = await readyCase(core);
    expect(d.supervisor).toBeNull();
    d = await ok<CaseDetail>(core, 'decisions:saveDraft', { caseId: d.id, version: d.version, draft: srp() });
    d = await ok<CaseDetail>(core, 'decisions:submit', { caseId: d.id, version: d.version, decisionId: d.decisions[0].id });
    expect(d.stage).toBe('approval');

    await as('sup.c');
    d = await ok<CaseDetail>(core, 'decisions:approve', { caseId: d.id, decisionId: d.decisions[0].id, snapshotHash: d.decisions[0].snapshotHash!, comment: '' });
    expect(d.stage).toBe('decided');
    expect(d.supervisor).toEqual({ id: users['sup.c'].id, displayName: 'Supervisor Chiba' });
    const events = d.timeline.flatMap((item) => (item.kind === 'event' ? [[item.event, item.fromStage, item.toStage, item.authorName]] : []));
    expect(events.slice(-2)).toEqual([
      ['stage', 'approval', 'decided', 'Supervisor Chiba'],
      ['assigned', null, null, 'Supervisor Chiba'],
    ]);
    // The approving supervisor now has the case in their own lists.
    expect((await ok<{ total: number }>(core, 'cases:list', { filter: { stage: 'decided' } })).total).toBe(1);

    // One transaction: the approval, the stage change and the assignment are consecutive entries of one instant.
    const trail = (await auditRows(core, { caseRef: d.reference })).filter((e) => ['decision.approved', 'case.stage-changed', 'case.assigned'].includes(e.action)).slice(0, 3);
    expect(trail.map((e) => [e.action, e.actorName, e.details])).toEqual([
      ['case.assigned', 'Supervisor Chiba', { supervisor: users['sup.c'].id, via: 'approval' }],
      ['case.stage-changed', 'Supervisor Chiba', { from: 'approval', to: 'decided', via: 'approval' }],
      ['decision.approved', 'Supervisor Chiba', expect.objectContaining({ pathway: 'special-residence-permission' })],
    ]);
    const seqs = (trail as unknown as { seq: number; at: string }[]).map((e) => [e.seq, e.at]);
    expect(seqs.map(([seq]) => seq)).toEqual([Number(seqs[0][0]), Number(seqs[0][0]) - 1, Number(seqs[0][0]) - 2]);
    expect(new Set(seqs.map(([, at]) => at)).size).toBe(1);

    // A decided case goes back only to the decision stage (for a new recommendation), with a reason.
    await as('sup.c');
    expect(await code(core.dispatch('cases:transition', { caseId: d.id, version: d.version, to: 'approval', reason: 'try this' }))).toBe('FORBIDDEN');
    d = await ok<CaseDetail>(core, 'cases:transition', { caseId: d.id, version: d.version, to: 'decision', reason: 'New facts: new recommendation' });
    expect(d.stage).toBe('decision');
    expect(d.supervisor?.id).toBe(users['sup.c'].id);
  });

  it('keeps an assigned supervisor of record when another supervisor approves', async () => {
    const { core, users, as } = await team();
    // A second supervisor, who approves.
    await core.lock('user');
    await signInAdmin(core);
    const second = await ok<{ user: UserAccount; temporaryPassphrase: string }>(core, 'users:create', { username: 'sup.e', displayName: 'Supervisor Endo', role: 'supervisor' });
    await ok(core, 'session:signOut');
    await ok(core, 'session:signIn', { username: 'sup.e', passphrase: second.temporaryPassphrase });
    await ok(core, 'session:changePassphrase', { currentPassphrase: second.temporaryPassphrase, newPassphrase: 'supervisor endo passphrase' });

    await as('sup.c');
    let d = await readyCase(core);
    d = await ok<CaseDetail>(core, 'cases:assign', { caseId: d.id, version: d.version, officerIds: [users['officer.a'].id], supervisorId: users['sup.c'].id });
    await as('officer.a');
    d = await ok<CaseDetail>(core, 'cases:get', { caseId: d.id });
    d = await ok<CaseDetail>(core, 'decisions:saveDraft', { caseId: d.id, version: d.version, draft: srp() });
    d = await ok<CaseDetail>(core, 'decisions:submit', { caseId: d.id, version: d.version, decisionId: d.decisions[0].id });
    await core.lock('user');
    await ok(core, 'session:signIn', { username: 'sup.e', passphrase: 'supervisor endo passphrase' });
    d = await ok<CaseDetail>(core, 'decisions:approve', { caseId: d.id, decisionId: d.decisions[0].id, snapshotHash: d.decisions[0].snapshotHash!, comment: '' });
    expect(d.stage).toBe('decided');
    expect(d.supervisor).toEqual({ id: users['sup.c'].id, displayName: 'Supervisor Chiba' });
    const assigned = (await auditRows(core, { caseRef: d.reference })).filter((e) => e.action === 'case.assigned');
    expect(assigned.map((e) => e.actorName)).toEqual(['Supervisor Chiba']);
  });

  it('refuses approval by a supervisor who only edited the draft an officer created and submitted (four eyes)', async () => {
    const { core, users, as } = await team();
    await as('officer.a');
    let d = await readyCase(core);
    d = await ok<CaseDetail>(core, 'decisions:saveDraft', { caseId: d.id, version: d.version, draft: srp() });
    const decisionId = d.decisions[0].id;
    // The supervisor rewrites the officer's draft, then hands it back for the officer to submit.
    await as('sup.c');
    d = await ok<CaseDetail>(core, 'cases:get', { caseId: d.id });
    d = await ok<CaseDetail>(core, 'decisions:saveDraft', { caseId: d.id, version: d.version, draft: srp('Rewritten by the supervisor: recommend special residence permission.') });
    // Both, in no particular order (the test's clock stands still, so both came at the same time).
    expect([...d.decisions[0].editorIds].sort()).toEqual([users['officer.a'].id, users['sup.c'].id].sort());
    await as('officer.a');
    d = await ok<CaseDetail>(core, 'cases:get', { caseId: d.id });
    d = await ok<CaseDetail>(core, 'decisions:submit', { caseId: d.id, version: d.version, decisionId });
    expect(d.decisions[0]).toMatchObject({ status: 'pending', createdById: users['officer.a'].id, submittedById: users['officer.a'].id });

    await as('sup.c');
    // Not offered as someone else's work: no notice in My work, and the queue marks it as theirs.
    expect((await ok<MyWork>(core, 'work:mine', {})).waiting.filter((w) => w.kind === 'decision-pending')).toEqual([]);
    expect((await ok<{ rows: ReviewQueueRow[] }>(core, 'decisions:queue', {})).rows[0]).toMatchObject({ decisionId, own: true });
    d = await ok<CaseDetail>(core, 'cases:get', { caseId: d.id });
    expect(await code(core.dispatch('decisions:approve', { caseId: d.id, decisionId, snapshotHash: d.decisions[0].snapshotHash!, comment: '' }))).toBe('OWN_RECOMMENDATION');
    d = await ok<CaseDetail>(core, 'cases:get', { caseId: d.id });
    expect(d.decisions[0].status).toBe('pending');
    expect((await auditRows(core, { caseRef: d.reference })).map((e) => e.action)).not.toContain('decision.approved');
  });

  it('refuses a supervisor approving their own recommendation, and a stale snapshot', async () => {
    const { core, users, as } = await team();
    await as('sup.c');
    let d = await readyCase(core);
    d = await ok<CaseDetail>(core, 'cases:assign', { caseId: d.id, version: d.version, officerIds: [users['officer.a'].id], supervisorId: users['sup.c'].id });
    d = await ok<CaseDetail>(core, 'decisions:saveDraft', { caseId: d.id, version: d.version, draft: srp() });
    d = await ok<CaseDetail>(core, 'decisions:submit', { caseId: d.id, version: d.version, decisionId: d.decisions[0].id });
    const pending = d.decisions[0];
    expect(await code(core.dispatch('decisions:approve', { caseId: d.id, decisionId: pending.id, snapshotHash: pending.snapshotHash! }))).toBe('OWN_RECOMMENDATION');
    expect((await ok<{ rows: ReviewQueueRow[] }>(core, 'decisions:queue', {})).rows[0]).toMatchObject({ own: true });
    await core.lock('user');

    // A second supervisor, not the author.
    const { signInAdmin } = await import('../fixtures/vault');
    await signInAdmin(core);
    const made = await ok<{ temporaryPassphrase: string }>(core, 'users:create', { username: 'sup.d', displayName: 'Supervisor Doi', role: 'supervisor' });
    await core.lock('user');
    await ok(core, 'session:signIn', { username: 'sup.d', passphrase: made.temporaryPassphrase });
    await ok(core, 'session:changePassphrase', { currentPassphrase: made.temporaryPassphrase, newPassphrase: 'supervisor d passphrase' });

    // The hash seen must be the hash submitted.
    expect(await code(core.dispatch('decisions:approve', { caseId: d.id, decisionId: pending.id, snapshotHash: 'f'.repeat(64) }))).toBe('SNAPSHOT_STALE');
    // Any change to the facts after submission stales it; the supervisor sees what changed.
    await as('officer.a');
    d = await ok<CaseDetail>(core, 'cases:get', { caseId: d.id });
    d = applyCaseEdit(d, await ok<CaseEdit>(core, 'cases:update', { caseId: d.id, version: d.version, immigration: { ...d.immigration, periodOfStayExpiry: '2027-01-15' } }));
    expect(d.decisions[0].changedSinceSubmission).toEqual(['immigration.periodOfStayExpiry']);
    // While a decision waits, a save returns the decisions with it: laid over the page, the case as it is now.
    expect(d).toEqual(await ok<CaseDetail>(core, 'cases:get', { caseId: d.id }));
    await core.lock('user');
    await ok(core, 'session:signIn', { username: 'sup.d', passphrase: 'supervisor d passphrase' });
    expect((await ok<{ rows: ReviewQueueRow[] }>(core, 'decisions:queue', {})).rows[0]).toMatchObject({ own: false, stale: true });
    expect(await code(core.dispatch('decisions:approve', { caseId: d.id, decisionId: pending.id, snapshotHash: pending.snapshotHash! }))).toBe('SNAPSHOT_STALE');
    d = await ok<CaseDetail>(core, 'cases:get', { caseId: d.id });
    expect(d.decisions[0].status).toBe('pending');
  });

  it('never changes a decided record: no channel edits it, a new one supersedes it, the database refuses edits', async () => {
    const { dataDir, core, as } = await team();
    await as('officer.a');
    let d = await readyCase(core);
    d = await ok<CaseDetail>(core, 'decisions:saveDraft', { caseId: d.id, version: d.version, draft: srp() });
    const first = d.decisions[0].id;
    d = await ok<CaseDetail>(core, 'decisions:submit', { caseId: d.id, version: d.version, decisionId: first });
    await as('sup.c');
    d = await ok<CaseDetail>(core, 'decisions:approve', { caseId: d.id, decisionId: first, snapshotHash: d.decisions[0].snapshotHash! });
    const approved = d.decisions[0];

    for (const [channel, input] of [
      ['decisions:approve', { caseId: d.id, decisionId: first, snapshotHash: approved.snapshotHash! }],
      ['decisions:return', { caseId: d.id, decisionId: first, comment: 'reopen it please' }],
      ['decisions:submit', { caseId: d.id, version: d.version, decisionId: first }],
    ] as const) {
      expect(await code(core.dispatch(channel, input))).toBe('DECISION_STATE');
    }
    // Saving a draft now starts a new recommendation; the approved one is untouched.
    d = await ok<CaseDetail>(core, 'cases:transition', { caseId: d.id, version: d.version, to: 'decision', reason: 'New facts: new recommendation' });
    await as('officer.a');
    d = await ok<CaseDetail>(core, 'cases:get', { caseId: d.id });
    d = await ok<CaseDetail>(core, 'decisions:saveDraft', { caseId: d.id, version: d.version, draft: srp('A second recommendation.') });
    expect(d.decisions.map((x) => x.status)).toEqual(['draft', 'approved']);
    expect(d.decisions[1].draft).toEqual(approved.draft);
    d = await ok<CaseDetail>(core, 'decisions:submit', { caseId: d.id, version: d.version, decisionId: d.decisions[0].id });
    await as('sup.c');
    d = await ok<CaseDetail>(core, 'decisions:approve', { caseId: d.id, decisionId: d.decisions[0].id, snapshotHash: d.decisions[0].snapshotHash! });
    expect(d.decisions.map((x) => x.status)).toEqual(['approved', 'superseded']);
    expect(d.decisions[1]).toMatchObject({ supersededBy: d.decisions[0].id, draft: approved.draft });

    await core.lock('user');
    await withRawVault(dataDir, async (db) => {
      await expect(db.run("UPDATE decisions SET draft = '{}' WHERE status = 'approved'")).rejects.toThrow(/decided record/);
      await expect(db.run("UPDATE decisions SET status = 'approved' WHERE status = 'superseded'")).rejects.toThrow(/decided record/);
      await expect(db.run('DELETE FROM decisions')).rejects.toThrow(/never deleted/);
      await expect(db.run('DELETE FROM decision_events')).rejects.toThrow(/append-only/);
    });
  });
});
