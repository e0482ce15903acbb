import { describe, expect, it } from 'vitest';
import * as cases from '../../electron/common/cases';
import { DATE_PROBLEMS } from '../../electron/common/dates';
import { READINESS_ITEMS } from '../../electron/common/interviewReadiness';
import * as guidance from '../../electron/common/guidance';
import * as immigration from '../../electron/common/immigration';
import * as protection from '../../electron/common/protection';
import { RETENTION_OUTCOMES } from '../../electron/common/retention';
import { localeFromLanguageTag, resources } from './i18n';

function flatten(tree: object, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') flatten(value, path).forEach((v, k) => entries.set(k, v));
    else entries.set(path, value);
  }
  return entries;
}

describe('translations', () => {
  const en = flatten(resources.en.translation);
  const ja = flatten(resources.ja.translation);

  it('has every key in both English and Japanese', () => {
    expect([...ja.keys()].filter((key) => !en.has(key))).toEqual([]);
    expect([...en.keys()].filter((key) => !ja.has(key))).toEqual([]);
  });

  it('has no empty or non-text values', () => {
    for (const [language, entries] of [
      ['en', en],
      ['ja', ja],
    ] as const) {
      const bad = [...entries].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
      expect(bad, language).toEqual([]);
    }
  });

  it('uses the same interpolation variables in both languages', () => {
    const variables = (text: unknown) => [...String(text).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const different = [...en.keys()].filter((key) => variables(en.get(key)).join() !== variables(ja.get(key)).join());
    expect(different).toEqual([]);
  });

  it('names every code of the case-file vocabulary and every audit action', () => {
    const lists: [string, readonly string[]][] = [
      ['stage', cases.STAGES],
      ['closingOutcome', RETENTION_OUTCOMES],
      ['riskLevel', cases.RISK_LEVELS],
      ['flag', cases.FLAGS],
      ['sex', cases.SEXES],
      ['statusOfResidence', immigration.STATUSES_OF_RESIDENCE],
      ['statusValidity', immigration.STATUS_VALIDITIES],
      ['custody', immigration.CUSTODY],
      ['standing', immigration.LEGAL_STANDINGS],
      ['screening', cases.SCREENING_STATES],
      ['exploitationType', cases.EXPLOITATION_TYPES],
      ['indicator', cases.INDICATORS],
      ['adverseRole', cases.ADVERSE_ROLES],
      ['referralSource', cases.REFERRAL_SOURCES],
      ['identificationStatus', cases.IDENTIFICATION_STATUSES],
      ['locationType', cases.LOCATION_TYPES],
      ['noteType', cases.NOTE_TYPES],
      ['sealedField', cases.SEALED_FIELDS],
      ['nationality', cases.COMMON_NATIONALITIES],
      ['language', cases.COMMON_LANGUAGES],
      ['placeType', protection.PLACE_TYPES],
      ['condition', protection.CONDITIONS],
      ['interviewStatus', protection.INTERVIEW_STATUSES],
      ['interviewOutcome', protection.INTERVIEW_OUTCOMES],
      ['readinessItem', READINESS_ITEMS],
      ['readinessStatus', protection.READINESS_STATUSES],
      ['considerationKind', protection.CONSIDERATION_KINDS],
      ['considerationLevel', protection.CONSIDERATION_LEVELS],
      ['cooperationStatus', protection.COOPERATION_STATUSES],
      ['wish', protection.WISHES],
      ['iomConsent', protection.IOM_CONSENTS],
    ];
    const missing = lists.flatMap(([list, codes]) => codes.map((code) => `vocab.${list}.${code}`)).filter((key) => !en.has(key));
    expect(missing).toEqual([]);
  });

  it('names every residence-guidance code', () => {
    const keys = [
      ...guidance.PATHWAYS.flatMap((c) => [`guidance.pathway.${c}`, `guidance.pathwayHelp.${c}`]),
      ...guidance.GUIDANCE_REASONS.map((c) => `guidance.reason.${c}`),
      ...guidance.GUIDANCE_MISSING.map((c) => `guidance.missing.${c}`),
      ...guidance.GUIDANCE_WARNINGS.map((c) => `guidance.warning.${c}`),
      ...guidance.ART_50_5_FACTORS.flatMap((c) => [`guidance.factor.${c}`, `guidance.factorHelp.${c}`]),
      ...Object.values(guidance.DOCUMENTS)
        .flat()
        .map((c) => `guidance.document.${c}`),
    ];
    expect(keys.filter((key) => !en.has(key))).toEqual([]);
  });

  it('explains every date core refuses, as a field issue it may send back', () => {
    const keys = ['date.invalid', ...DATE_PROBLEMS].map((problem) => `validation.${problem}`);
    expect(keys.filter((key) => !en.has(key))).toEqual([]);
  });

  it('includes the shared error messages', () => {
    expect(en.get('errors.BAD_CREDENTIALS')).toBe('The user name or passphrase is not correct.');
    expect(ja.get('errors.BAD_CREDENTIALS')).toBe('ユーザー名またはパスフレーズが正しくありません。');
  });
});

describe('localeFromLanguageTag', () => {
  it('chooses Japanese for any ja tag and English otherwise', () => {
    expect(localeFromLanguageTag('ja')).toBe('ja');
    expect(localeFromLanguageTag('ja-JP')).toBe('ja');
    expect(localeFromLanguageTag('en-GB')).toBe('en');
    expect(localeFromLanguageTag('vi-VN')).toBe('en');
    expect(localeFromLanguageTag(undefined)).toBe('en');
  });
});
