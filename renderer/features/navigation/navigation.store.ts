import { defineStore } from '../../stores/registry';
import type { Section } from './sections';

export interface NavigationState {
  /** The section chosen in this session; null until the user picks one (then the remembered view applies). */
  section: Section | null;
}

export const initialNavigationState: NavigationState = { section: null };

/**
 * Which section of the home shell is open. A store of its own, below every feature, so that a
 * feature can send the user to another section (a case from My work) without importing the shell.
 */
export const useNavigationStore = defineStore('navigation', initialNavigationState);

export const navigationSelectors = {
  section: (s: NavigationState) => s.section,
};
