/** Pure rules of the case file, shared by core (authoritative) and the renderer (feedback). */
import type { Role } from './accounts';
import { STAGES, type Stage } from './cases';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The first user-perceived character of `s` (an extended grapheme cluster): an emoji sequence, a
 * flag or a letter with its combining marks stays whole, where `[...s][0]` would cut it apart.
 */
export function firstGrapheme(s: string): string {
  for (const { segment } of graphemes.segment(s)) return segment;
  return '';
}

/**
 * Names in lists are masked to initials (DESIGN.md §3, Primero's `hidden_name`):
 * NGUYEN Thi Lan → "N. T."; グエン → "グ.". The full name appears only inside the case.
 */
export function maskName(familyName: string, givenName: string): string {
  const initial = (s: string) => {
    const first = firstGrapheme(s.normalize('NFKC').trim());
    return first ? `${first.toUpperCase()}.` : '';
  };
  return [initial(familyName), initial(givenName)].filter(Boolean).join(' ');
}

const KATAKANA = /[\u30a1-\u30f6]/g;

/**
 * The form two names are compared in: NFKC (full-width → ASCII, half-width kana → full-width),
 * lower case, katakana folded to hiragana, and without spaces, dots, hyphens or apostrophes.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/[\s.\-'’・･‐_,]/g, '');
}

/**
 * The form text is indexed and searched in: NFKC, lower case, katakana folded to hiragana, and
 * control characters (other than tab and line breaks) as spaces: a NUL inside an FTS5 query ends
 * SQLite's reading of it, so a query holding one failed instead of finding nothing.
 */
export function searchForm(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    // eslint-disable-next-line no-control-regex -- the control characters are what is replaced
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
}

/** The same name whatever the order of its parts ("Nguyen Van A" = "Van A Nguyen"). */
function tokenKey(name: string): string {
  return name
    .normalize('NFKC')
    .split(/[\s,・･]+/)
    .map(normaliseName)
    .filter(Boolean)
    .sort()
    .join(' ');
}

export interface NamedParty {
  id: string;
  name: string;
  nameVariants: readonly string[];
}

/** The adverse parties whose name or any recorded variant is the same person's name as `candidate`. */
export function conflictingParties<P extends NamedParty>(candidate: string, parties: readonly P[]): P[] {
  const flat = normaliseName(candidate);
  const tokens = tokenKey(candidate);
  if (!flat) return [];
  return parties.filter((p) => [p.name, ...p.nameVariants].some((n) => normaliseName(n) === flat || tokenKey(n) === tokens));
}

/** How many distinct adverse parties any of a person's names (the name and its other spellings) matches. */
export function matchingPartyCount(names: readonly string[], parties: readonly NamedParty[]): number {
  return new Set(names.flatMap((n) => conflictingParties(n, parties).map((p) => p.id))).size;
}

export type TransitionCheck =
  | { allowed: true; needsReason: boolean }
  | { allowed: false; why: 'same-stage' | 'not-adjacent' | 'supervisor-only' | 'by-submission-only' | 'by-approval-only' };

/** A decided case stands where approval stood: one step back from either is the decision stage (a new or revised recommendation). */
const rank = (stage: Stage): number => STAGES.indexOf(stage === 'decided' ? 'approval' : stage);

/**
 * Stage moves (DESIGN.md §5): forward one step at a time; back one step with a reason; the
 * approval stage is entered only by submitting a recommendation and the decided stage only by
 * approving it; closing and reopening are for supervisors, with a reason.
 */
export function checkTransition(from: Stage, to: Stage, role: Role): TransitionCheck {
  if (from === to) return { allowed: false, why: 'same-stage' };
  if (to === 'approval') return { allowed: false, why: 'by-submission-only' };
  if (to === 'decided') return { allowed: false, why: 'by-approval-only' };
  if (to === 'closed' || from === 'closed') {
    return role === 'supervisor' ? { allowed: true, needsReason: true } : { allowed: false, why: 'supervisor-only' };
  }
  const step = rank(to) - rank(from);
  if (step === 1) return { allowed: true, needsReason: false };
  if (step === -1) return { allowed: true, needsReason: true };
  return { allowed: false, why: 'not-adjacent' };
}

export type MoveDirection = 'forward' | 'back' | 'close' | 'reopen';

/** Which way a move goes, so it can be labelled by where it leads (checkTransition says whether it is allowed). */
export function moveDirection(from: Stage, to: Stage): MoveDirection {
  if (to === 'closed') return 'close';
  if (from === 'closed') return 'reopen';
  return rank(to) > rank(from) ? 'forward' : 'back';
}
