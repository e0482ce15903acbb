/**
 * What a release package must be (issue 16), as checks over the electron-builder configuration
 * (electron-builder.config.cjs) and the files it points to. tests/packaging runs them in CI, where
 * no package can be built; `npm run dist` runs them again before it packages anything.
 * Each check returns the problems it found, in plain words; none means the package may be built.
 */
import { join } from 'node:path';

/** Every size of the app icon, as PNG (resources/icons/png/<size>x<size>.png). */
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

export function iconPngPath(root: string, size: number): string {
  return join(root, 'resources/icons/png', `${size}x${size}.png`);
}

/**
 * Electron's fuses, flipped in the packaged binary before it is signed. A fuse left out keeps
 * Electron's default, and the defaults of the first three are "enabled": each must be stated.
 */
export const REQUIRED_FUSES = {
  /** ELECTRON_RUN_AS_NODE would turn the signed binary into a plain Node.js that reads the vault's files unchecked. */
  runAsNode: false,
  /** NODE_OPTIONS could preload arbitrary code into the main process (--require). */
  enableNodeOptionsEnvironmentVariable: false,
  /** --inspect would let anyone at the keyboard attach a debugger to the main process, which holds the data key. */
  enableNodeCliInspectArguments: false,
  /** Only app.asar, never a loose app/ folder dropped beside it. */
  onlyLoadAppFromAsar: true,
  /** The asar's header hash is checked against the one recorded at packaging (macOS; Linux has no such check). */
  enableEmbeddedAsarIntegrityValidation: true,
  /** Cookies on disk under the OS key store (the renderer's session is in memory and keeps none; other sessions might). */
  enableCookieEncryption: true,
  /** The app is served from app://; file:// gets no privileges of a web origin. */
  grantFileProtocolExtraPrivileges: false,
} as const satisfies Record<string, boolean>;

export type FuseName = keyof typeof REQUIRED_FUSES;
export const FUSE_NAMES = Object.keys(REQUIRED_FUSES) as FuseName[];

/** The SQLCipher binding's compiled module: it must sit outside app.asar, since a shared library cannot be loaded from inside an archive. */
export const NATIVE_MODULE_UNPACK = '**/node_modules/@journeyapps/sqlcipher/build/Release/*.node';
/** The only entitlement the signed macOS app gets (V8 needs JIT under the hardened runtime). */
export const ALLOWED_MAC_ENTITLEMENTS = ['com.apple.security.cs.allow-jit'] as const;
export const MAC_ENTITLEMENTS_FILE = 'resources/entitlements.mac.plist';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** The sections electron-builder reads per platform and target, where a setting of the top level may be overridden. */
const SECTIONS = ['mac', 'dmg', 'mas', 'linux', 'deb', 'appImage', 'rpm', 'snap', 'flatpak', 'pacman', 'win', 'nsis', 'portable', 'appx', 'msi', 'squirrelWindows'] as const;

function sections(config: Json): [string, Json][] {
  return [['configuration', config], ...SECTIONS.filter((s) => isObject(config[s])).map((s): [string, Json] => [s, config[s] as Json])];
}

function targetNames(section: unknown): string[] {
  if (!isObject(section)) return [];
  return asList(section.target).map((t) => (isObject(t) ? String(t.target) : String(t)));
}

/**
 * The fuses and every hardening option of the configuration. Pure: it reads the object only (the
 * test flips each setting in a copy and shows this function refusing it).
 */
