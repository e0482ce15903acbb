import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUDIT_ACTIONS } from '../../../electron/common/audit';
import type { ChannelInput } from '../../../electron/common/contract';
import { i18n } from '../../i18n/i18n';
import { fail, installFakeMamori, intactRoutineCheck, ok, type Handlers } from '../../test/fakeMamori';
import { auditEntries, sessionFor } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const ACTORS = [
  { id: 'user-7', displayName: 'Testperson Officer', role: 'officer' as const, status: 'active' as const },
  { id: 'user-9', displayName: 'Testperson Audit', role: 'auditor' as const, status: 'active' as const },
];

/** A trail of `total` entries, paged by core's rules: newest first, `before` exclusive. */
function pagedTrail(total: number): Handlers['audit:list'] {
  return ({ before, limit = 50 }: ChannelInput<'audit:list'>) => {
    const top = Math.min(before === undefined ? total : before - 1, total);
    const count = Math.max(0, Math.min(limit, top));
    return ok({ entries: auditEntries(top, count), nextBefore: count === limit && top - count > 0 ? top - count + 1 : null });
  };
}

/**
 * The audit screen of an auditor just signed in, once the routine check at sign-in has answered
 * (from `routine`; the fake's intact one unless given). `handlers['audit:verify']` answers the
 * verifications the test asks for; `verifications()` lists those calls only.
 */
async function auditScreen(handlers: Handlers = {}, routine?: Handlers['audit:verify']) {
  const { 'audit:verify': verify, ...rest } = handlers;
  const fake = installFakeMamori({
    'session:current': () => ok(sessionFor({ role: 'auditor' })),
    'audit:actors': () => ok({ actors: ACTORS }),
    'audit:list': pagedTrail(120),
    ...rest,
    ...(routine || verify
      ? { 'audit:verify': (input) => (input.macs === 'since-checkpoint' ? (routine ?? intactRoutineCheck)(input) : verify ? verify(input) : fail('INTERNAL')) }
      : {}),
  });
  const rendered = renderApp();
  await screen.findByRole('table', { name: 'Audit trail entries' });
  if (!routine) await screen.findByText(/^Checked at sign-in/);
  const verifications = () => fake.callsTo('audit:verify').filter((input) => (input as { macs?: string }).macs !== 'since-checkpoint');
  return { fake, verifications, ...rendered };
}

