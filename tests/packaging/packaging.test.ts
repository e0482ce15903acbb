/**
 * The release package as configured (issue 16). No package can be built here (electron-builder
 * needs Electron's download), so this reads electron-builder.config.cjs and what it points to:
 * every fuse and hardening option is asserted, and each is flipped in a copy to show that the same
 * check refuses it; electron-builder's own schema accepts the file; the removal scripts leave the
 * vault alone; the icons and licence notices are there and current.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  FUSE_NAMES,
  ICON_SIZES,
  MAC_ENTITLEMENTS_FILE,
  NATIVE_MODULE_UNPACK,
  REQUIRED_FUSES,
  configurationProblems,
  entitlementsProblems,
  iconPngPath,
  manifestProblems,
  removalScriptProblems,
} from '../../resources/scripts/packaging';
import { FONT_LICENSE_FILE, NOTICES_FILE, packagesMissingFrom, productionPackages, renderFontLicense, renderNotices } from '../../resources/scripts/notices';

const ROOT = resolve(__dirname, '../..');
const requireHere = createRequire(join(ROOT, 'package.json'));
// electron-builder's internals, resolved from electron-builder itself (not from a hoisting accident).
const requireBuilder = createRequire(requireHere.resolve('electron-builder/package.json'));

type Config = Record<string, unknown> & { electronFuses: Record<string, boolean>; beforePack: (context: { electronPlatformName: string; arch: number }) => void };
const loadConfig = (): Config => requireHere('./electron-builder.config.cjs') as Config;
/** A copy deep enough to change any setting without touching the loaded module (functions kept). */
const copy = (config: Config): Config => ({ ...structuredClone({ ...config, beforePack: undefined }), beforePack: config.beforePack });

/** The issue's list, written out here on purpose: changing packaging.ts alone cannot weaken it. */
const ISSUE_16_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
};

