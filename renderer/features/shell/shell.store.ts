import { defineStore } from '../../stores/registry';
import type { Section } from './sections';

export interface ShellState {
  section: Section;
}

export const initialShellState: ShellState = { section: 'myWork' };

/** Which section is open; a store rather than component state so later features can navigate. */
export const useShellStore = defineStore('shell', initialShellState);

export const shellSelectors = {
  section: (s: ShellState) => s.section,
};

export function openSection(section: Section): void {
  useShellStore.setState({ section });
}
