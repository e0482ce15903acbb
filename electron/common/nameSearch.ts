/**
 * The name index (issue 17): the forms a person's names are indexed and searched in, shared by the
 * indexer (core) and the query, so that what is written and what is looked for are always the same.
 *
 * A name is split into words; each word is kept in one normalised form — NFKC (full-width Latin to
 * ASCII, half-width kana to full-width), lower case (ß as ss), Latin letters without their accents
 * (Nguyễn = nguyen), katakana folded to hiragana (タナカ = たなか), and without dots, hyphens and
 * apostrophes inside the word. A search word matches a name word it begins.
 */

const KATAKANA = /[\u30a1-\u30f6\u30fd\u30fe]/g;
/** Letters NFD does not take apart (a stroke, a slash) that officers type without. */
const LATIN_FOLDS: Record<string, string> = { đ: 'd', ø: 'o', ł: 'l', ħ: 'h', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };
/** Between words: spaces, commas, the Japanese middle dot and comma, slashes and brackets. */
const WORD_BREAK = /[\s,、，・･/／()（）[\]「」]+/u;
/** Inside a word (O'Brien, Jean-Pierre, St. John): dropped, and the parts indexed as words too. */
const JOINERS = /[.\-'’‐‑_]+/gu;

/** One word's normalised form (no word breaks are expected in `word`, but none are harmful). */
export function nameKey(word: string): string {
  return (
    word
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[đøłħıßæœþ]/g, (c) => LATIN_FOLDS[c])
      .replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
      // Accents only on Latin letters: a kana's voicing mark (が = か + ゙) is part of the letter.
      .normalize('NFD')
      .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
      .normalize('NFC')
      .replace(JOINERS, '')
  );
}

function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(WORD_BREAK)
    .filter((w) => w !== '');
}

/** The name fields a case is found by (never a sealed value). */
export interface IndexedNames {
  familyName: string;
  givenName: string;
  familyNameNative: string;
  givenNameNative: string;
  aliases: readonly string[];
}

/**
 * Every distinct term of a person's names: each word, the parts of a joined word (jean-pierre →
 * jeanpierre, jean, pierre), and the native family and given names written together (田中太郎),
 * since Japanese names are typed without a space.
 */
export function nameTerms(n: IndexedNames): string[] {
  const terms = new Set<string>();
  for (const field of [n.familyName, n.givenName, n.familyNameNative, n.givenNameNative, ...n.aliases]) {
    for (const w of words(field)) {
      terms.add(nameKey(w));
      const parts = w.split(JOINERS).filter((p) => p !== '');
      if (parts.length > 1) for (const p of parts) terms.add(nameKey(p));
    }
  }
  const nativeWhole = nameKey(`${n.familyNameNative}${n.givenNameNative}`.replace(/\s+/gu, ''));
  if (n.familyNameNative.trim() && n.givenNameNative.trim()) terms.add(nativeWhole);
  terms.delete('');
  return [...terms].sort();
}

/** The normalised words of a search: a case matches when each begins one of its name terms. */
export function nameQueryWords(query: string): string[] {
  return [...new Set(words(query).map(nameKey).filter((w) => w !== ''))];
}

/**
 * The least string greater than every string that begins with `prefix` (in code point order, which
 * is SQLite's BINARY order of UTF-8): `term >= prefix AND term < prefixEnd(prefix)` is exactly the
 * terms that begin with `prefix`, as a range on the index. Null when there is none (all U+10FFFF).
 */
export function prefixEnd(prefix: string): string | null {
  const cps = [...prefix].map((c) => c.codePointAt(0)!);
  while (cps.length > 0) {
    let last = cps.pop()! + 1;
    if (last === 0xd800) last = 0xe000; // surrogates cannot be stored in UTF-8
    if (last <= 0x10ffff) return String.fromCodePoint(...cps, last);
  }
  return null;
}
