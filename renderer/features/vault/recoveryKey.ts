/** The recovery key as issued: 13 groups of 4 characters (Crockford base32), e.g. AB12-CD34-…. */
export const RECOVERY_KEY_GROUPS = 13;

/** Full-width characters from a Japanese IME and lower case count as typed correctly. */
export function normaliseKeyText(value: string): string {
  return value.normalize('NFKC').trim().toUpperCase();
}

/**
 * A typed recovery key in the issued form (groups joined by '-'), or null when it cannot be one:
 * spaces, dashes and case do not matter. Whether it opens the vault only core can tell.
 */
export function normaliseRecoveryKey(typed: string): string | null {
  const clean = normaliseKeyText(typed).replace(/[\s-]/g, '');
  if (!new RegExp(`^[0-9A-Z]{${RECOVERY_KEY_GROUPS * 4}}$`).test(clean)) return null;
  return clean.match(/.{4}/g)!.join('-');
}
