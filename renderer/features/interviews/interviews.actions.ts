import type { InterviewPlan, InterviewRecordInput, Interpreter } from '../../../electron/common/protection';
import { localToday } from '../../i18n/dates';
import { ref } from '../cases/page/casePage.actions';
import { useCasePageStore } from '../cases/page/casePage.store';
import { callInSession } from '../session/session.actions';

/** Plans a new interview (no id) or changes a planned one. Core clears any override on a change. */
export async function planInterview(plan: InterviewPlan, interviewId?: string): Promise<void> {
  const detail = await callInSession('interviews:plan', { ...ref(), ...(interviewId ? { interviewId } : {}), plan });
  useCasePageStore.setState({ detail });
}

/** Supervisors only: lets the interview start although the unmet safeguards stay unmet. */
export async function overrideInterview(interviewId: string, reason: string): Promise<void> {
  const detail = await callInSession('interviews:override', { ...ref(), interviewId, reason });
  useCasePageStore.setState({ detail });
}

export async function startInterview(interviewId: string): Promise<void> {
  const detail = await callInSession('interviews:start', { ...ref(), interviewId });
  useCasePageStore.setState({ detail });
}

/** The record text goes to core and is sealed there; only `hasRecord` comes back. */
export async function recordInterview(interviewId: string, result: InterviewRecordInput): Promise<void> {
  const detail = await callInSession('interviews:record', { ...ref(), interviewId, result });
  useCasePageStore.setState({ detail });
}

/**
 * Asks core for the sealed interview record with the user's reason. The text is returned to the
 * caller only: never put it in a store.
 */
export async function revealInterviewRecord(interviewId: string, reason: string): Promise<string> {
  const { record } = await callInSession('interviews:revealRecord', { caseId: ref().caseId, interviewId, reason });
  return record;
}

/** The interpreters an interview may use: active, with a signed confidentiality pledge. */
export async function loadInterpreters(): Promise<Interpreter[]> {
  const { interpreters } = await callInSession('interpreters:list', { includeInactive: false });
  const today = localToday();
  // Core refuses the others with INTERPRETER_UNAVAILABLE; offering them would only invite that.
  return interpreters.filter((i) => i.active && i.pledgeDate !== null && i.pledgeDate <= today);
}
