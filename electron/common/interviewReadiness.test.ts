import { describe, expect, it } from 'vitest';
import { interviewReadiness, mayStart, type ReadinessInput, type ReadinessItem } from './interviewReadiness';

/** A Tagalog-speaking female victim, with everything in place. */
const ready: ReadinessInput = {
  victim: { sex: 'female', languages: ['tl', 'en'], condition: 'stable' },
  interpreter: { languages: ['tl', 'ja'] },
  officersPresent: [{ sex: 'female' }, { sex: 'male' }],
  place: { private: true, disclosesWhereabouts: false },
  adverseMatches: 0,
  rightsExplained: true,
};

const unmet = (input: ReadinessInput) =>
  Object.entries(interviewReadiness(input).items)
    .filter(([, s]) => s === 'unmet')
    .map(([i]) => i as ReadinessItem)
    .sort();

describe('interview readiness', () => {
  it('is ready when every safeguard is in place', () => {
    expect(interviewReadiness(ready)).toEqual({
      ready: true,
      items: { interpreter: 'met', 'female-officer': 'met', 'private-place': 'met', condition: 'met', 'no-conflict': 'met', 'rights-explained': 'met' },
    });
  });

  it.each<[string, Partial<ReadinessInput>, ReadinessItem[]]>([
    ['female victim, only a male officer', { officersPresent: [{ sex: 'male' }] }, ['female-officer']],
    ['no interpreter at all', { interpreter: null }, ['interpreter']],
    ['an interpreter of another language', { interpreter: { languages: ['en'] } }, ['interpreter']],
    ['female victim, male officer, no interpreter', { officersPresent: [{ sex: 'male' }], interpreter: null }, ['female-officer', 'interpreter']],
    ['a place that is not private', { place: { private: false, disclosesWhereabouts: false } }, ['private-place']],
    ['a place that would disclose the whereabouts', { place: { private: true, disclosesWhereabouts: true } }, ['private-place']],
    ['condition acute: postpone', { victim: { ...ready.victim, condition: 'acute' } }, ['condition']],
    ['an interpreter matching an adverse party', { adverseMatches: 1 }, ['no-conflict']],
    ['rights not yet explained', { rightsExplained: false }, ['rights-explained']],
  ])('blocks: %s', (_name, change, expected) => {
    const r = interviewReadiness({ ...ready, ...change });
    expect(r.ready).toBe(false);
    expect(unmet({ ...ready, ...change })).toEqual(expected);
  });

  it.each<[string, Partial<ReadinessInput>, ReadinessItem]>([
    ['no interpreter, with a recorded reason', { interpreter: null, noInterpreterReason: 'No Tagalog interpreter reachable today' }, 'interpreter'],
    ['no female officer, with a recorded reason', { officersPresent: [{ sex: 'male' }], noFemaleOfficerReason: 'Victim asked for this officer' }, 'female-officer'],
  ])('records the officer\'s reason, but does not start on it alone: %s', (_name, change, item) => {
    const r = interviewReadiness({ ...ready, ...change });
    expect(r.ready).toBe(false);
    expect(r.items[item]).toBe('reason-recorded');
    // Waived only by a supervisor's override of exactly that item.
    expect(mayStart(r, null)).toBe(false);
    expect(mayStart(r, [item])).toBe(true);
  });

  it('lets nobody but a supervisor (an override, elsewhere) waive a match with an adverse party', () => {
    expect(unmet({ ...ready, adverseMatches: 2, noInterpreterReason: 'a reason for something else' })).toEqual(['no-conflict']);
  });

  it('does not accept a reason that says nothing', () => {
    expect(unmet({ ...ready, interpreter: null, noInterpreterReason: ' - ' })).toEqual(['interpreter']);
  });

  it('asks no female officer for a male victim and no interpreter for a Japanese speaker', () => {
    const r = interviewReadiness({ ...ready, victim: { sex: 'male', languages: ['ja'], condition: 'fragile' }, interpreter: null, officersPresent: [{ sex: 'male' }] });
    expect(r).toMatchObject({ ready: true, items: { 'female-officer': 'not-applicable', interpreter: 'met', condition: 'met' } });
  });

  it('never waives a place that is not private, an acute condition or unexplained rights', () => {
    const r = interviewReadiness({
      ...ready,
      place: { private: false, disclosesWhereabouts: true },
      victim: { ...ready.victim, condition: 'acute' },
      rightsExplained: false,
      noInterpreterReason: 'irrelevant reason',
      noFemaleOfficerReason: 'irrelevant reason',
    });
    expect(unmet({ ...ready, place: { private: false, disclosesWhereabouts: true }, victim: { ...ready.victim, condition: 'acute' }, rightsExplained: false })).toEqual([
      'condition',
      'private-place',
      'rights-explained',
    ]);
    expect(r.ready).toBe(false);
  });

  it.each<[string, Partial<ReadinessInput>, string[] | null, boolean]>([
    ['ready, no override', {}, null, true],
    ['one unmet, no override', { rightsExplained: false }, null, false],
    ['one unmet, overridden', { rightsExplained: false }, ['rights-explained'], true],
    ['two unmet, only one overridden', { rightsExplained: false, adverseMatches: 1 }, ['rights-explained'], false],
    ['an override of something else', { adverseMatches: 1 }, ['female-officer'], false],
    ['an officer\'s reason for no interpreter, no override', { interpreter: null, noInterpreterReason: 'No Tagalog interpreter reachable today' }, null, false],
    ['an officer\'s reason for no interpreter, the supervisor approved it', { interpreter: null, noInterpreterReason: 'No Tagalog interpreter reachable today' }, ['interpreter'], true],
    [
      'an officer\'s reason for no female officer, the supervisor approved only the interpreter',
      { officersPresent: [{ sex: 'male' }], noFemaleOfficerReason: 'Victim asked for this officer' },
      ['interpreter'],
      false,
    ],
  ])('may start: %s', (_name, change, overridden, expected) => {
    expect(mayStart(interviewReadiness({ ...ready, ...change }), overridden)).toBe(expected);
  });
});
