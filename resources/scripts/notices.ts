/**
 * The licence notices the package carries (resources/licenses/): the font's own licence, copied
 * from its npm package, and one notice file for every production dependency, read from the
 * package.json and licence files in node_modules. `npm run notices` writes them; the packaging
 * test regenerates them and fails when the committed files differ or miss a production package.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export interface ProductionPackage {
  name: string;
  version: string;
  /** The SPDX expression its package.json declares. */
  license: string;
  repository: string | null;
  /** The package's folder, relative to the project (node_modules/…). */
  dir: string;
}

interface PackageJson {
  name?: string;
  version?: string;
  license?: string | { type?: string };
  licenses?: { type?: string }[];
  repository?: string | { url?: string };
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

export const NOTICES_FILE = 'resources/licenses/THIRD-PARTY-NOTICES.txt';
export const FONT_LICENSE_FILE = 'resources/licenses/NotoSansJP-OFL-1.1.txt';
const FONT_PACKAGE = '@fontsource/noto-sans-jp';
const SQLCIPHER_PACKAGE = '@journeyapps/sqlcipher';
const SQLCIPHER_SOURCE = 'deps/sqlcipher-amalgamation/sqlite3.c';
const LICENSE_FILE = /^(licen[cs]e|copying|notice)([-._].*)?$/i;

function readJson(path: string): PackageJson {
  return JSON.parse(readFileSync(path, 'utf8')) as PackageJson;
}

/** Node's lookup: the nearest node_modules/<name> from `fromDir` upwards, not above the project. */
function findPackageDir(root: string, fromDir: string, name: string): string | null {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root) return null;
    const parent = dirname(dir);
    if (parent === dir || relative(root, parent).startsWith('..')) return null;
    dir = parent;
  }
}

function licenseOf(pkg: PackageJson): string {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license?.type) return pkg.license.type;
  const types = (pkg.licenses ?? []).map((l) => l.type).filter((t): t is string => Boolean(t));
  return types.length > 0 ? `(${types.join(' OR ')})` : 'UNKNOWN';
}

function repositoryOf(pkg: PackageJson): string | null {
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return url ? url.replace(/^git\+/, '').replace(/\.git$/, '') : null;
}

/**
 * Every package the app needs at run time: package.json's `dependencies` and, recursively, what
 * they depend on (optional dependencies and required peers where installed). This is what
 * electron-builder copies into the package, and what the renderer bundle was built from.
 */
export function productionPackages(root: string): ProductionPackage[] {
  const found = new Map<string, ProductionPackage>();
  const visit = (fromDir: string, name: string, required: boolean): void => {
    const dir = findPackageDir(root, fromDir, name);
    if (!dir) {
      if (required) throw new Error(`${name} (needed from ${relative(root, fromDir) || 'the project'}) is not installed: run npm ci`);
      return;
    }
    const rel = relative(root, dir).split(sep).join('/');
    if (found.has(rel)) return;
    const pkg = readJson(join(dir, 'package.json'));
    found.set(rel, { name: pkg.name ?? name, version: pkg.version ?? '0.0.0', license: licenseOf(pkg), repository: repositoryOf(pkg), dir: rel });
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dir, dep, true);
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dir, dep, false);
    for (const dep of Object.keys(pkg.peerDependencies ?? {})) {
      // An optional peer (types, an alternative renderer) is a choice of the app, not a need.
      if (!pkg.peerDependenciesMeta?.[dep]?.optional) visit(dir, dep, false);
    }
  };
  const app = readJson(join(root, 'package.json'));
  for (const dep of Object.keys(app.dependencies ?? {})) visit(root, dep, true);
  for (const dep of Object.keys(app.optionalDependencies ?? {})) visit(root, dep, false);
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.version.localeCompare(b.version, 'en'));
}

