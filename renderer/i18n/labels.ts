import { useTranslation } from 'react-i18next';
import { splitMessage } from '../../electron/common/schemas';
import { formatDate, formatNumber } from './format';

/**
 * Translation of keys built at run time (vocabulary codes, audit actions, field problems). The typed
 * `t` accepts only literal keys; this falls back to the code itself when a key is missing rather
 * than showing a key path to the user. A key may carry numbers for its text (messageWith:
 * 'validation.text.tooLong?max=120&length=135'); they are filled in, formatted for the language.
 */
export function useLabels() {
  const { t, i18n } = useTranslation();
  const tx = (message: string, options?: Record<string, unknown>, fallback?: string): string => {
    const { key, values } = splitMessage(message);
    if (!i18n.exists(key)) return fallback ?? key.split('.').pop() ?? key;
    const numbers = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, formatNumber(i18n.language, value)]));
    return (t as unknown as (k: string, o?: Record<string, unknown>) => string)(key, { ...numbers, ...options });
  };
  const vocab = (list: string, code: string) => tx(`vocab.${list}.${code}`, undefined, code);
  const date = (iso: string | null) => (iso ? formatDate(i18n.language, iso) : '—');
  const fieldError = (errors: Record<string, string>, path: string) => (errors[path] ? tx(errors[path]) : undefined);
  return { t, i18n, tx, vocab, date, fieldError };
}

/** Family name first in Japanese, given name first in English (STYLE.md: names in the user's order). */
export function displayName(language: string, familyName: string, givenName: string): string {
  const parts = language.startsWith('ja') ? [familyName, givenName] : [givenName, familyName];
  return parts.filter(Boolean).join(' ');
}