export function configurationProblems(config: unknown): string[] {
  if (!isObject(config)) return ['The configuration is not an object.'];
  const problems: string[] = [];

  // Fuses.
  const fuses = config.electronFuses;
  if (!isObject(fuses)) {
    problems.push('electronFuses is missing: without it the packaged Electron keeps every fuse at its default.');
  } else {
    for (const name of FUSE_NAMES) {
      if (fuses[name] !== REQUIRED_FUSES[name]) problems.push(`Fuse ${name} must be ${REQUIRED_FUSES[name]} (it is ${String(fuses[name])}).`);
    }
  }

  // The app inside app.asar, and the native module beside it.
  if (config.asar !== undefined && config.asar !== true && !isObject(config.asar)) {
    problems.push('asar must stay on: the OnlyLoadAppFromAsar fuse needs app.asar, and its integrity is checked.');
  }
  if (!asList(config.asarUnpack).includes(NATIVE_MODULE_UNPACK)) {
    problems.push(`asarUnpack must list the SQLCipher module (${NATIVE_MODULE_UNPACK}).`);
  }

  // Only out/ and package.json of ours; electron-builder adds the production dependencies itself.
  const files = asList(config.files);
  const included = files.filter((f) => typeof f === 'string' && !f.startsWith('!'));
  if (files.length === 0 || files.some((f) => typeof f !== 'string')) {
    problems.push('files must list, as plain patterns, what goes into the package (out/** and package.json).');
  } else if (included.some((f) => !(f === 'package.json' || String(f).startsWith('out/')))) {
    problems.push(`files may include only out/ and package.json (found ${included.join(', ')}).`);
  }
  if (asList(config.extraFiles).length > 0) problems.push('extraFiles must be empty: nothing of ours goes beside the binary.');
  for (const extra of asList(config.extraResources)) {
    const from = isObject(extra) ? extra.from : extra;
    if (from !== 'resources/licenses') problems.push(`extraResources may carry only resources/licenses (found ${JSON.stringify(extra)}).`);
  }

  // The native module is used as npm ci built it; electron-builder does not rebuild it (it is Node-API).
  if (config.npmRebuild !== false) problems.push('npmRebuild must be false: the SQLCipher module built by npm ci (Node-API) is the one tested and shipped.');
  if (config.buildDependenciesFromSource === true) problems.push('buildDependenciesFromSource must stay off.');
  if (typeof config.beforePack !== 'function') problems.push('beforePack must refuse a build for another platform or architecture than the machine packaging it.');

  // No auto-updater, no update metadata: the agency's IT installs updates.
  if (!('publish' in config) || config.publish !== null) problems.push('publish must be null: no update metadata, no auto-update feed.');
  for (const [name, section] of sections(config)) {
    if (name !== 'configuration' && 'publish' in section && section.publish !== null) problems.push(`${name}.publish must be absent or null.`);
    if (section.generateUpdatesFilesForAllChannels === true) problems.push(`${name}.generateUpdatesFilesForAllChannels must stay off.`);
  }
  if (config.detectUpdateChannel === true) problems.push('detectUpdateChannel must stay off.');

  // Nothing else may start the app or hand it files: no URL schemes, no file types, no sandbox switch.
  for (const [name, section] of sections(config)) {
    if (asList(section.protocols).length > 0) problems.push(`${name}.protocols must be empty: no other program may open the app with a URL.`);
    if (asList(section.fileAssociations).length > 0) problems.push(`${name}.fileAssociations must be empty.`);
    const args = asList(section.executableArgs).map(String);
    if (args.some((a) => /sandbox|inspect|remote-debugging|disable-web-security|js-flags/i.test(a))) {
      problems.push(`${name}.executableArgs weaken the app (${args.join(' ')}).`);
    }
  }

  // The vault is in the user's data folder, named after package.json's name: renaming moves it away.
  const extra = isObject(config.extraMetadata) ? config.extraMetadata : {};
  for (const key of ['name', 'productName', 'main']) {
    if (key in extra) problems.push(`extraMetadata.${key} must not be set: the vault's folder and the entry point come from package.json.`);
  }

  // Uninstalling never removes the vault: no script of ours runs at removal or upgrade.
  for (const [name, section] of sections(config)) {
    for (const key of ['afterRemove', 'beforeRemove', 'afterInstall', 'beforeInstall']) {
      if (key in section) problems.push(`${name}.${key} must not be set: the package's own scripts are checked as they are (removalScriptProblems).`);
    }
    const fpm = asList(section.fpm).map(String);
    if (fpm.some((arg) => /remove|purge|upgrade|install|script/i.test(arg))) problems.push(`${name}.fpm must not add package scripts (${fpm.join(' ')}).`);
  }

  // Targets: .deb and AppImage for Linux, .dmg for macOS; no Windows (no SQLCipher build there).
  const linux = targetNames(config.linux);
  for (const t of ['deb', 'AppImage']) if (!linux.includes(t)) problems.push(`linux.target must include ${t}.`);
  if (!targetNames(config.mac).includes('dmg')) problems.push('mac.target must include dmg.');
  for (const s of ['win', 'nsis', 'portable', 'appx', 'msi', 'squirrelWindows']) {
    if (s in config) problems.push(`${s} must not be configured: Windows is not supported (@journeyapps/sqlcipher has no Windows build).`);
  }

  // macOS: hardened runtime with our own minimal entitlements.
  const mac = isObject(config.mac) ? config.mac : {};
  if (mac.hardenedRuntime === false) problems.push('mac.hardenedRuntime must stay on.');
  if (mac.entitlements !== MAC_ENTITLEMENTS_FILE || mac.entitlementsInherit !== MAC_ENTITLEMENTS_FILE) {
    problems.push(`mac.entitlements and mac.entitlementsInherit must both be ${MAC_ENTITLEMENTS_FILE}.`);
  }
  return problems;
}

