/** Passphrase policy: length only (NIST SP 800-63B), no composition rules, NFKC-normalised first. */
export const PASSPHRASE_MIN_LENGTH = 12;
export const PASSPHRASE_MAX_LENGTH = 1024;

/** The one normalisation applied before a passphrase is checked or fed to the KDF. */
export function normalisePassphrase(passphrase: string): string {
  return passphrase.normalize('NFKC');
}

/** Length in user-perceived code points after normalisation (so 12 kanji count as 12). */
export function passphraseLength(passphrase: string): number {
  return [...normalisePassphrase(passphrase)].length;
}

export function isAcceptablePassphrase(passphrase: string): boolean {
  const n = passphraseLength(passphrase);
  return n >= PASSPHRASE_MIN_LENGTH && n <= PASSPHRASE_MAX_LENGTH;
}

/** User names are matched case-insensitively after NFKC (full-width Ｔａｎａｋａ equals tanaka). */
export function normaliseUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}
