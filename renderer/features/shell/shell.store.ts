import { defineStore } from '../../stores/registry';
import type { Section } from './sections';

export interface ShellState {
  /** The section chosen in this session; null until the user picks one (then the remembered view applies). */
  section: Section | null;
}

export const initialShellState: ShellState = { section: null };

/** Which section is open; a store rather than component state so later features can navigate. */
export const useShellStore = defineStore('shell', initialShellState);

export const shellSelectors = {
  section: (s: ShellState) => s.section,
};
