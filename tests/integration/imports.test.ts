/**
 * No import circles: between files anywhere in electron/ and renderer/, between the feature
 * folders of the renderer, and between the folders of electron/core. The graph is built from the
 * files on disk (tests/fixtures/imports.ts); a failure names each circle, file by file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { describeCycle, findCycles, groupGraph, importGraph, readSources, specifiersOf, type ImportGraph } from '../fixtures/imports';
import { removeDir, tempDir } from '../fixtures/vault';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const isTest = (path: string) => /\.test\.[a-z]+$/.test(path);
const isHandler = (path: string) => /\.handlers\.[a-z]+$/.test(path);

/** renderer/features/<feature>/… (tests left out) → the feature. */
const rendererFeature = (path: string) => (/^renderer\/features\/[^/]+\//.test(path) && !isTest(path) ? path.split('/')[2] : null);
/**
 * electron/core/<folder>/… → the folder, leaving out tests, root files and handler slices: a slice
 * is the top of its folder (the vault's handlers call the users feature while users uses the
 * vault's keyslots), so it is no edge of the folder graph.
 */
const coreFolder = (path: string) => (/^electron\/core\/[^/]+\//.test(path) && !isTest(path) && !isHandler(path) ? path.split('/')[2] : null);

describe('the import graph (on synthetic files)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) removeDir(d);
  });

  /** A temporary tree of `files` (path → text), read back as the tests read the real one. */
  function tree(files: Record<string, string>): ImportGraph {
    const dir = tempDir('mamori-imports-');
    dirs.push(dir);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, dirname(path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return importGraph(readSources(dir, ['src']));
  }

  it('finds no circle in an acyclic tree of three files', () => {
    const graph = tree({
      'src/a.ts': "import { b } from './b';\nexport const a = b;",
      'src/b.ts': "import { c } from './lib/c';\nexport const b = c;",
      'src/lib/c.ts': "import { z } from 'zod';\nexport const c = z;",
    });
    expect(graph.edges.get('src/a.ts')).toEqual([{ from: 'src/a.ts', to: 'src/b.ts', typeOnly: false }]);
    expect(graph.unresolved).toEqual([]);
    expect(findCycles(graph.edges)).toEqual([]);
  });

  it('names a circle of three files, in order', () => {
    const graph = tree({
      'src/a.ts': "import { b } from './b';\nexport const a = b;",
      'src/b.ts': "export { c as b } from './lib';",
      'src/lib/index.ts': "export * from './c';",
      'src/lib/c.ts': "import type { A } from '../a';\nexport const c: A | null = null;",
    });
    expect(findCycles(graph.edges).map(describeCycle)).toEqual(['src/a.ts → src/b.ts → src/lib/index.ts → src/lib/c.ts →(type) src/a.ts']);
  });

  it('names one circle per knot, and a file importing itself', () => {
    const graph = tree({
      'src/a.ts': "import './b';",
      'src/b.ts': "import './a';\nimport './c';",
      'src/c.ts': "import './d';",
      'src/d.ts': "import './c';",
      'src/e.ts': "import './e';",
    });
    expect(findCycles(graph.edges).map(describeCycle)).toEqual(['src/a.ts → src/b.ts → src/a.ts', 'src/c.ts → src/d.ts → src/c.ts', 'src/e.ts → src/e.ts']);
  });

  it('names a circle between folders by the file imports behind it', () => {
    const graph = tree({
      'src/x/one.ts': "import '../y/two';",
      'src/y/two.ts': "import '../y/three';",
      'src/y/three.ts': "import '../x/four';",
      'src/x/four.ts': 'export {};',
    });
    expect(findCycles(graph.edges)).toEqual([]);
    const folders = groupGraph(graph, (p) => p.split('/')[1]);
    expect(findCycles(folders).map(describeCycle)).toEqual(['x → y [src/x/one.ts → src/y/two.ts] → x [src/y/three.ts → src/x/four.ts]']);
  });

  it('reads every form of import, and reports relative imports of code it cannot resolve', () => {
    const text = [
      "import a from './a';",
      "import type { B } from './b';",
      "import { type C } from './c';",
      "import { type D, d } from './d';",
      "export * from './e';",
      "export type { F } from './f';",
      "import './g';",
      "const h = () => import('./h');",
      "type I = import('./i').I;",
      "import j = require('./j');",
      "import k from 'zod';",
      "import l from './l.json';",
    ].join('\n');
    expect(specifiersOf('src/x.ts', text)).toEqual([
      { specifier: './a', typeOnly: false },
      { specifier: './b', typeOnly: true },
      { specifier: './c', typeOnly: true },
      { specifier: './d', typeOnly: false },
      { specifier: './e', typeOnly: false },
      { specifier: './f', typeOnly: true },
      { specifier: './g', typeOnly: false },
      { specifier: './h', typeOnly: false },
      { specifier: './i', typeOnly: true },
      { specifier: './j', typeOnly: false },
      { specifier: 'zod', typeOnly: false },
      { specifier: './l.json', typeOnly: false },
    ]);
    const graph = importGraph(new Map([['src/x.ts', "import './gone';\nimport './data.json';\nimport './y.js';"], ['src/y.ts', '']]));
    expect(graph.edges.get('src/x.ts')!.map((e) => e.to)).toEqual(['src/y.ts']);
    expect(graph.unresolved).toEqual([{ from: 'src/x.ts', specifier: './gone' }]);
  });
});

describe('the source tree has no import circles', () => {
  const graph = importGraph(readSources(root, ['electron', 'renderer']));

  it('reads the whole tree and resolves every relative import of code (else the checks below would be blind)', () => {
    expect(graph.edges.size).toBeGreaterThan(100);
    expect(graph.unresolved.map((u) => `${u.from}: '${u.specifier}'`)).toEqual([]);
  });

  it('between files in electron/ and renderer/', () => {
    expect(findCycles(graph.edges).map(describeCycle), 'import circles between files').toEqual([]);
  });

  it('between the feature folders of renderer/features (tests left out)', () => {
    expect(findCycles(groupGraph(graph, rendererFeature)).map(describeCycle), 'import circles between renderer features').toEqual([]);
  });

  it('between the folders of electron/core (handler slices and tests left out)', () => {
    expect(findCycles(groupGraph(graph, coreFolder)).map(describeCycle), 'import circles between core folders').toEqual([]);
  });
});