function seqs(): string[] {
  const rows = within(screen.getByRole('table', { name: 'Audit trail entries' })).getAllByRole('row').slice(1);
  return rows.map((r) => within(r).getAllByRole('cell')[0].textContent ?? '');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('audit trail screen', () => {
  it('pages with keyset cursors: Older passes nextBefore, Newer walks back, Newest starts over', async () => {
    const { fake, user } = await auditScreen();
    expect(fake.callsTo('audit:list')).toEqual([{ filter: {}, limit: 50 }]);
    expect(seqs()).toHaveLength(50);
    expect(seqs()[0]).toBe('120');
    const newer = screen.getByRole('button', { name: 'Newer' });
    expect(newer).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: 'Older' }));
    await screen.findByText('Entries #70 to #21');
    await user.click(screen.getByRole('button', { name: 'Older' }));
    await screen.findByText('Entries #20 to #1');
    expect(screen.getByRole('button', { name: 'Older' })).toHaveProperty('disabled', true);
    expect(fake.callsTo('audit:list').slice(1)).toEqual([
      { filter: {}, before: 71, limit: 50 },
      { filter: {}, before: 21, limit: 50 },
    ]);

    await user.click(newer);
    await screen.findByText('Entries #70 to #21');
    expect(fake.callsTo('audit:list').at(-1)).toEqual({ filter: {}, before: 71, limit: 50 });
    await user.click(newer);
    await screen.findByText('Entries #120 to #71');
    expect(fake.callsTo('audit:list').at(-1)).toEqual({ filter: {}, limit: 50 });
    expect(newer).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: 'Older' }));
    await screen.findByText('Entries #70 to #21');
    await user.click(screen.getByRole('button', { name: 'Newest' }));
    await screen.findByText('Entries #120 to #71');
    expect(newer).toHaveProperty('disabled', true);
  });

  it('shows each entry with translated action, role and a named target', async () => {
    await auditScreen({
      'audit:list': () =>
        ok({
          entries: auditEntries(5, 1, {
            action: 'user.created',
            actorRole: 'administrator',
            actorName: 'Testperson Admin',
            target: 'user:user-7',
            details: { role: 'officer' },
            shown: { target: { kind: 'user', name: 'Testperson Officer' }, details: [{ key: 'role', value: { kind: 'codes', list: 'role', codes: ['officer'] } }] },
          }),
          nextBefore: null,
        }),
    });
    const cells = within(screen.getAllByRole('row')[1]).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['5', expect.stringContaining('2026'), 'Testperson Admin', 'Administrator', 'User created', '—', 'User: Testperson Officer', 'Role: Case officer']);
  });

  it('shows targets and details as core resolved them, translated, never an identifier or a raw code', async () => {
    const DECISION = '00000000-0000-4000-8000-00000000d001';
    await auditScreen({
      'audit:list': () =>
        ok({
          entries: [
            ...auditEntries(9, 1, {
              action: 'decision.approved',
              actorRole: 'supervisor',
              caseRef: 'TV-2026-0042',
              target: `decision:${DECISION}`,
              details: { pathway: 'special-residence-permission', snapshot: 'ab12' },
              shown: {
                target: { kind: 'record', record: 'decision', reference: 'TV-2026-0042' },
                details: [
                  { key: 'pathway', value: { kind: 'codes', list: 'pathway', codes: ['special-residence-permission'] } },
                  { key: 'snapshot', value: { kind: 'text', text: 'ab12' } },
                ],
              },
            }),
            ...auditEntries(8, 1, {
              action: 'case.assigned',
              caseRef: 'TV-2026-0042',
              target: 'case:00000000-0000-4000-8000-00000000c001',
              details: { supervisor: 'user-7', via: 'approval' },
              shown: {
                target: { kind: 'case', reference: 'TV-2026-0042' },
                details: [
                  { key: 'supervisor', value: { kind: 'users', names: ['Testperson Officer'] } },
                  { key: 'via', value: { kind: 'codes', list: 'via', codes: ['approval'] } },
                ],
              },
            }),
            ...auditEntries(7, 1, {
              action: 'session.signed-out',
              details: { reason: 'sign-out' },
              shown: { target: null, details: [{ key: 'reason', value: { kind: 'codes', list: 'lockReason', codes: ['sign-out'] } }] },
            }),
            ...auditEntries(6, 1, {
              action: 'case.conflict-acknowledged',
              caseRef: 'TV-2026-0042',
              details: { parties: 'p-1,p-2', reason: 'Checked the ID' },
              shown: {
                target: null,
                details: [
                  { key: 'parties', value: { kind: 'records', record: 'adverse-party', count: 2, reference: 'TV-2026-0042' } },
                  { key: 'reason', value: { kind: 'text', text: 'Checked the ID' } },
                  { key: 'lockedOut', value: { kind: 'yesNo', value: true } },
                ],
              },
            }),
          ],
          nextBefore: null,
        }),
    });
    const rows = () => screen.getAllByRole('row').slice(1).map((r) => within(r));
    const line = (i: number) => [rows()[i].getByTestId('audit-target').textContent, rows()[i].queryByTestId('audit-details')?.textContent ?? null];
    expect(line(0)).toEqual(['Recommendation of TV-2026-0042', 'Pathway: Special residence permissionSnapshot: ab12']);
    expect(line(1)).toEqual(['Case TV-2026-0042', 'Supervisor: Testperson OfficerHow: By the approval of a recommendation']);
    expect(line(2)).toEqual(['—', 'Reason: Signed out']);
    expect(line(3)).toEqual(['—', 'Adverse parties: 2 adverse parties of TV-2026-0042Reason: Checked the IDLocked out: Yes']);
    const table = screen.getByRole('table', { name: 'Audit trail entries' }).textContent ?? '';
    for (const raw of [DECISION, 'special-residence-permission', 'sign-out', 'user-7', 'p-1']) expect(table).not.toContain(raw);

    await act(() => i18n.changeLanguage('ja'));
    expect(line(0)).toEqual(['TV-2026-0042の意見書', '手続：在留特別許可スナップショット：ab12']);
    expect(line(1)).toEqual(['事案 TV-2026-0042', '監督者：Testperson Officer方法：意見書の承認による']);
    expect(line(2)).toEqual(['—', '理由：サインアウト']);
    expect(line(3)).toEqual(['—', '加害関係者：TV-2026-0042の2名の加害関係者理由：Checked the IDロックアウト：はい']);
  });

  it('filters by who, what, case and local dates, and starts at the newest page again', async () => {
    const { fake, user } = await auditScreen();
    await user.click(screen.getByRole('button', { name: 'Older' }));
    await screen.findByText('Entries #70 to #21');

    await user.selectOptions(screen.getByLabelText('Who'), 'Testperson Officer (Case officer)');
    await user.selectOptions(screen.getByLabelText('What'), 'Passphrase changed');
    await user.type(screen.getByLabelText('Case reference'), ' TV-2026-0042 ');
    await user.type(screen.getByLabelText('From'), '2026-03-01');
    await user.type(screen.getByLabelText('To'), '2026-03-02');
    await user.click(screen.getByRole('button', { name: 'Show entries' }));
    await screen.findByText('Entries #120 to #71');

    expect(fake.callsTo('audit:list').at(-1)).toEqual({
      filter: {
        actorId: 'user-7',
        action: 'user.passphrase-changed',
        caseRef: 'TV-2026-0042',
        from: new Date(2026, 2, 1, 0, 0, 0, 0).toISOString(),
        to: new Date(2026, 2, 2, 23, 59, 59, 999).toISOString(),
      },
      limit: 50,
    });
    expect(screen.getByRole('button', { name: 'Newer' })).toHaveProperty('disabled', true);
  });

  it('refuses an end date before the start date without asking core', async () => {
    const { fake, user } = await auditScreen();
    await user.type(screen.getByLabelText('From'), '2026-03-02');
    await user.type(screen.getByLabelText('To'), '2026-03-01');
    await user.click(screen.getByRole('button', { name: 'Show entries' }));
    expect(screen.getByText('The end date is before the start date.')).toBeTruthy();
    expect(fake.callsTo('audit:list')).toHaveLength(1);
  });

  it('shows an intact chain in green with entries, head and MAC prefix', async () => {
    const { user } = await auditScreen({
      'audit:verify': () => ok({ intact: true, entries: 1234, macsFrom: 0, signed: 1200, signaturesFrom: 0, checkpoint: null, headSeq: 1234, headMacPrefix: '9f86d081884c7d65', anchors: [] }),
    });
    await user.click(screen.getByRole('button', { name: 'Verify chain' }));
    const result = await screen.findByRole('status', { name: /Chain intact/ });
    expect(result.textContent).toContain('Intact: 1,234 entries, head #1,234 (9f86d081884c7d65).');
    expect(result.textContent).toContain('Every signature checked: 1,200 entries carry their author’s verified signature');
    expect(result.textContent).toContain('Write down this anchor outside this computer (e.g. in the paper register): 1234:9f86d081884c7d65.');
  });

  it('shows how far a long verification has come, then its result', async () => {
    let finish: (() => void) | undefined;
    const intact = { intact: true as const, entries: 10000, macsFrom: 0, signed: 10000, signaturesFrom: 0, checkpoint: null, headSeq: 10000, headMacPrefix: '9f86d081884c7d65', anchors: [] };
    const { user, fake } = await auditScreen({
      'audit:verify': () => new Promise((resolve) => (finish = () => resolve(ok(intact)))),
    });
    await user.click(screen.getByRole('button', { name: 'Verify chain' }));
    await screen.findByTestId('audit-verify-progress');
    act(() => fake.emit('vault:progress', { operation: 'verification', phase: 'verifying', done: 5000, total: 10000 }));
    expect(screen.getByTestId('audit-verify-progress').textContent).toContain('Checked 5,000 of 10,000: every entry’s MAC, then the signatures');
    expect(screen.getByRole('progressbar', { name: 'Verification progress' }).getAttribute('aria-valuenow')).toBe('50');
    // Another operation's reports are not this one's.
    act(() => fake.emit('vault:progress', { operation: 'backup', phase: 'copying', done: 1, total: 2 }));
    expect(screen.getByTestId('audit-verify-progress').textContent).toContain('5,000 of 10,000');
    finish?.();
    await screen.findByRole('status', { name: /Chain intact/ });
    expect(screen.queryByTestId('audit-verify-progress')).toBeNull();
  });

  it('says since which checkpoint, of when and by whom, signatures were checked; and runs the deep verification on request', async () => {
    const checkpoint = { seq: 801, at: '2026-03-02T01:02:03.000Z', actorName: 'Auditor Doi', checkpointSeq: 800 };
    const fake = await auditScreen({
      'audit:verify': (input) =>
        input.signatures === 'all'
          ? ok({ intact: false, entries: 899, intactUpTo: 411, firstBroken: { seq: 412, reason: 'signature-invalid' as const }, anchors: [] })
          : ok({ intact: true, entries: 900, macsFrom: 0, signed: 95, signaturesFrom: 800, checkpoint, headSeq: 900, headMacPrefix: '9f86d081884c7d65', anchors: [] }),
    });
    const { user } = fake;
    await user.click(screen.getByRole('button', { name: 'Verify chain' }));
    const result = await screen.findByRole('status', { name: /Chain intact/ });
    expect(result.textContent).toMatch(/Signatures checked since checkpoint #800 of .*2026.* by Auditor Doi: 95 valid \(every entry after #800, and every key registration\)/);
    expect(result.textContent).not.toContain('Every signature checked');

    await user.click(screen.getByRole('button', { name: 'Verify every signature' }));
    expect((await screen.findByRole('alert')).textContent).toContain('first broken entry #412 (its signature does not verify');
    expect(fake.verifications()).toEqual([{ anchors: [] }, { anchors: [], signatures: 'all' }]);

    await i18n.changeLanguage('ja');
    await user.click(screen.getByRole('button', { name: 'チェーンを検証' }));
    expect((await screen.findByRole('status', { name: /改ざんは検出されませんでした/ })).textContent).toContain('Auditor Doiが行った検証のチェックポイント #800 以降の署名を確認しました：有効 95件');
  });

  it('checks anchors written down earlier, and says in red when the trail no longer holds one', async () => {
    const fake = await auditScreen({
      'audit:verify': (input) =>
        ok({
          intact: true,
          entries: 40,
          macsFrom: 0,
          signed: 40,
          signaturesFrom: 0,
          checkpoint: null,
          headSeq: 40,
          headMacPrefix: '00112233aabbccdd',
          anchors: (input.anchors ?? []).map((anchor, i) => ({ anchor, seq: Number(anchor.replace('#', '').split(':')[0]), result: i === 0 ? ('matches' as const) : ('missing' as const) })),
        }),
    });
    const { user } = fake;
    await user.type(screen.getByLabelText(/Anchors to check/), '12:9f86d081 nonsense');
    await user.click(screen.getByRole('button', { name: 'Verify chain' }));
    expect(screen.getByText(/“nonsense” is not an anchor/)).toBeTruthy();
    expect(fake.verifications()).toEqual([]);

    await user.clear(screen.getByLabelText(/Anchors to check/));
    await user.type(screen.getByLabelText(/Anchors to check/), '12:9f86d081 #57:aabbccdd00');
    await user.click(screen.getByRole('button', { name: 'Verify chain' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The trail does not contain what was anchored');
    expect(alert.textContent).toContain('Anchor #57:aabbccdd00: the trail has no entry #57 any more. The database was rolled back to an older copy.');
    expect(alert.textContent).not.toContain('12:9f86d081');
    expect(fake.verifications()).toEqual([{ anchors: ['12:9f86d081', '#57:aabbccdd00'] }]);
  });

  it('shows a broken chain in red with where and why it broke', async () => {
    const { user } = await auditScreen({
      'audit:verify': () =>
        ok({ intact: false, entries: 900, intactUpTo: 411, firstBroken: { seq: 412, reason: 'mac-mismatch' as const }, anchors: [] }),
    });
    await user.click(screen.getByRole('button', { name: 'Verify chain' }));
    const result = await screen.findByRole('alert');
    expect(result.textContent).toContain('Chain broken');
    expect(result.textContent).toContain('Broken: intact up to #411, first broken entry #412 (its MAC does not match');

    await i18n.changeLanguage('ja');
    expect((await screen.findByRole('alert')).textContent).toContain('異常：#411までは正常、最初の異常は #412（MACが一致しません');
  });

  it('exports the current filter as a CSV download and says how many rows', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:mamori/1');
    const revokeObjectURL = vi.fn();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL }));
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const { fake, user } = await auditScreen({
      'audit:export': () => ok({ csv: 'seq,at\r\n1,x\r\n', rows: 1, truncated: false, fileName: 'mamori-audit-20260302-010203.csv' }),
    });
    await user.selectOptions(screen.getByLabelText('What'), 'Signed in');
    await user.click(screen.getByRole('button', { name: 'Show entries' }));
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    expect(await screen.findByText('Rows exported: 1.')).toBeTruthy();
    expect(fake.callsTo('audit:export')).toEqual([{ filter: { action: 'session.signed-in' } }]);
    expect(clicks).toEqual(['mamori-audit-20260302-010203.csv']);
    const blob = createObjectURL.mock.calls[0][0];
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(await blob.text()).toBe('seq,at\r\n1,x\r\n');
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:mamori/1');
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('shows a failed verification translated', async () => {
    const { user } = await auditScreen({ 'audit:verify': () => fail('INTERNAL') });
    await user.click(screen.getByRole('button', { name: 'Verify chain' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong.');
  });
});

describe('the routine check at sign-in', () => {
  it('checks the entries since the last checkpoint as an auditor signs in, holding the other verifications until it has answered', async () => {
    let answer: (() => void) | undefined;
    const { fake } = await auditScreen({}, () => new Promise((resolve) => (answer = () => resolve(intactRoutineCheck()))));
    expect(fake.callsTo('audit:verify')).toEqual([{ macs: 'since-checkpoint' }]);
    expect(screen.getByText('Checking the entries added since the last checkpoint (the routine check at sign-in)…')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Verify chain' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Verify every signature' })).toHaveProperty('disabled', true);
    answer?.();
    expect((await screen.findByText(/^Checked at sign-in/)).textContent).toBe(
      'Checked at sign-in: entries #101 to #120, added since checkpoint #100, are intact (their MACs and signatures). “Verify chain” checks every entry’s MAC.',
    );
    expect(screen.getByRole('button', { name: 'Verify chain' })).toHaveProperty('disabled', false);
    expect(screen.queryByRole('alert')).toBeNull();
    await i18n.changeLanguage('ja');
    expect(await screen.findByText(/^サインイン時の確認：チェックポイント #100 以降に追加された記録 #101〜#120 に改ざんはありません/)).toBeTruthy();
  });

  it('says when there was no checkpoint yet and every entry was checked', async () => {
    await auditScreen({}, () => ok({ intact: true, entries: 40, macsFrom: 0, signed: 40, signaturesFrom: 0, checkpoint: null, headSeq: 40, headMacPrefix: '00112233aabbccdd', anchors: [] }));
    expect(await screen.findByText('Checked at sign-in: every entry, #1 to #40, is intact (no checkpoint yet, so every MAC and signature was checked).')).toBeTruthy();
  });

  it('says in red when it could not run', async () => {
    await auditScreen({}, () => fail('INTERNAL'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The routine check at sign-in could not run. Use “Verify chain”.');
  });
});

describe('audit action labels', () => {
  it('names every audit action in both languages', () => {
    for (const language of ['en', 'ja']) {
      const missing = AUDIT_ACTIONS.filter((action) => !i18n.exists(`auditActions.${action}`, { lng: language }));
      expect(missing, language).toEqual([]);
    }
  });
});
