import { useState } from 'react';
import { errorCodeOf } from '../../../api/mamori';
import type { ErrorCode } from '../../../../electron/common/errors';
import { apiPathErrors, issueKey as sharedIssueKey, type IssueKeyOf, type Parsed, type PathErrors } from './caseForms';

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