/** The licence files a package ships (LICENSE, LICENCE.md, COPYING, NOTICE…), in name order. */
function licenseTexts(root: string, pkg: ProductionPackage): string[] {
  const dir = join(root, pkg.dir);
  return readdirSync(dir)
    .filter((file) => LICENSE_FILE.test(file))
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n').trim());
}

/**
 * SQLCipher's licence, from the amalgamation compiled into @journeyapps/sqlcipher's native module.
 * Throws when the block is not found, so an update of the package is looked at, not skipped.
 */
function sqlcipherLicense(root: string): string {
  const path = join(root, 'node_modules', SQLCIPHER_PACKAGE, SQLCIPHER_SOURCE);
  const source = readFileSync(path, 'utf8');
  const start = source.search(/\*\* Copyright \(c\) \d{4}, ZETETIC LLC/);
  const end = start < 0 ? -1 : source.indexOf('*/', start);
  if (start < 0 || end < 0) throw new Error(`SQLCipher's licence was not found in ${SQLCIPHER_SOURCE}: look at the package and update notices.ts`);
  return source
    .slice(start, end)
    .split('\n')
    .map((line) => line.replace(/^\*\*( |$)/, '').trimEnd())
    .join('\n')
    .trim();
}

const RULE = '='.repeat(78);
const THIN = '-'.repeat(78);

/** The notice file, byte for byte as `npm run notices` writes it (no dates: it changes only with the packages). */
export function renderNotices(root: string): string {
  const packages = productionPackages(root);
  const lines: string[] = [
    'Mamori: third-party notices',
    '',
    'Generated by `npm run notices` from the production dependencies in node_modules (package.json',
    '"dependencies" and everything they need at run time). Do not edit by hand.',
    '',
    'Also in this folder: NotoSansJP-OFL-1.1.txt, the licence of the bundled font Noto Sans JP',
    '(SIL Open Font License 1.1). Electron and Chromium ship their own licences beside the',
    'application (LICENSE.electron.txt and LICENSES.chromium.html).',
    '',
    `${packages.length} packages:`,
    ...packages.map((p) => `  ${`${p.name} ${p.version}`.padEnd(52)} ${p.license}`),
    '',
    RULE,
    `SQLCipher (compiled into ${SQLCIPHER_PACKAGE}'s native module, with SQLite)`,
    THIN,
    sqlcipherLicense(root),
    '',
    'SQLite itself is in the public domain: "The author disclaims copyright to this source code."',
    '',
  ];
  for (const p of packages) {
    const texts = licenseTexts(root, p);
    lines.push(RULE, `${p.name} ${p.version}`, `Licence: ${p.license}`);
    if (p.repository) lines.push(`Source: ${p.repository}`);
    lines.push(THIN);
    lines.push(texts.length > 0 ? texts.join(`\n\n${THIN}\n\n`) : `The package ships no licence file; its package.json declares ${p.license}.`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The font's licence as its package ships it. */
export function renderFontLicense(root: string): string {
  const text = readFileSync(join(root, 'node_modules', FONT_PACKAGE, 'LICENSE'), 'utf8').replace(/\r\n/g, '\n');
  return `Noto Sans JP (bundled through ${FONT_PACKAGE})\n\n${text.trimEnd()}\n`;
}

/**
 * The packages a notice file leaves out: each must be in the list at the top ("  <name> <version>
 * <licence>") and have its own section with its licence text (a rule, then "<name> <version>").
 */
export function packagesMissingFrom(notice: string, packages: readonly { name: string; version: string }[]): string[] {
  const lines = notice.split('\n');
  const listed = new Set(lines.filter((line) => line.startsWith('  ')).map((line) => line.trim().split(/\s+/).slice(0, 2).join(' ')));
  const sections = new Set(lines.filter((_, i) => i > 0 && lines[i - 1] === RULE));
  return packages.map((p) => `${p.name} ${p.version}`).filter((entry) => !listed.has(entry) || !sections.has(entry));
}
