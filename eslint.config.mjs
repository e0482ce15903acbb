// Lint, and the import rules as errors: the layers of DESIGN.md §1, the direction inside electron/core
// and among the renderer's features. A wrong import fails the build; tests/integration/layers.test.ts
// proves each rule fires.
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const SOURCE = '{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
const ROOT = dirname(fileURLToPath(import.meta.url));

// ─── The tables: edit the rules here ──────────────────────────────────────────────────────────────

/**
 * Layers (DESIGN.md §1), by folder. `may`: project folders (or files, without extension) a file of
 * the layer may import; `types`: folders it may import only as types (`import type`, erased from
 * the bundle); `electron`, `node`, `packages`: whether it may import `electron`, Node built-ins and
 * npm packages; `testPackages`: npm packages its tests may import anyway. A file in tests/ (or
 * outside electron/ and renderer/) may import anything.
 */
const LAYERS = {
  'electron/common': {
    may: ['electron/common'],
    electron: false, node: false, packages: true,
    says: 'itself and npm packages (no Node built-ins, no electron)',
  },
  'electron/core': {
    may: ['electron/core', 'electron/common'],
    electron: false, node: true, packages: true,
    says: 'electron/common and itself (no electron)',
  },
  'electron/main': {
    may: ['electron/main', 'electron/core', 'electron/common'],
    electron: true, node: true, packages: true,
    says: 'electron/core, electron/common, electron and Node',
  },
  'electron/cli': {
    may: ['electron/cli', 'electron/core', 'electron/common'],
    electron: false, node: true, packages: true,
    says: 'electron/core and electron/common (no electron)',
  },
  // A sandboxed preload can require nothing but electron: at run time it may import only electron and
  // the dependency-free channel list; the rest of electron/common only as types.
  'electron/preload': {
    may: ['electron/preload', 'electron/common/channels'],
    types: ['electron/common'],
    electron: true, node: false, packages: false, testPackages: ['vitest'],
    says: 'electron, electron/common/channels and, as types, electron/common',
  },
  renderer: {
    may: ['renderer', 'electron/common'],
    electron: false, node: false, packages: true,
    says: 'electron/common, itself and npm packages (no Node built-ins, no electron)',
  },
};

/**
 * Core direction (README Architecture): folder of electron/core → tier. A folder may import its own
 * files and folders of LOWER tiers only; folders of the same tier never import each other. A folder
 * missing here is an error, so a new one cannot escape the rule: add it.
 */
const CORE_TIERS = {
  // 0 — storage: the connection, migrations, atomic files, the lock file (and the root file errors.ts)
  db: 0,
  // 0 — cryptographic primitives: scrypt, HKDF, AES-GCM wrapping, HMAC, wiping key buffers
  crypto: 0,
  // 1 — the audit chain: append, verify, head record
  audit: 1,
  // 1.5 — sealed information's keys: per-case and registry keys sealed to accounts and the escrow (signed keys, checked against the trail)
  sealing: 1.5,
  // 2 — the vault: keys, keyslots, unlock, throttle, open / close / create
  vault: 2,
  // 3 — accounts and vault-wide settings
  users: 3,
  settings: 3,
  // 4 — the signed-in session; vault operations (verified backups, restore)
  session: 4,
  backup: 4,
  // 5 — the shared case access module: reachability, need-to-know, version check, touch
  caseAccess: 5,
  // 6 — the case features: they meet only through caseAccess, never import each other
  cases: 6,
  interviews: 6,
  interpreters: 6,
  organisations: 6,
  protection: 6,
  decisions: 6,
  // 7 — the assemblies: the whole case detail, and My work
  caseFile: 7,
  work: 7,
  // 8 — printed summaries: read the whole case file (caseFile) and the sealed values they may carry
  exports: 8,
  // 8 — retention: legal holds and the purge, which removes a case from every feature's tables (by SQL; it imports none of them)
  retention: 8,
  // 8 — non-identifying statistics: counts over every case feature's tables (by SQL; it imports none of them)
  statistics: 8,
  // 9 — command-line operations
  demo: 9,
  maintenance: 9,
};
/** Root files of electron/core a file in a folder may import; the rest (core, handlers, index, policy) sit above every folder. */
const CORE_SHARED_ROOT_FILES = ['errors', 'handler', 'core.types'];

