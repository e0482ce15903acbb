// electron-builder: the release packages (`npm run dist`): .deb and AppImage on Linux, .dmg on macOS.
// Windows is not supported while @journeyapps/sqlcipher has no Windows build.
//
// Every fuse and hardening option here is asserted by tests/packaging/packaging.test.ts (through
// resources/scripts/packaging.ts), which also shows that flipping any one of them fails it; `npm run
// dist` runs the same checks before it packages anything. Weaken nothing here without changing the
// checks, in the open, in the same commit.

// electron-builder's Arch enum (builder-util), by value: the architecture a package is built for.
const ARCH_NAMES = ['ia32', 'x64', 'arm', 'arm64', 'universal'];

module.exports = {
  appId: 'jp.mamori.desktop',
  productName: 'Mamori',
  copyright: 'Mamori',
  // Debian's Homepage field (electron-builder refuses a .deb without one): set your agency's page here.
  extraMetadata: { homepage: 'https://mamori.invalid/' },

  directories: { output: 'dist', buildResources: 'resources' },

  // Only the build and the manifest of ours; electron-builder adds the production dependencies
  // (package.json "dependencies") itself. Of SQLCipher's package, the sources and build leftovers stay out.
  files: [
    'out/**/*',
    'package.json',
    '!node_modules/@journeyapps/sqlcipher/{deps,src}/**',
    '!node_modules/@journeyapps/sqlcipher/binding.gyp',
    '!node_modules/@journeyapps/sqlcipher/build/Release/{obj.target,.deps}/**',
    '!node_modules/@journeyapps/sqlcipher/build/{Makefile,config.gypi,*.mk}',
  ],
  // The licences of the bundled font and libraries, beside app.asar (resources/licenses/).
  extraResources: [{ from: 'resources/licenses', to: 'licenses' }],

  asar: true,
  // A shared library cannot be loaded from inside an archive: the compiled SQLCipher module goes to
  // app.asar.unpacked, and Electron redirects the require() of it there.
  asarUnpack: ['**/node_modules/@journeyapps/sqlcipher/build/Release/*.node'],

  // The SQLCipher module is Node-API (ABI-stable), so the binary `npm ci` built on this machine loads
  // in Electron unchanged: it is the one the tests ran against, and electron-builder must not rebuild
  // it (a rebuild would fetch Electron's headers and compile it again for nothing).
  npmRebuild: false,
  buildDependenciesFromSource: false,
  // Because of that, a package is built only for the machine's own platform and architecture.
  beforePack(context) {
    const arch = ARCH_NAMES[context.arch];
    if (context.electronPlatformName !== process.platform || arch !== process.arch) {
      throw new Error(
        `Mamori packages are built on the platform they are for: this is ${process.platform}-${process.arch}, ` +
          `the target is ${context.electronPlatformName}-${arch}. The SQLCipher module is compiled by npm ci for this machine only.`,
      );
    }
  },

  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
  },

  // No auto-updater and no update metadata (latest*.yml, app-update.yml): the agency's IT installs updates.
  publish: null,

  linux: {
    target: ['deb', 'AppImage'],
    icon: 'resources/icons/png',
    category: 'Office',
    synopsis: 'Encrypted case files for immigration officers protecting victims of human trafficking',
    maintainer: 'Mamori maintainers <packaging@mamori.invalid>',
    vendor: 'Mamori',
  },
  deb: {
    // electron-builder's defaults, plus OpenSSL's libcrypto, which the SQLCipher module links on Linux.
    depends: ['libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0', 'libssl3 | libssl3t64'],
  },

  mac: {
    target: ['dmg'],
    icon: 'resources/icons/png/1024x1024.png',
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
    entitlements: 'resources/entitlements.mac.plist',
    entitlementsInherit: 'resources/entitlements.mac.plist',
  },
};
