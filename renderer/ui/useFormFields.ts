import { useState, type ChangeEvent } from 'react';
import { useLabels } from '../i18n/labels';
import type { FieldErrors } from './validation';

/**
 * Text-valued form fields with their translated errors. Errors are kept as i18n keys, so a
 * language switch re-translates them; `bind(field)` gives an input its value, handler and error.
 */
export function useFormFields<F extends string>(initial: Record<F, string>) {
  const { tx } = useLabels();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<F>>({});

  const set = (field: F, value: string) => setValues((current) => ({ ...current, [field]: value }));
  const bind = (field: F) => ({
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => set(field, event.currentTarget.value),
    error: errors[field] ? tx(errors[field]) : undefined,
  });
  /** The same for a DateField, whose change handler receives the value itself. */
  const bindDate = (field: F) => ({ value: values[field], onChange: (value: string) => set(field, value), error: errors[field] ? tx(errors[field]) : undefined });
  return { values, set, setValues, errors, setErrors, bind, bindDate, reset: () => setValues(initial) };
}