/** Renderer direction: folder of renderer/features → tier, same reading as CORE_TIERS. */
const RENDERER_FEATURE_TIERS = {
  // 0 — first run and sign-in
  vault: 0,
  session: 0,
  // 1 — the frame's navigation and the administrator's features (accounts, settings, the trail, backups and keys)
  navigation: 1,
  settings: 1,
  users: 1,
  audit: 1,
  backup: 1,
  // access to sealed information: one's own key, and the grants a supervisor gives
  sealing: 1,
  // 2 — cases: the list, intake, the open case and its own sections (the base of every case feature)
  cases: 2,
  // 3 — the parts of a case file, the registry and My work: they do not import each other
  interviews: 3,
  protection: 3,
  decisions: 3,
  interpreters: 3,
  organisations: 3,
  work: 3,
  exports: 3,
  retention: 3,
  // counts for supervisors and administrators, suppressed in core
  statistics: 3,
  // 4 — the case page assembling the parts
  caseFile: 4,
  // 5 — the shell on top
  shell: 5,
};
/** Exceptions to RENDERER_FEATURE_TIERS, each `[from, to, why]`: `from` may import `to` although its tier says no. */
const RENDERER_FEATURE_EXCEPTIONS = [];
/** Renderer files outside features/ that may import features (they assemble them); everything else outside features/ may not. */
const RENDERER_FEATURE_ASSEMBLERS = ['renderer/test/', 'renderer/App.tsx', 'renderer/AppRoot.tsx', 'renderer/main.tsx', 'renderer/i18n/i18n.ts'];

// ─── The rule ─────────────────────────────────────────────────────────────────────────────────────

const LAYER_RULE = 'Layer rule (DESIGN §1)';
const CORE_RULE = 'Core direction (README Architecture)';
const RENDERER_RULE = 'Renderer direction (README Architecture)';

const CODE_EXTENSION = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const TEST_FILE = /\.test\.[a-z]+$/;
const NODE_BUILTINS = new Set(builtinModules);

const within = (path, dir) => path === dir || path.startsWith(`${dir}/`);
const withoutExtension = (path) => path.replace(CODE_EXTENSION, '');
const isTestFile = (path) => TEST_FILE.test(path);
/** `cases.handlers.ts` and `cases.handlers.test.ts` both → true. */
const isHandlerFile = (path) => /\.handlers$/.test(withoutExtension(path).replace(/\.test$/, ''));
const tierLabel = (tier) => `tier ${tier}`;

function layerOf(path) {
  return Object.keys(LAYERS).find((dir) => within(path, dir));
}

/** Where a core path sits: a root file of electron/core, or a file in one of its folders. */
function corePlace(path) {
  const rest = withoutExtension(path).slice('electron/core'.length + 1);
  if (rest === '') return { root: 'index' };
  const parts = rest.split('/');
  if (parts.length === 1 && !(parts[0] in CORE_TIERS)) return { root: parts[0] };
  return { folder: parts[0], handler: isHandlerFile(path), test: isTestFile(path) };
}

function checkCore(from, to) {
  const a = corePlace(from);
  const b = corePlace(to);
  if (a.root !== undefined) return null; // core's root files assemble the folders
  if (!(a.folder in CORE_TIERS)) return null; // reported once for the whole file
  if (b.root !== undefined) {
    if (CORE_SHARED_ROOT_FILES.includes(b.root)) return null;
    return `${CORE_RULE}: ${a.folder} may not import the root file ${b.root} of electron/core; below the root only ${CORE_SHARED_ROOT_FILES.map((f) => `${f}.ts`).join(', ')} are shared.`;
  }
  if (!(b.folder in CORE_TIERS)) {
    return `${CORE_RULE}: electron/core/${b.folder} is not in the core tier table (CORE_TIERS in eslint.config.mjs): add it to the tier table.`;
  }
  if (b.handler) {
    // A handler slice is the top of its feature: only the root (handlers.ts) gathers it, and its own tests try it.
    if (a.test && a.folder === b.folder) return null;
    const slice = `${posix.basename(withoutExtension(to))}.ts`;
    return a.handler
      ? `${CORE_RULE}: a handler slice may not import another handler slice (${slice}); share the module below it instead.`
      : `${CORE_RULE}: ${slice} is the top of ${b.folder}; nothing in electron/core but its root (handlers.ts) imports it.`;
  }
  if (a.handler) return null; // the top of its feature: any non-handler module of core
  if (a.folder === b.folder) return null;
  const ta = CORE_TIERS[a.folder];
  const tb = CORE_TIERS[b.folder];
  if (tb < ta) return null;
  if (tb > ta) {
    return `${CORE_RULE}: ${a.folder} (${tierLabel(ta)}) may not import ${b.folder} (${tierLabel(tb)}); a folder imports only lower tiers.`;
  }
  if (ta === CORE_TIERS.cases) {
    return `${CORE_RULE}: ${a.folder} may not import ${b.folder}; case features meet only through caseAccess.`;
  }
  return `${CORE_RULE}: ${a.folder} may not import ${b.folder}; folders of the same tier (${ta}) do not import each other.`;
}

