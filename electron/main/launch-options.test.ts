import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchLanguage, resolveDataDir, toLocale } from './launch-options';

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

describe('launchLanguage (the --lang Chromium starts with)', () => {
  const none = { argv: ['mamori'], env: {}, systemLanguages: [] as string[] };

  it('follows the operating system’s preferred language, as one of the two the app speaks', () => {
    expect(launchLanguage({ ...none, systemLanguages: ['ja-JP', 'en-US'] })).toBe('ja');
    expect(launchLanguage({ ...none, systemLanguages: ['en-GB'] })).toBe('en-US');
    expect(launchLanguage({ ...none, systemLanguages: ['vi-VN', 'ja-JP'] })).toBe('en-US');
  });

  it('reads the POSIX environment where the system names no language', () => {
    expect(launchLanguage({ ...none, env: { LANG: 'ja_JP.UTF-8' } })).toBe('ja');
    expect(launchLanguage({ ...none, env: { LANGUAGE: 'ja:en', LANG: 'en_US.UTF-8' } })).toBe('ja');
    expect(launchLanguage({ ...none, env: { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' } })).toBe('ja');
    expect(launchLanguage(none)).toBe('en-US');
  });

  it('keeps a --lang given on the command line', () => {
    expect(launchLanguage({ ...none, argv: ['mamori', '--lang=ja'], systemLanguages: ['en-US'] })).toBeNull();
    expect(launchLanguage({ ...none, argv: ['mamori', '--lang', 'en-GB'] })).toBeNull();
  });
});
