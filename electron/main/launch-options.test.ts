import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir, toLocale } from './launch-options';

describe('resolveDataDir', () => {
  const userDataPath = join('/home', 'officer', '.config', 'Mamori');

  it("defaults to the vault folder in Electron's userData", () => {
    expect(resolveDataDir({ env: {}, argv: ['mamori'], userDataPath })).toBe(join(userDataPath, 'vault'));
  });

  it('takes --data-dir=<dir> over the default', () => {
    expect(resolveDataDir({ env: {}, argv: ['mamori', '--data-dir=/srv/vault'], userDataPath })).toBe('/srv/vault');
  });

  it('takes MAMORI_DATA_DIR over --data-dir', () => {
    const argv = ['mamori', '--data-dir=/srv/vault'];
    expect(resolveDataDir({ env: { MAMORI_DATA_DIR: '/mnt/vault' }, argv, userDataPath })).toBe('/mnt/vault');
  });

  it('ignores an empty --data-dir= and an empty MAMORI_DATA_DIR', () => {
    expect(resolveDataDir({ env: { MAMORI_DATA_DIR: '' }, argv: ['--data-dir='], userDataPath })).toBe(
      join(userDataPath, 'vault'),
    );
  });
});

describe('toLocale', () => {
  it.each([
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['en-US', 'en'],
    ['vi', 'en'],
    ['', 'en'],
  ])('%s → %s', (system, locale) => {
    expect(toLocale(system)).toBe(locale);
  });
});
