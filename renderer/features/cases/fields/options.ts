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
