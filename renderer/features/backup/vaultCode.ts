/**
 * The vault ID an administrator types before a vault is replaced: 8 characters, shown in two groups.
 * Full-width characters from a Japanese input method, spaces, dashes and case do not matter.
 */
export function normaliseVaultCode(typed: string): string {
  return typed.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

/** '3F9A12BC' → '3F9A-12BC', easier to read out and compare. */
export function displayVaultCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}
