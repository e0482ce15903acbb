import { describe, expect, it } from 'vitest';
import { checkTransition, conflictingParties, maskName, moveDirection, normaliseName } from './caseRules';
import type { Stage } from './cases';

describe('maskName', () => {
  it.each([
    ['NGUYEN', 'Thi Lan', 'N. T.'],
    ['santos', 'maria', 'S. M.'],
    ['グエン', 'ティ', 'グ. テ.'],
    ['Ｐｅｒｅｚ', '', 'P.'],
    // Initials are whole grapheme clusters: an emoji sequence, a flag or a letter with its mark is never cut apart.
    ['Lopez', '👩‍👧 Ana', 'L. 👩‍👧.'],
    ['👋🏽', '🇯🇵', '👋🏽. 🇯🇵.'],
    ['g̃arcia', 'n̈oa', 'G̃. N̈.'],
  ])('%s %s → %s', (family, given, masked) => expect(maskName(family, given)).toBe(masked));
});

describe('name matching for conflict checks', () => {
  const parties = [
    { id: 'p1', name: 'Tanaka Kazuo', nameVariants: ['田中 一夫', 'タナカ カズオ'] },
    { id: 'p2', name: 'Reyes Broker Agency', nameVariants: [] },
  ];
  it.each([
    ['TANAKA KAZUO', ['p1']],
    ['Kazuo Tanaka', ['p1']],
    ['ｔａｎａｋａ　ｋａｚｕｏ', ['p1']],
    ['田中一夫', ['p1']],
    ['たなか かずお', ['p1']],
    ['ﾀﾅｶ ｶｽﾞｵ', ['p1']],
    ['reyes-broker agency', ['p2']],
    ['Tanaka', []],
    ['Kazuo Tanabe', []],
    ['', []],
  ])('%s matches %j', (candidate, ids) => expect(conflictingParties(candidate, parties).map((p) => p.id)).toEqual(ids));

  it('folds katakana to hiragana and strips separators', () => {
    expect(normaliseName('タナカ・カズオ')).toBe('たなかかずお');
  });
});

describe('stage transitions', () => {
  const ok = (needsReason: boolean) => ({ allowed: true, needsReason });
  const no = (why: string) => ({ allowed: false, why });
  it.each<[Stage, Stage, 'officer' | 'supervisor', object]>([
    ['intake', 'identification', 'officer', ok(false)],
    ['identification', 'protection', 'officer', ok(false)],
    ['protection', 'decision', 'officer', ok(false)],
    ['decision', 'protection', 'officer', ok(true)],
    ['identification', 'intake', 'supervisor', ok(true)],
    ['intake', 'protection', 'officer', no('not-adjacent')],
    ['decision', 'approval', 'supervisor', no('by-submission-only')],
    ['protection', 'protection', 'officer', no('same-stage')],
    ['protection', 'closed', 'officer', no('supervisor-only')],
    ['protection', 'closed', 'supervisor', ok(true)],
    ['closed', 'protection', 'supervisor', ok(true)],
    ['closed', 'intake', 'officer', no('supervisor-only')],
    // Decided only by approving the recommendation; from there back to the decision stage (a new
    // recommendation) or, for a supervisor, closed.
    ['approval', 'decided', 'supervisor', no('by-approval-only')],
    ['decision', 'decided', 'supervisor', no('by-approval-only')],
    ['closed', 'decided', 'supervisor', no('by-approval-only')],
    ['decided', 'decision', 'officer', ok(true)],
    ['decided', 'approval', 'supervisor', no('by-submission-only')],
    ['decided', 'protection', 'supervisor', no('not-adjacent')],
    ['decided', 'closed', 'officer', no('supervisor-only')],
    ['decided', 'closed', 'supervisor', ok(true)],
    ['approval', 'decision', 'officer', ok(true)],
  ])('%s → %s by %s', (from, to, role, expected) => expect(checkTransition(from, to, role)).toEqual(expected));

  it.each<[Stage, Stage, string]>([
    ['intake', 'identification', 'forward'],
    ['protection', 'decision', 'forward'],
    // At the decision stage the only move by hand is back: it must never read as advancing.
    ['decision', 'protection', 'back'],
    ['decided', 'decision', 'back'],
    ['approval', 'decision', 'back'],
    ['decided', 'closed', 'close'],
    ['closed', 'decision', 'reopen'],
  ])('%s → %s goes %s', (from, to, direction) => expect(moveDirection(from, to)).toBe(direction));
});