/** package.json: the entry point is the built main, and nothing updates the app by itself. */
export function manifestProblems(pkg: unknown): string[] {
  if (!isObject(pkg)) return ['package.json is not an object.'];
  const problems: string[] = [];
  if (pkg.main !== 'out/main/index.js') problems.push('package.json main must be out/main/index.js (the built main process).');
  const deps = { ...(isObject(pkg.dependencies) ? pkg.dependencies : {}), ...(isObject(pkg.optionalDependencies) ? pkg.optionalDependencies : {}) };
  for (const name of Object.keys(deps)) {
    if (/updater|update-electron-app/i.test(name)) problems.push(`${name} must not be a dependency: updates are installed by the agency's IT.`);
    if (name === 'electron' || name === 'electron-builder') problems.push(`${name} belongs in devDependencies.`);
  }
  return problems;
}

/**
 * A script the package manager runs at install, upgrade or removal: it may remove the links it
 * made (rm -f of a named file), never a folder, and never touch anything in a user's home (where
 * the vault is).
 */
export function removalScriptProblems(script: string): string[] {
  const problems: string[] = [];
  const code = script
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, ''))
    .join('\n');
  if (/\brm\s+(-[a-zA-Z]*[rR][a-zA-Z]*|--recursive)\b/.test(code) || /\brmdir\b|-delete\b|\bshred\b|\bunlink\b/.test(code)) {
    problems.push('it removes folders or files beyond named links (rm -r, rmdir, find -delete, shred, unlink)');
  }
  if (/\$\{?HOME\b|~\/|\/home\b|\/root\b|XDG_|\.config\b|Application Support|getent\s+passwd|\/etc\/passwd|userData|\bvault\b/i.test(code)) {
    problems.push("it refers to users' home folders or the vault");
  }
  return problems;
}

/** The entitlements plist grants nothing but JIT (no unsigned memory, no library injection, no debugger). */
export function entitlementsProblems(plist: string): string[] {
  const granted = [...plist.matchAll(/<key>\s*([^<\s]+)\s*<\/key>\s*<true\s*\/>/g)].map((m) => m[1]);
  const problems = granted.filter((k) => !(ALLOWED_MAC_ENTITLEMENTS as readonly string[]).includes(k)).map((k) => `entitlement ${k} is not allowed`);
  for (const needed of ALLOWED_MAC_ENTITLEMENTS) if (!granted.includes(needed)) problems.push(`entitlement ${needed} is missing (V8 cannot run without it)`);
  return problems;
}
