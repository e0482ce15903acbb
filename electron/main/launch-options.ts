/** Pure launch settings, kept apart from index.ts so they can be tested without starting Electron. */
import { join } from 'node:path';
import type { Locale } from '../common/errors';

export interface DataDirSources {
  env: Readonly<Record<string, string | undefined>>;
  argv: readonly string[];
  userDataPath: string;
}

/** MAMORI_DATA_DIR, then `--data-dir=<dir>`, then Electron's userData/vault (DESIGN §2). */
export function resolveDataDir({ env, argv, userDataPath }: DataDirSources): string {
  if (env.MAMORI_DATA_DIR) return env.MAMORI_DATA_DIR;
  const flag = argv.find((arg) => arg.startsWith('--data-dir='));
  const fromFlag = flag?.slice('--data-dir='.length);
  if (fromFlag) return fromFlag;
  return join(userDataPath, 'vault');
}

/** The system locale as one of ours: Japanese for any `ja*`, English otherwise. */
export function toLocale(systemLocale: string): Locale {
  return systemLocale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** The Chromium language (`--lang`) of each of ours: the app's English is American English, as its Intl formatting is. */
const CHROMIUM_LANGUAGE: Record<Locale, string> = { ja: 'ja', en: 'en-US' };

/** The language a POSIX environment names (LANGUAGE's first entry, LC_ALL, LC_MESSAGES, LANG), if any but C/POSIX. */
function environmentLanguage(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const named = [env.LANGUAGE?.split(':')[0], env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v && v !== 'C' && v !== 'POSIX' && !v.startsWith('C.'));
  return named?.replace(/[.@].*$/, '');
}

export interface LaunchLanguageSources {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** The operating system's preferred languages, most preferred first (Electron's getPreferredSystemLanguages). */
  systemLanguages: readonly string[];
}

/**
 * The `--lang` Chromium is started with, before the app is ready: the language of the interface
 * Mamori shows before anyone signs in (the renderer starts in navigator.language, which this sets),
 * so Chromium's own texts and formats agree with it. The signed-in user's language is known only
 * after sign-in, inside the encrypted vault, and Chromium's cannot change once started; Mamori
 * writes nothing about its users outside the vault, so there is no "last used" language to read
 * at launch: the operating system's is the best guess. After sign-in the interface follows the
 * user's language, and no control depends on Chromium's any more (the date fields are Mantine's,
 * in the interface language). A `--lang` given on the command line (an agency's launcher) is kept.
 */
export function launchLanguage({ argv, env, systemLanguages }: LaunchLanguageSources): string | null {
  if (argv.some((arg) => arg === '--lang' || arg.startsWith('--lang='))) return null;
  return CHROMIUM_LANGUAGE[toLocale(systemLanguages[0] ?? environmentLanguage(env) ?? '')];
}
