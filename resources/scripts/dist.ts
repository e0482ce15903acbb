/**
 * `npm run dist` (after `electron-vite build`): the release packages for this machine's platform,
 * .deb and AppImage on Linux, .dmg on macOS, into dist/. Before electron-builder runs, the
 * configuration, the licence notices and the icons are checked as CI checks them; a refusal names
 * what is wrong. electron-builder needs Electron's release zip for the platform (downloaded, or
 * from its cache): where it cannot be had, the build fails and this says so plainly.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ICON_SIZES, configurationProblems, iconPngPath, manifestProblems } from './packaging';
import { FONT_LICENSE_FILE, NOTICES_FILE, renderFontLicense, renderNotices } from './notices';

const ROOT = resolve(__dirname, '../..');
const CONFIG = 'electron-builder.config.cjs';

function fail(lines: string[]): never {
  console.error(`\nnpm run dist: no package was built.\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
  process.exit(1);
}

/** Where @electron/get keeps downloaded Electron zips (ELECTRON_CACHE overrides). */
function electronCacheDir(): string {
  if (process.env.ELECTRON_CACHE) return process.env.ELECTRON_CACHE;
  if (process.platform === 'darwin') return join(homedir(), 'Library/Caches/electron');
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron');
}

function main(): void {
  if (process.platform !== 'linux' && process.platform !== 'darwin') {
    fail([`Packages are built for Linux (.deb, AppImage) and macOS (.dmg) only; this is ${process.platform}.`, 'Windows is not supported: @journeyapps/sqlcipher has no Windows build.']);
  }

  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the configuration is CommonJS, as electron-builder loads it
  const config: unknown = require(join(ROOT, CONFIG));
  const pkg: unknown = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const problems = [...configurationProblems(config), ...manifestProblems(pkg)];
  if (problems.length > 0) fail([`${CONFIG} or package.json weakens the package:`, ...problems.map((p) => `- ${p}`)]);

  const stale = [NOTICES_FILE, FONT_LICENSE_FILE].filter((file, i) => {
    const path = join(ROOT, file);
    const expected = i === 0 ? renderNotices(ROOT) : renderFontLicense(ROOT);
    return !existsSync(path) || readFileSync(path, 'utf8') !== expected;
  });
  if (stale.length > 0) fail([`The licence notices do not match node_modules (${stale.join(', ')}): run \`npm run notices\` and commit the result.`]);
  const missingIcons = ICON_SIZES.filter((size) => !existsSync(iconPngPath(ROOT, size)));
  if (missingIcons.length > 0) fail([`Icons are missing (${missingIcons.map((s) => `${s}x${s}`).join(', ')}): run \`npm run icons\`.`]);
  if (!existsSync(join(ROOT, 'out/main/index.js'))) fail(['out/ is missing: run `npm run dist`, which builds it first.']);

  const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
  const platform = process.platform;
  const zip = `electron-v${electronVersion}-${platform}-${process.arch}.zip`;
  const cache = electronCacheDir();
  const cached = existsSync(cache) && spawnSync('find', [cache, '-name', zip], { encoding: 'utf8' }).stdout.trim() !== '';
  console.log(cached ? `Electron ${electronVersion}: ${zip} is in the cache (${cache}).` : `Electron ${electronVersion}: ${zip} is not in the cache (${cache}); electron-builder will download it.`);

  const builder = spawnSync('npx', ['--no-install', 'electron-builder', '--config', CONFIG, platform === 'darwin' ? '--mac' : '--linux', '--publish', 'never'], { cwd: ROOT, stdio: 'inherit' });
  if (builder.status === 0) {
    console.log('\nnpm run dist: the packages are in dist/. Before shipping, run `npm run smoke` on each target platform (README, Packaging and release).');
    return;
  }
  fail([
    `electron-builder stopped (exit ${builder.status ?? builder.signal}); its own message is above.`,
    ...(cached
      ? []
      : [
          `It needs ${zip}, which was not in the cache. If its message is about a download (getaddrinfo, ENOTFOUND, ETIMEDOUT, 404),`,
          'this machine cannot reach Electron\'s releases: build on a release machine that can, or copy the zip into the cache',
          `(${cache}) first. CI never builds packages: it validates this configuration (tests/packaging).`,
        ]),
  ]);
}

main();