function rendererFeature(path) {
  return within(path, 'renderer/features') ? (path.split('/')[2] ?? '') : null;
}

function checkRenderer(from, to) {
  const b = rendererFeature(to);
  if (b === null) return null; // ui, api, i18n, stores, test: below every feature
  const a = rendererFeature(from);
  if (a === null) {
    const assembler = from.replace(/\.test(\.[a-z]+)$/, '$1');
    if (RENDERER_FEATURE_ASSEMBLERS.some((p) => (p.endsWith('/') ? from.startsWith(p) : assembler === p))) return null;
    return `${RENDERER_RULE}: ${posix.dirname(from)} sits below the features and may not import renderer/features/${b}; only ${RENDERER_FEATURE_ASSEMBLERS.join(', ')} assemble features.`;
  }
  if (!(a in RENDERER_FEATURE_TIERS)) return null; // reported once for the whole file
  if (!(b in RENDERER_FEATURE_TIERS)) {
    return `${RENDERER_RULE}: renderer/features/${b} is not in the renderer feature table (RENDERER_FEATURE_TIERS in eslint.config.mjs): add it.`;
  }
  if (a === b || RENDERER_FEATURE_TIERS[b] < RENDERER_FEATURE_TIERS[a]) return null;
  if (RENDERER_FEATURE_EXCEPTIONS.some(([f, t]) => f === a && t === b)) return null;
  const ta = RENDERER_FEATURE_TIERS[a];
  const tb = RENDERER_FEATURE_TIERS[b];
  return ta === tb
    ? `${RENDERER_RULE}: features/${a} may not import features/${b}; features of the same tier (${ta}) do not import each other.`
    : `${RENDERER_RULE}: features/${a} (${tierLabel(ta)}) may not import features/${b} (${tierLabel(tb)}); a feature imports only lower tiers.`;
}

/**
 * What is wrong with `from` (a project path) importing `specifier`, or null. `typeOnly`: the import
 * is erased from the bundle (`import type`, `export type`, only type specifiers, `import('…')` types).
 */
function importProblem(from, specifier, typeOnly) {
  const layerDir = layerOf(from);
  if (layerDir === undefined) return null;
  const layer = LAYERS[layerDir];
  const only = `${LAYER_RULE}: ${layerDir} may import only ${layer.says}`;

  if (!specifier.startsWith('.') && !specifier.startsWith('/')) {
    if (specifier === 'electron' || specifier.startsWith('electron/')) {
      return layer.electron ? null : `${LAYER_RULE}: only electron/main and electron/preload may import electron.`;
    }
    if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0])) {
      return layer.node ? null : `${LAYER_RULE}: ${layerDir} runs outside Node and may not import Node built-ins ('${specifier}').`;
    }
    const pkg = specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
    if (layer.packages || (isTestFile(from) && layer.testPackages?.includes(pkg))) return null;
    return `${LAYER_RULE}: ${layerDir} may not import npm packages ('${pkg}'); it may import only ${layer.says}.`;
  }

  const to = specifier.startsWith('/')
    ? relative(ROOT, specifier).split(sep).join('/')
    : posix.normalize(posix.join(posix.dirname(from), specifier));
  if (to === '..' || to.startsWith('../') || isAbsolute(to)) {
    return `${only}; '${specifier}' leaves the repository.`;
  }
  const target = withoutExtension(to);
  if (!layer.may.some((dir) => within(target, dir))) {
    if (layer.types?.some((dir) => within(target, dir))) {
      if (!typeOnly) return `${LAYER_RULE}: ${layerDir} may import ${to} only as types (\`import type\`); it may import only ${layer.says}.`;
    } else {
      return `${only}; '${specifier}' is ${to}.`;
    }
  }
  if (layerDir === 'electron/core' && within(to, 'electron/core')) return checkCore(from, to);
  if (layerDir === 'renderer' && within(to, 'renderer')) return checkRenderer(from, to);
  return null;
}

