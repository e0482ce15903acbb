import type { Role } from '../../../electron/common/accounts';

/**
 * The home shell's sections in navigation order; each has the i18n key `nav.<section>`. The ids are
 * also what core remembers as the user's last view, so they must match the contract's ViewSchema.
 */
export const SECTIONS = [
  'my-work',
  'cases',
  'interpreters',
  'decisions',
  'organisations',
  'exports',
  'retention',
  'statistics',
  'audit',
  'users',
  'backups',
  'settings',
] as const;

export type Section = (typeof SECTIONS)[number];

const CASE_WORK: readonly Section[] = ['my-work', 'cases', 'interpreters', 'organisations', 'exports'];

/**
 * What each role sees, first section first (DESIGN.md §3): auditors and administrators have no case
 * content, so no case-work sections. Core enforces the same rules; hiding only spares dead ends.
 */
const SECTIONS_BY_ROLE: Record<Role, readonly Section[]> = {
  officer: [...CASE_WORK, 'settings'],
  // The review queue of recommendations is the supervisor's (DESIGN.md §3).
  // Statistics: suppressed counts, no case content (supervisors report them; administrators run the office).
  supervisor: ['my-work', 'cases', 'decisions', 'interpreters', 'organisations', 'exports', 'retention', 'statistics', 'settings'],
  auditor: ['audit', 'settings'],
  // Retention: the periods and the purge list, references and dates only (no case content).
  administrator: ['users', 'backups', 'retention', 'statistics', 'audit', 'settings'],
};

export function sectionsFor(role: Role): readonly Section[] {
  return SECTIONS_BY_ROLE[role];
}

/** The wanted section (a choice, or the view remembered from last time) if the role may see it, else the role's first. */
export function resolveSection(role: Role, wanted: string | null): Section {
  const visible = sectionsFor(role);
  return visible.find((section) => section === wanted) ?? visible[0];
}
