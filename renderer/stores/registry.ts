import { create, type StoreApi, type UseBoundStore } from 'zustand';

interface RegisteredStore {
  name: string;
  store: StoreApi<unknown>;
  initial: unknown;
}

const registry: RegisteredStore[] = [];

/** Counts resets, so a reply that was asked for before a lock can be recognised and dropped. */
let generation = 0;

/**
 * Creates a feature store (state only; actions are plain exported functions) and registers it
 * for `resetAllStores`. Every store must be made here: a store outside the registry would
 * keep the previous user's data on screen after a lock.
 */
export function defineStore<S extends object>(name: string, initial: S): UseBoundStore<StoreApi<S>> {
  const store = create<S>()(() => initial);
  registry.push({ name, store: store as unknown as StoreApi<unknown>, initial });
  return store;
}

/** Runs on every lock and sign-out: afterwards the renderer holds nothing of the previous session. */
export function resetAllStores(): void {
  generation += 1;
  for (const { store, initial } of registry) store.setState(initial, true);
}

/** Changes on every `resetAllStores`: equal before and after an await means no lock happened in between. */
export function storeGeneration(): number {
  return generation;
}

/** Every registered store with its current and initial state, so tests can prove a lock left nothing behind. */
export function storeSnapshots(): { name: string; state: unknown; initial: unknown }[] {
  return registry.map(({ name, store, initial }) => ({ name, state: store.getState(), initial }));
}
