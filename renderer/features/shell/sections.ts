/** The home shell's sections in navigation order; each has the i18n key `nav.<section>`. */
export const SECTIONS = [
  'myWork',
  'cases',
  'interviews',
  'decisions',
  'organisations',
  'exports',
  'audit',
  'users',
  'settings',
] as const;

export type Section = (typeof SECTIONS)[number];
