import { useState } from 'react';
import type { ErrorCode } from '../../electron/common/errors';
import { errorCodeOf } from '../api/mamori';
import { useLabels } from '../i18n/labels';
import { dateBinder, textBinder, type TextKeys } from './fieldSet';
import { apiPathErrors, issueKey as sharedIssueKey, type IssueKeyOf, type Parsed, type PathErrors } from './forms';

interface SaveOptions<D, T> {
  parse: (draft: D) => Parsed<T>;
  send: (data: T) => Promise<void>;
  /** Where core's issue paths put this form ('person' for 'person.familyName'). */
  issuePrefix: string;
  /** How core's issues are labelled: the shared `validation.*` texts unless the feature has its own. */
  issueKey?: IssueKeyOf;
}

/**
 * Validates and sends one form. A refusal never touches the draft: after STALE_VERSION the user's
 * edits stay in the form, so they can reload the case and save them again.
 */
export function useSave<D, T>({ parse, send, issuePrefix, issueKey = sharedIssueKey }: SaveOptions<D, T>) {
  const [errors, setErrors] = useState<PathErrors>({});
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (draft: D): Promise<boolean> => {
    setFailure(null);
    const parsed = parse(draft);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return false;
    }
    setErrors({});
    setBusy(true);
    try {
      await send(parsed.data);
      return true;
    } catch (error) {
      const fields = apiPathErrors(error, issuePrefix, issueKey);
      if (fields) setErrors(fields);
      setFailure(errorCodeOf(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const clear = () => {
    setErrors({});
    setFailure(null);
  };
  return { errors, failure, busy, save, clear, setFailure };
}

/**
 * A form's draft together with its saving (see `useSave`): `set` changes one field, `text(field)`
 * gives a text input, text area or native select its value, change handler and translated error
 * (`date(field)` a DateField, `choice(field)` a radio group), and `save()` checks and sends the draft as it stands.
 */
export function useDraftForm<D extends object, T>(initial: () => D, options: SaveOptions<D, T>) {
  const { tx } = useLabels();
  const [draft, setDraft] = useState<D>(initial);
  const saving = useSave(options);
  const set = <K extends keyof D>(key: K, value: D[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const error = (path: string) => (saving.errors[path] ? tx(saving.errors[path]) : undefined);
  const fields = { value: draft, onChange: (patch: Partial<D>) => setDraft((d) => ({ ...d, ...patch })), error };
  const text = textBinder(fields);
  const date = dateBinder(fields);
  /** The same for a radio group: a choice of text values, one of which the draft holds. */
  const choice = <K extends TextKeys<D>>(key: K) => ({
    value: draft[key] as string,
    onChange: (value: string) => set(key, value as D[K]),
    error: error(key),
  });
  return { ...saving, draft, setDraft, set, error, text, date, choice, save: () => saving.save(draft) };
}