describe('the electron-builder configuration', () => {
  it('passes every packaging check, with the fuses exactly as issue 16 lists them', () => {
    const config = loadConfig();
    expect(configurationProblems(config)).toEqual([]);
    expect(REQUIRED_FUSES).toEqual(ISSUE_16_FUSES);
    expect(config.electronFuses).toEqual(ISSUE_16_FUSES);
    expect(config.publish).toBeNull();
    expect(config.asarUnpack).toContain(NATIVE_MODULE_UNPACK);
  });

  it("is accepted by electron-builder's own schema, which refuses a misspelt or mistyped option", async () => {
    const { validateConfiguration } = requireBuilder('app-builder-lib/out/util/config/config.js') as { validateConfiguration(config: unknown, logger: unknown): Promise<void> };
    const { DebugLogger } = requireBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(copy(loadConfig()), new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...copy(loadConfig()), electronFuse: {} }, new DebugLogger(false))).rejects.toThrow(/unknown property 'electronFuse'/);
    const mistyped = copy(loadConfig());
    mistyped.electronFuses.runAsNode = 'off' as unknown as boolean;
    await expect(validateConfiguration(mistyped, new DebugLogger(false))).rejects.toThrow(/runAsNode should be a boolean/);
  });

  it.each(FUSE_NAMES)('is refused when the fuse %s is flipped or left out', (fuse) => {
    const flipped = copy(loadConfig());
    flipped.electronFuses[fuse] = !flipped.electronFuses[fuse];
    expect(configurationProblems(flipped)).toEqual([`Fuse ${fuse} must be ${ISSUE_16_FUSES[fuse]} (it is ${!ISSUE_16_FUSES[fuse]}).`]);

    const missing = copy(loadConfig());
    delete missing.electronFuses[fuse];
    expect(configurationProblems(missing)).toEqual([`Fuse ${fuse} must be ${ISSUE_16_FUSES[fuse]} (it is undefined).`]);
  });

  it('is refused without any fuses at all', () => {
    const config = copy(loadConfig());
    delete (config as Record<string, unknown>).electronFuses;
    expect(configurationProblems(config)).toEqual([expect.stringMatching(/^electronFuses is missing/)]);
  });

  type Section = Record<string, unknown>;
  type Mutable = Section & { linux: Section; mac: Section; deb: Section; extraResources: unknown[]; extraMetadata: Section };
  /** Each hardening option, weakened in a copy: [what, how, the problem expected]. */
  const WEAKENED: [string, (c: Mutable) => void, RegExp][] = [
    ['update metadata published to a feed', (c) => (c.publish = { provider: 'github' }), /^publish must be null/],
    ['publish left to its default', (c) => delete c.publish, /^publish must be null/],
    ['an update feed for the AppImage', (c) => (c.appImage = { publish: 'generic' }), /^appImage\.publish/],
    ['update files for every channel', (c) => (c.linux.generateUpdatesFilesForAllChannels = true), /generateUpdatesFilesForAllChannels/],
    ['the app outside app.asar', (c) => (c.asar = false), /^asar must stay on/],
    ['the SQLCipher module packed inside app.asar', (c) => (c.asarUnpack = []), /^asarUnpack must list the SQLCipher module/],
    ['the sources packaged', (c) => (c.files = ['**/*']), /^files may include only out\/ and package.json/],
    ['files left to the default (everything)', (c) => delete c.files, /^files must list/],
    ['an extra file beside the binary', (c) => (c.extraFiles = ['tests/fixtures']), /^extraFiles must be empty/],
    ['another folder among the resources', (c) => (c.extraResources = [...c.extraResources, { from: 'tests', to: 'tests' }]), /^extraResources may carry only resources\/licenses/],
    ['the native module rebuilt by electron-builder', (c) => (c.npmRebuild = true), /^npmRebuild must be false/],
    ['no guard against a cross-build', (c) => delete c.beforePack, /^beforePack must refuse/],
    ['a URL scheme that opens the app', (c) => (c.protocols = [{ name: 'Mamori', schemes: ['mamori'] }]), /^configuration\.protocols must be empty/],
    ['a file type handed to the app', (c) => (c.mac.fileAssociations = [{ ext: 'mamori-backup' }]), /^mac\.fileAssociations must be empty/],
    ['the Chromium sandbox switched off', (c) => (c.linux.executableArgs = ['--no-sandbox']), /^linux\.executableArgs weaken the app/],
    ['the data folder renamed', (c) => (c.extraMetadata = { ...c.extraMetadata, name: 'mamori-next' }), /^extraMetadata\.name must not be set/],
    ['a removal script of our own', (c) => (c.deb.afterRemove = 'resources/linux/after-remove.sh'), /^deb\.afterRemove must not be set/],
    ['a removal script through fpm', (c) => (c.deb.fpm = ['--before-remove=cleanup.sh']), /^deb\.fpm must not add package scripts/],
    ['no .deb', (c) => (c.linux.target = ['AppImage']), /^linux\.target must include deb/],
    ['no AppImage', (c) => (c.linux.target = ['deb']), /^linux\.target must include AppImage/],
    ['no .dmg', (c) => (c.mac.target = ['zip']), /^mac\.target must include dmg/],
    ['a Windows target', (c) => (c.win = { target: 'nsis' }), /^win must not be configured: Windows is not supported/],
    ['the hardened runtime off', (c) => (c.mac.hardenedRuntime = false), /^mac\.hardenedRuntime must stay on/],
    ["electron-builder's default entitlements", (c) => delete c.mac.entitlements, /^mac\.entitlements and mac\.entitlementsInherit/],
  ];

  it.each(WEAKENED)('is refused with %s', (_what, weaken, expected) => {
    const config = copy(loadConfig());
    weaken(config as unknown as Mutable);
    expect(configurationProblems(config)).toEqual([expect.stringMatching(expected)]);
  });

  it('builds only for the machine it runs on, whose SQLCipher module npm ci compiled', () => {
    const { beforePack } = loadConfig();
    const hostArch = ['ia32', 'x64', 'arm', 'arm64', 'universal'].indexOf(process.arch);
    expect(() => beforePack({ electronPlatformName: process.platform, arch: hostArch })).not.toThrow();
    const otherArch = process.arch === 'arm64' ? 1 : 3;
    expect(() => beforePack({ electronPlatformName: process.platform, arch: otherArch })).toThrow(/built on the platform they are for/);
    expect(() => beforePack({ electronPlatformName: process.platform === 'darwin' ? 'linux' : 'darwin', arch: hostArch })).toThrow(/built on the platform they are for/);
    expect(() => beforePack({ electronPlatformName: 'win32', arch: hostArch })).toThrow(/built on the platform they are for/);
  });
});

describe('uninstalling keeps the vault', () => {
  // The configuration sets no package scripts (checked above), so the .deb carries electron-builder's
  // own; the AppImage and the .dmg have none at all.
  const template = (name: string) => readFileSync(requireBuilder.resolve(`app-builder-lib/templates/linux/${name}`), 'utf8');

  it.each(['after-remove.tpl', 'after-install.tpl'])("the .deb's %s removes only its links, never a folder or anything of a user's", (name) => {
    const script = template(name);
    expect(script).toContain('rm -f');
    expect(removalScriptProblems(script)).toEqual([]);
  });

  it('the check refuses a script that deletes user data or a folder', () => {
    expect(removalScriptProblems(`#!/bin/bash\nrm -f '/usr/bin/mamori'\nrm -rf "$HOME/.config/mamori"\n`)).toEqual([
      'it removes folders or files beyond named links (rm -r, rmdir, find -delete, shred, unlink)',
      "it refers to users' home folders or the vault",
    ]);
    expect(removalScriptProblems('for d in /home/*; do rm -f "$d/.config/mamori/vault/mamori.db"; done')).toEqual(["it refers to users' home folders or the vault"]);
    expect(removalScriptProblems("find /opt/Mamori -delete")).toHaveLength(1);
    // A comment that names the home folder is not a command.
    expect(removalScriptProblems("# never touches $HOME\nrm -f '/usr/bin/mamori'")).toEqual([]);
  });
});

