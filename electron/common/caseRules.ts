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

/** The form text is indexed and searched in: NFKC, lower case, katakana folded to hiragana. */
export function searchForm(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/**
 * The characters other than ASCII whose search form holds ASCII (full-width Latin, ligatures,
 * circled digits, the ideographic space, …), as code point ranges in hex. A text without any of
 * them contains an ASCII query in its search form exactly when SQL's `instr(lower(text), query)`
 * finds it. Computed from `searchForm` over every code point (caseRules.test.ts checks it).
 */
export const FOLDS_TO_ASCII = `
  a0 a8 aa af b2-b4 b8-ba bc-be 130 132-133 13f-140 149 17f 1c4-1cc 1f1-1f3 2b0 2b2-2b3 2b7-2b8
  2d8-2dd 2e1-2e3 37a 37e 384-385 1d2c 1d2e 1d30-1d31 1d33-1d3a 1d3c 1d3e-1d43 1d47-1d49 1d4d
  1d4f-1d50 1d52 1d56-1d58 1d5b 1d62-1d65 1d9c 1da0 1dbb 1e9a 1fbd 1fbf-1fc1 1fcd-1fcf 1fdd-1fdf
  1fed-1fef 1ffd-1ffe 2000-200a 2017 2024-2026 202f 203c 203e 2047-2049 205f 2070-2071 2074-207a
  207c-208a 208c-208e 2090-2093 2095-209c 20a8 2100-2103 2105-2106 2109-210e 2110-2113 2115-2116
  2119-211d 2120-2122 2124 2128 212a 212c-212d 212f-2131 2133-2134 2139 213b 2145-2149 2150-217f
  2189 2460-24ea 2a74-2a76 2c7c-2c7d 3000 309b-309c 3200-321e 3220-3243 3250-325f 32b1-32cf
  3358-337a 3380-33ff a7f1-a7f4 fb00-fb06 fb29 fc5e-fc63 fdfa-fdfb fe10 fe13-fe16 fe19 fe30
  fe33-fe38 fe47-fe50 fe52 fe54-fe57 fe59-fe5c fe5f-fe66 fe68-fe6b fe70 fe72 fe74 fe76 fe78 fe7a
  fe7c fe7e ff01-ff5e ffe3 107a5 1ccd6-1ccf9 1d400-1d454 1d456-1d49c 1d49e-1d49f 1d4a2 1d4a5-1d4a6
  1d4a9-1d4ac 1d4ae-1d4b9 1d4bb 1d4bd-1d4c3 1d4c5-1d505 1d507-1d50a 1d50d-1d514 1d516-1d51c
  1d51e-1d539 1d53b-1d53e 1d540-1d544 1d546 1d54a-1d550 1d552-1d6a3 1d7ce-1d7ff 1f100-1f10a
  1f110-1f12e 1f130-1f14f 1f16a-1f16c 1f190 1fbf0-1fbf9
`;

/** A GLOB pattern matching a text holding any character of the given ranges (FOLDS_TO_ASCII's form). */
export function globAnyOf(ranges: string): string {
  const cp = (h: string) => String.fromCodePoint(parseInt(h, 16));
  return `*[${ranges
    .trim()
    .split(/\s+/)
    .map((r) => r.split('-').map(cp).join('-'))
    .join('')}]*`;
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
