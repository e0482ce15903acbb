/** What the crash suite's parent and child share: the side file's lines, the clock and a seeded random source. */

/** The clock of every core the crash suite starts (facts in the operations are dated before it). */
export const CRASH_NOW = Date.parse('2026-11-26T09:00:00Z');
export const CRASH_OFFICER = 'officer.a';

export type OpKind = 'signin' | 'intake' | 'edit' | 'note' | 'interview' | 'consideration' | 'wish' | 'decision';

/** One line of the side file: an operation about to be sent (intent) or one core returned success for (ack). */
export interface SideLine {
  t: 'intent' | 'ack';
  /** r<round>o<n>: unique over the whole run. */
  id: string;
  kind: OpKind;
  caseId?: string;
  /** The text the operation wrote (given name, note body, place label, evidence, own words, summary). */
  marker?: string;
  decisionId?: string;
}

/** mulberry32: small, seeded, good enough to choose operations and delays reproducibly. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
