/**
 * `npm run smoke`: the real-Electron smoke test (tests/smoke/app.smoke.ts). A release manager runs
 * it on each target platform before shipping (README, Packaging and release); it is not part of
 * `npm test`, because CI machines cannot download Electron.
 *
 * It looks for the Electron binary without downloading it (requiring the electron package would try
 * to): ELECTRON_OVERRIDE_DIST_PATH, else node_modules/electron/dist as its path.txt names it. Where
 * there is none, it says that the smoke test did not run and exits 1, or 0 with MAMORI_SMOKE_OPTIONAL=1.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const ELECTRON_PACKAGE = join(ROOT, 'node_modules/electron');

function executableName(): string {
  const recorded = join(ELECTRON_PACKAGE, 'path.txt');
  if (existsSync(recorded)) return readFileSync(recorded, 'utf8').trim();
  return process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : process.platform === 'win32' ? 'electron.exe' : 'electron';
}

/** The binary and where it was looked for. */
function findElectron(): { path: string | null; lookedAt: string } {
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(ELECTRON_PACKAGE, 'dist');
  const candidate = join(dist, executableName());
  try {
    accessSync(candidate, constants.X_OK);
    return { path: candidate, lookedAt: candidate };
  } catch {
    return { path: null, lookedAt: candidate };
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const child = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env });
  return child.status ?? 1;
}

function main(): number {
  const optional = process.env.MAMORI_SMOKE_OPTIONAL === '1';
  const version = (JSON.parse(readFileSync(join(ELECTRON_PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;
  const electron = findElectron();
  if (!electron.path) {
    console.error(
      [
        '',
        `npm run smoke: the smoke test DID NOT RUN: there is no Electron ${version} binary on this machine.`,
        `  Looked for: ${electron.lookedAt}`,
        "  Electron's binary is downloaded on first use, and this machine cannot download it.",
        '  Where the download works, fetch it with `node node_modules/electron/install.js`; or point',
        `  ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron ${version}; then run \`npm run smoke\` again.`,
        optional ? '  MAMORI_SMOKE_OPTIONAL=1: reported, not failed.' : '  Exit 1: a release must not ship without it (MAMORI_SMOKE_OPTIONAL=1 makes this a report, not a failure).',
        '',
      ].join('\n'),
    );
    return optional ? 0 : 1;
  }

  console.log(`npm run smoke: Electron ${version} at ${electron.path}`);
  if (run('npx', ['--no-install', 'electron-vite', 'build']) !== 0) {
    console.error('npm run smoke: the build failed; the smoke test did not run.');
    return 1;
  }
  const status = run('npx', ['--no-install', 'playwright', 'test', '--config', 'tests/smoke/smoke.config.ts'], { ...process.env, MAMORI_SMOKE_ELECTRON: electron.path });
  console.log(status === 0 ? 'npm run smoke: passed.' : `npm run smoke: FAILED (exit ${status}).`);
  return status;
}

process.exit(main());
