import { STATUSES_OF_RESIDENCE, UNTYPED_INTERN_STATUSES, type StatusOfResidence } from '../../../../electron/common/immigration';
import { useLabels } from '../../../i18n/labels';

export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

/**
 * Options of a vocabulary list, named in the interface language. While nothing is chosen a native
 * select starts on "Choose…" (which cannot be chosen back), so no value is chosen for the user.
 */
export function useVocabOptions() {
  const { t, vocab } = useLabels();
  return (list: string, codes: readonly string[], chosen?: string): Option[] => [
    ...(chosen === '' ? [{ value: '', label: t('caseFields.choose'), disabled: true }] : []),
    ...codes.map((code) => ({ value: code, label: vocab(list, code) })),
  ];
}

/**
 * The statuses of residence to offer (DOMAIN.md §2–§3): Technical Intern Training with its type
 * (イ or ロ); a status recorded without its type only while it is the value held, so it stays
 * visible until the officer records the type. `withNone: false` where "no status" makes no sense
 * (a proposed status).
 */
export function offeredStatuses(current: string, { withNone = true } = {}): StatusOfResidence[] {
  return STATUSES_OF_RESIDENCE.filter((code) => (!UNTYPED_INTERN_STATUSES.includes(code) || code === current) && (withNone || code !== 'none'));
}
