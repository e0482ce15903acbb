import type { ChannelInput } from '../../../electron/common/contract';
import type { Interpreter, InterpreterContact } from '../../../electron/common/protection';
import { errorCodeOf } from '../../api/mamori';
import { callInSession } from '../session/session.actions';
import { useInterpretersStore } from './interpreters.store';

export type SaveInterpreterInput = ChannelInput<'interpreters:save'>;

/** Numbers each list request, so a slow answer to an earlier toggle cannot replace a later one. */
let lastListRequest = 0;

export async function loadInterpreters(includeInactive = useInterpretersStore.getState().includeInactive): Promise<void> {
  const request = ++lastListRequest;
  useInterpretersStore.setState({ includeInactive });
  const { interpreters } = await callInSession('interpreters:list', { includeInactive });
  if (request !== lastListRequest) return;
  useInterpretersStore.setState({
    byId: Object.fromEntries(interpreters.map((interpreter) => [interpreter.id, interpreter])),
    ids: interpreters.map((interpreter) => interpreter.id),
    loaded: true,
  });
}

function upsert(interpreter: Interpreter): void {
  useInterpretersStore.setState((state) => ({
    byId: { ...state.byId, [interpreter.id]: interpreter },
    ids: state.ids.includes(interpreter.id) ? state.ids : [...state.ids, interpreter.id],
  }));
}

/**
 * Adds or edits an interpreter. When someone changed the entry first, the list is reloaded before
 * the refusal is passed on, so the table shows their change and a second save uses its version.
 */
export async function saveInterpreter(input: SaveInterpreterInput): Promise<Interpreter> {
  try {
    const saved = await callInSession('interpreters:save', input);
    upsert(saved);
    return saved;
  } catch (error) {
    if (errorCodeOf(error) === 'STALE_VERSION') {
      await loadInterpreters().catch(() => undefined);
      // The entry may have been made inactive meanwhile and so be missing from the list shown:
      // fetch it anyway, so that the retry is based on its current version.
      if (input.interpreterId && !useInterpretersStore.getState().byId[input.interpreterId]) {
        const all = await callInSession('interpreters:list', { includeInactive: true }).catch(() => null);
        const current = all?.interpreters.find((i) => i.id === input.interpreterId);
        if (current) useInterpretersStore.setState((state) => ({ byId: { ...state.byId, [current.id]: current } }));
      }
    }
    throw error;
  }
}

/** The sealed contact, for the caller only. Never put a revealed contact in a store. */
export function revealInterpreterContact(interpreterId: string, reason: string): Promise<InterpreterContact> {
  return callInSession('interpreters:revealContact', { interpreterId, reason });
}