describe('the macOS entitlements', () => {
  it('grant JIT and nothing else', () => {
    expect(entitlementsProblems(readFileSync(join(ROOT, MAC_ENTITLEMENTS_FILE), 'utf8'))).toEqual([]);
  });

  it("refuse electron-builder's defaults (unsigned executable memory, no library validation)", () => {
    const defaults = readFileSync(requireBuilder.resolve('app-builder-lib/templates/entitlements.mac.plist'), 'utf8');
    expect(entitlementsProblems(defaults)).toEqual([
      'entitlement com.apple.security.cs.allow-unsigned-executable-memory is not allowed',
      'entitlement com.apple.security.cs.disable-library-validation is not allowed',
    ]);
  });
});

describe('package.json', () => {
  it('starts the built main and carries no auto-updater', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(manifestProblems(pkg)).toEqual([]);
    expect(manifestProblems({ ...pkg, dependencies: { ...pkg.dependencies, 'electron-updater': '^6.0.0' } })).toEqual([
      "electron-updater must not be a dependency: updates are installed by the agency's IT.",
    ]);
  });
});

/** Width, height and the RGBA pixels of an 8-bit RGBA PNG (what Chromium's screenshots are). */
function readPng(bytes: Buffer): { width: number; height: number; alphaAt(x: number, y: number): number } {
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9], data[12]]).toEqual([8, 6, 0]); // 8-bit, RGBA, not interlaced
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x];
      const a = x >= 4 ? pixels[y * stride + x - 4] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, alphaAt: (x, y) => pixels[y * stride + x * 4 + 3] };
}

describe('the icons', () => {
  it('are drawn from one SVG', () => {
    expect(readFileSync(join(ROOT, 'resources/icons/mamori.svg'), 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 1024 1024"/);
  });

  it.each(ICON_SIZES)('exist at %i px: square, with clear corners and an opaque mark', (size) => {
    const png = readPng(readFileSync(iconPngPath(ROOT, size)));
    expect([png.width, png.height]).toEqual([size, size]);
    expect(png.alphaAt(0, 0)).toBe(0);
    expect(png.alphaAt(size - 1, size - 1)).toBe(0);
    expect(png.alphaAt(size >> 1, size >> 1)).toBe(255);
  });
});

describe('the licence notices', () => {
  it('are what `npm run notices` writes from node_modules today', () => {
    expect(readFileSync(join(ROOT, NOTICES_FILE), 'utf8')).toBe(renderNotices(ROOT));
    expect(readFileSync(join(ROOT, FONT_LICENSE_FILE), 'utf8')).toBe(renderFontLicense(ROOT));
  });

  it("list every production package of package-lock.json (read independently of the notices' own walk)", () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string; dev?: boolean; devOptional?: boolean }> };
    const production = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && !p.dev && !p.devOptional && existsSync(join(ROOT, path)))
      .map(([path, p]) => ({ name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), version: p.version }));
    expect(production.length).toBeGreaterThan(10);
    expect(production.map((p) => p.name)).toContain('@journeyapps/sqlcipher');
    const notice = readFileSync(join(ROOT, NOTICES_FILE), 'utf8');
    expect(packagesMissingFrom(notice, production)).toEqual([]);
    expect(productionPackages(ROOT).map((p) => `${p.name} ${p.version}`).sort()).toEqual(production.map((p) => `${p.name} ${p.version}`).sort());
  });

  it('notice a production package left out of the list or without its licence text', () => {
    const notice = readFileSync(join(ROOT, NOTICES_FILE), 'utf8');
    const zod = productionPackages(ROOT).find((p) => p.name === 'zod')!;
    expect(packagesMissingFrom(notice, [zod])).toEqual([]);
    const unlisted = notice.split('\n').filter((line) => !line.startsWith(`  zod ${zod.version} `)).join('\n');
    expect(packagesMissingFrom(unlisted, [zod])).toEqual([`zod ${zod.version}`]);
    const withoutText = notice.replace(`\nzod ${zod.version}\nLicence:`, '\nLicence:');
    expect(withoutText).not.toBe(notice);
    expect(packagesMissingFrom(withoutText, [zod])).toEqual([`zod ${zod.version}`]);
  });

  it('carry the licence texts: the font under the SIL OFL 1.1, SQLCipher, and each MIT package', () => {
    expect(readFileSync(join(ROOT, FONT_LICENSE_FILE), 'utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1');
    const notice = readFileSync(join(ROOT, NOTICES_FILE), 'utf8');
    expect(notice).toContain('Copyright (c) 2008, ZETETIC LLC');
    expect(notice).toMatch(/={78}\nreact \d+\.\d+\.\d+\nLicence: MIT\n[\s\S]*?Permission is hereby granted, free of charge/);
  });
});
