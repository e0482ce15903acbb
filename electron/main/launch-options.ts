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
