import { describe, expect, it } from 'vitest';
import { nameKey, nameQueryWords, nameTerms, prefixEnd } from './nameSearch';

const person = (p: Partial<Parameters<typeof nameTerms>[0]>) => nameTerms({ familyName: '', givenName: '', familyNameNative: '', givenNameNative: '', aliases: [], ...p });
/** What the index's range scan does: a term begins with the word. */
const finds = (terms: string[], query: string) => nameQueryWords(query).every((w) => terms.some((t) => t >= w && (prefixEnd(w) === null || t < prefixEnd(w)!)));

describe('nameKey', () => {
  it('folds full-width Latin and case', () => {
    expect(nameKey('ＳＡＮＴＯＳ')).toBe('santos');
    expect(nameKey('Santos')).toBe(nameKey('SANTOS'));
  });

  it('folds half-width katakana, katakana and hiragana together, voicing marks kept', () => {
    expect(nameKey('ﾀﾅｶ')).toBe('たなか');
    expect(nameKey('タナカ')).toBe('たなか');
    expect(nameKey('ｶﾞﾙｼｱ')).toBe('がるしあ');
    expect(nameKey('ガルシア')).not.toBe(nameKey('カルシア'));
    expect(nameKey('グエン')).toBe('ぐえん');
  });

  it('drops accents on Latin letters, composed or combining', () => {
    expect(nameKey('Nguyễn')).toBe('nguyen');
    expect(nameKey('Nguye\u0302\u0303n')).toBe('nguyen');
    expect(nameKey('José')).toBe(nameKey('Jose\u0301'));
    expect(nameKey('Đặng')).toBe('dang');
    expect(nameKey('Straße')).toBe('strasse');
  });

  it('drops joiners inside a word', () => {
    expect(nameKey("O'Brien")).toBe('obrien');
    expect(nameKey('Jean-Pierre')).toBe('jeanpierre');
  });

  it('keeps kanji and emoji whole', () => {
    expect(nameKey('田中')).toBe('田中');
    expect(nameKey('🌸Sakura')).toBe('🌸sakura');
    expect(nameKey('👩🏽‍🦱')).toBe('👩🏽‍🦱');
  });
});

describe('nameTerms', () => {
  it('indexes every word of every name field once, the parts of joined words, and the native name written together', () => {
    expect(person({ familyName: 'NGUYEN', givenName: 'Thi Lan', familyNameNative: '阮', givenNameNative: '氏蘭', aliases: ['Lan-Anh', 'Lan'] })).toEqual(
      ['anh', 'lan', 'lananh', 'nguyen', 'thi', '氏蘭', '阮', '阮氏蘭'].sort(),
    );
  });

  it('finds by prefix, by given name, by the full name in either order, in either kana', () => {
    const terms = person({ familyName: 'BAUTISTA', givenName: 'Maria Fictiva', familyNameNative: 'タナカ', givenNameNative: 'ハナコ' });
    expect(finds(terms, 'bautista')).toBe(true);
    expect(finds(terms, 'ba')).toBe(true);
    expect(finds(terms, 'Ｍａｒｉａ')).toBe(true);
    expect(finds(terms, 'fictiva bautista')).toBe(true);
    expect(finds(terms, 'たなか')).toBe(true);
    expect(finds(terms, 'ﾀﾅ')).toBe(true);
    expect(finds(terms, 'たなかはなこ')).toBe(true);
    expect(finds(terms, 'tista')).toBe(false);
    expect(finds(terms, 'bautista jose')).toBe(false);
  });

  it('gives no terms for empty names and no empty term', () => {
    expect(person({})).toEqual([]);
    expect(person({ familyName: ' - ', givenName: "'" })).toEqual([]);
    expect(nameQueryWords(' ・ ')).toEqual([]);
  });
});

describe('prefixEnd', () => {
  it('is the least string after every string with the prefix, in code point order', () => {
    expect(prefixEnd('le')).toBe('lf');
    expect(prefixEnd('たな')).toBe('たに');
    expect(prefixEnd('a\u{10ffff}')).toBe('b');
    expect(prefixEnd('\u{10ffff}')).toBeNull();
    expect(prefixEnd('\ud7ff')).toBe('\ue000');
    expect(prefixEnd('🌸')).toBe('🌹');
  });

  it('bounds exactly the strings that begin with the prefix (as UTF-8 bytes compare)', () => {
    const all = ['le', 'lea', 'le\u{10ffff}', 'lf', 'ld\u{10ffff}', 'l', 'lé', 'le🌸'];
    const bytes = (s: string) => Buffer.from(s, 'utf8');
    const inRange = all.filter((s) => Buffer.compare(bytes(s), bytes('le')) >= 0 && Buffer.compare(bytes(s), bytes(prefixEnd('le')!)) < 0);
    expect(inRange.sort()).toEqual(all.filter((s) => s.startsWith('le')).sort());
  });
});
