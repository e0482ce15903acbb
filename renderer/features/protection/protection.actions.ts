import type { ChannelInput } from '../../../electron/common/contract';
import type { Interpreter } from '../../../electron/common/protection';
import { ref } from '../cases/page/casePage.actions';
import { useCasePageStore } from '../cases/page/casePage.store';
import { callInSession } from '../session/session.actions';

type Input<C extends 'protection:recordConsideration' | 'protection:recordWish' | 'protection:recordIomConsent'> = Omit<ChannelInput<C>, 'caseId' | 'version'>;

/** Adds an assessment; the earlier ones stay as its history. Made against the version on screen. */
export async function recordConsideration(consideration: Input<'protection:recordConsideration'>['consideration']): Promise<void> {
  const detail = await callInSession('protection:recordConsideration', { ...ref(), consideration });
  useCasePageStore.setState({ detail });
}

export async function recordWish(wish: Input<'protection:recordWish'>['wish']): Promise<void> {
  const detail = await callInSession('protection:recordWish', { ...ref(), wish });
  useCasePageStore.setState({ detail });
}

export async function recordIomConsent(consent: Input<'protection:recordIomConsent'>['consent']): Promise<void> {
  const detail = await callInSession('protection:recordIomConsent', { ...ref(), consent });
  useCasePageStore.setState({ detail });
}

/** The active interpreters, for the wish form only: held by the form while it is open, never stored. */
export async function listInterpreters(): Promise<Interpreter[]> {
  const { interpreters } = await callInSession('interpreters:list', { includeInactive: false });
  return interpreters;
}
