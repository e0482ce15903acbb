import type { ChangeEvent } from 'react';

/** The keys of a draft whose values are text, so a text input can be bound to them. */
export type TextKeys<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D] & string;

/** A set of fields editing part of a form's draft; the form owns the draft and its errors. */
export interface FieldSetProps<D> {
  value: D;
  onChange: (patch: Partial<D>) => void;
  /** The translated problem with one field, by its path within the set ('reportingDates.0.date'), if any. */
  error: (path: string) => string | undefined;
}

type TextEvent = ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>;

/** `date(field)`: a DateField's value (YYYY-MM-DD, '' or text that is no date), change handler and error. */
export function dateBinder<D>({ value, onChange, error }: FieldSetProps<D>) {
  return <K extends TextKeys<D>>(key: K) => ({
    value: value[key] as string,
    onChange: (next: string) => onChange({ [key]: next } as Partial<D>),
    error: error(key),
  });
}

/** `text(field)`: a text input's (or text area's, or native select's) value, change handler and error. */
export function textBinder<D>({ value, onChange, error }: FieldSetProps<D>) {
  return <K extends TextKeys<D>>(key: K) => ({
    value: value[key] as string,
    onChange: (event: TextEvent) => onChange({ [key]: event.currentTarget.value } as Partial<D>),
    error: error(key),
  });
}