/** A file in a folder the tables do not know: one error for the file, so a new folder cannot escape. */
function unknownFolder(from) {
  const core = within(from, 'electron/core') ? corePlace(from) : null;
  if (core?.folder !== undefined && !(core.folder in CORE_TIERS)) {
    return `${CORE_RULE}: electron/core/${core.folder} is not in the core tier table (CORE_TIERS in eslint.config.mjs): add it to the tier table.`;
  }
  const feature = rendererFeature(from);
  if (feature !== null && !(feature in RENDERER_FEATURE_TIERS)) {
    return `${RENDERER_RULE}: renderer/features/${feature} is not in the renderer feature table (RENDERER_FEATURE_TIERS in eslint.config.mjs): add it.`;
  }
  const top = from.split('/');
  if (top[0] === 'electron' && layerOf(from) === undefined) {
    return `${LAYER_RULE}: ${top.length > 2 ? `electron/${top[1]}` : from} is not a layer (LAYERS in eslint.config.mjs): add it.`;
  }
  return null;
}

const typeOnlyDeclaration = (node) =>
  node.importKind === 'type' ||
  node.exportKind === 'type' ||
  (node.specifiers?.length > 0 && node.specifiers.every((s) => (s.importKind ?? s.exportKind) === 'type'));

const stringOf = (node) => {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return null;
};

/** Resolves every import of a file to a project path and checks it against the tables above. */
const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Layers (DESIGN §1) and import direction inside electron/core and renderer/features, on resolved paths' },
    schema: [],
  },
  create(context) {
    const path = relative(ROOT, context.filename).split(sep).join('/');
    if (path.startsWith('..') || isAbsolute(path)) return {};
    const check = (sourceNode, typeOnly) => {
      const specifier = stringOf(sourceNode);
      if (specifier === null) return;
      const message = importProblem(path, specifier, typeOnly);
      if (message !== null) context.report({ node: sourceNode, message });
    };
    return {
      Program(node) {
        const message = unknownFolder(path);
        if (message !== null) context.report({ node, loc: { line: 1, column: 0 }, message });
      },
      ImportDeclaration: (node) => check(node.source, typeOnlyDeclaration(node)),
      ExportNamedDeclaration: (node) => node.source && check(node.source, typeOnlyDeclaration(node)),
      ExportAllDeclaration: (node) => check(node.source, node.exportKind === 'type'),
      ImportExpression: (node) => check(node.source, false),
      TSImportType: (node) => check(node.argument?.literal ?? node.argument, true),
      TSExternalModuleReference: (node) => check(node.expression, node.parent?.importKind === 'type'),
      CallExpression: (node) => node.callee.type === 'Identifier' && node.callee.name === 'require' && check(node.arguments[0], false),
    };
  },
};

const local = { meta: { name: 'mamori-local' }, rules: { imports: importsRule } };

const STORAGE_MESSAGE =
  'Nothing may persist in the renderer (STYLE.md, Stores): keep state in zustand stores; core owns the vault.';
const STORAGE = ['localStorage', 'sessionStorage', 'indexedDB'];

export default defineConfig(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },

  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },

  { files: [`electron/**/*.${SOURCE}`, `tests/**/*.${SOURCE}`, `*.${SOURCE}`], languageOptions: { globals: globals.node } },
  { files: [`renderer/**/*.${SOURCE}`, `electron/preload/**/*.${SOURCE}`], languageOptions: { globals: globals.browser } },

  {
    files: [`renderer/**/*.{ts,tsx,js,jsx}`],
    ...reactHooks.configs.flat.recommended,
  },

  // Every file: the rule itself knows which layer a path is in (tests/ and root files may import anything).
  {
    files: [`**/*.${SOURCE}`],
    plugins: { local },
    rules: { 'local/imports': 'error' },
  },

  {
    files: [`renderer/**/*.${SOURCE}`],
    rules: {
      'no-restricted-globals': ['error', ...STORAGE.map((name) => ({ name, message: STORAGE_MESSAGE }))],
      'no-restricted-properties': ['error', ...STORAGE.map((property) => ({ property, message: STORAGE_MESSAGE }))],
    },
  },
);
