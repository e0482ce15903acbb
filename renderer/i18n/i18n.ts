import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ERROR_CODES, ERROR_MESSAGES, LOCALES, type ErrorCode, type Locale } from '../../electron/common/errors';
import backupEn from '../features/backup/i18n.en.json';
import backupJa from '../features/backup/i18n.ja.json';
import caseFieldsEn from '../features/cases/fields/i18n.en.json';
import caseFieldsJa from '../features/cases/fields/i18n.ja.json';
import caseListEn from '../features/cases/list/i18n.en.json';
import caseListJa from '../features/cases/list/i18n.ja.json';
import casePageEn from '../features/cases/page/i18n.en.json';
import casePageJa from '../features/cases/page/i18n.ja.json';
import guidanceEn from '../features/decisions/guidance.en.json';
import guidanceJa from '../features/decisions/guidance.ja.json';
import decisionsEn from '../features/decisions/i18n.en.json';
import decisionsJa from '../features/decisions/i18n.ja.json';
import exportsEn from '../features/exports/i18n.en.json';
import exportsJa from '../features/exports/i18n.ja.json';
import summaryEn from '../features/exports/summary.en.json';
import summaryJa from '../features/exports/summary.ja.json';
import interpretersEn from '../features/interpreters/i18n.en.json';
import interpretersJa from '../features/interpreters/i18n.ja.json';
import interviewsEn from '../features/interviews/i18n.en.json';
import interviewsJa from '../features/interviews/i18n.ja.json';
import protectionEn from '../features/protection/i18n.en.json';
import protectionJa from '../features/protection/i18n.ja.json';
import retentionEn from '../features/retention/i18n.en.json';
import retentionJa from '../features/retention/i18n.ja.json';
import workEn from '../features/work/i18n.en.json';
import workJa from '../features/work/i18n.ja.json';
import sealingEn from '../features/sealing/i18n.en.json';
import organisationsEn from '../features/organisations/i18n.en.json';
import organisationsJa from '../features/organisations/i18n.ja.json';
import sealingJa from '../features/sealing/i18n.ja.json';
import statisticsEn from '../features/statistics/i18n.en.json';
import statisticsJa from '../features/statistics/i18n.ja.json';
import en from './en.json';
import ja from './ja.json';
import vocabEn from './vocab/en.json';
import vocabJa from './vocab/ja.json';

// Error texts live once, in electron/common/errors.ts, shared with core and the CLI; they are
// merged in here as `errors.<CODE>` instead of being copied into the JSON files. The case-file
// vocabulary (`vocab.*`), the names of the case file's fields shared by the case list, intake and
// the case page (`caseFields.*`), and each feature's texts (`caseList.*`, `casePage.*`, `interviews.*`,
// `protection.*`, `interpreters.*`, `work.*`, `guidance.*`, `decisions.*`, `exports.*`, `backup.*`, `retention.*`, `sealing.*`, `organisations.*`, `statistics.*`, and
// the printed summary's own labels `summary.*`) have files of their own, merged the same way.
type Messages = typeof en & {
  errors: Record<ErrorCode, string>;
  vocab: typeof vocabEn;
  caseFields: typeof caseFieldsEn;
  caseList: typeof caseListEn;
  casePage: typeof casePageEn;
  interviews: typeof interviewsEn;
  protection: typeof protectionEn;
  interpreters: typeof interpretersEn;
  work: typeof workEn;
  guidance: typeof guidanceEn;
  decisions: typeof decisionsEn;
  exports: typeof exportsEn;
  summary: typeof summaryEn;
  backup: typeof backupEn;
  retention: typeof retentionEn;
  sealing: typeof sealingEn;
  organisations: typeof organisationsEn;
  statistics: typeof statisticsEn;
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

const uiMessages: Record<Locale, Omit<Messages, 'errors'>> = {
  en: { ...en, vocab: vocabEn, caseFields: caseFieldsEn, caseList: caseListEn, casePage: casePageEn, interviews: interviewsEn, protection: protectionEn, interpreters: interpretersEn, work: workEn, guidance: guidanceEn, decisions: decisionsEn, exports: exportsEn, summary: summaryEn, backup: backupEn, retention: retentionEn, sealing: sealingEn, organisations: organisationsEn, statistics: statisticsEn },
  ja: { ...ja, vocab: vocabJa, caseFields: caseFieldsJa, caseList: caseListJa, casePage: casePageJa, interviews: interviewsJa, protection: protectionJa, interpreters: interpretersJa, work: workJa, guidance: guidanceJa, decisions: decisionsJa, exports: exportsJa, summary: summaryJa, backup: backupJa, retention: retentionJa, sealing: sealingJa, organisations: organisationsJa, statistics: statisticsJa },
};

function messagesFor(locale: Locale): Messages {
  const errors = Object.fromEntries(ERROR_CODES.map((code) => [code, ERROR_MESSAGES[code][locale]])) as Record<
    ErrorCode,
    string
  >;
  return { ...uiMessages[locale], errors };
}

/** The complete translation tree per language, as i18next sees it. */
export const resources = Object.fromEntries(
  LOCALES.map((locale) => [locale, { translation: messagesFor(locale) }]),
) as Record<Locale, { translation: Messages }>;

/** Before anyone signs in, the interface follows the operating system's language. */
export function localeFromLanguageTag(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: localeFromLanguageTag(navigator.language),
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  // Resources are bundled, so initialise synchronously: the first render is already translated.
  initAsync: false,
  // React escapes; escaping twice would show entities.
  interpolation: { escapeValue: false },
});

// The document language drives screen readers and which CJK glyph forms the font uses.
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

export function currentLocale(): Locale {
  return localeFromLanguageTag(i18n.language);
}

export async function setUiLocale(locale: Locale): Promise<void> {
  await i18n.changeLanguage(locale);
}
