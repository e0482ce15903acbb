import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ERROR_CODES, ERROR_MESSAGES, LOCALES, type ErrorCode, type Locale } from '../../electron/common/errors';
import caseListEn from '../features/cases/list/i18n.en.json';
import caseListJa from '../features/cases/list/i18n.ja.json';
import casePageEn from '../features/cases/page/i18n.en.json';
import casePageJa from '../features/cases/page/i18n.ja.json';
import en from './en.json';
import ja from './ja.json';
import vocabEn from './vocab/en.json';
import vocabJa from './vocab/ja.json';

// Error texts live once, in electron/common/errors.ts, shared with core and the CLI; they are
// merged in here as `errors.<CODE>` instead of being copied into the JSON files. The case-file
// vocabulary (`vocab.*`) and the case screens' texts (`caseList.*`, `casePage.*`) have files of
// their own, merged the same way.
type Messages = typeof en & {
  errors: Record<ErrorCode, string>;
  vocab: typeof vocabEn;
  caseList: typeof caseListEn;
  casePage: typeof casePageEn;
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

const uiMessages: Record<Locale, Omit<Messages, 'errors'>> = {
  en: { ...en, vocab: vocabEn, caseList: caseListEn, casePage: casePageEn },
  ja: { ...ja, vocab: vocabJa, caseList: caseListJa, casePage: casePageJa },
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
