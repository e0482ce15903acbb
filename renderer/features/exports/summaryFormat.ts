/**
 * The words and formats of a printed summary in ONE language: the job's, whatever the interface
 * shows at the moment. Core sends values as codes, dates and names (electron/common/summary.ts
 * `Value`); everything a reader sees is chosen here.
 */
import type { PrintFooter } from '../../../electron/common/contract.exports';
import type { Locale } from '../../../electron/common/errors';
import type { Value } from '../../../electron/common/summary';
import { formatDate, formatDateTime } from '../../i18n/format';
import { i18n } from '../../i18n/i18n';
import { displayName } from '../../i18n/labels';

/** Translation fixed to the summary's language; a missing key shows its fallback, never a key path. */
export interface SummaryLabels {
  locale: Locale;
  t(key: string, options?: Record<string, unknown>): string;
  has(key: string): boolean;
}

export function summaryLabels(locale: Locale): SummaryLabels {
  const fixed = i18n.getFixedT(locale) as unknown as (key: string, options?: Record<string, unknown>) => string;
  return {
    locale,
    t: (key, options) => fixed(key, options),
    has: (key) => i18n.exists(key, { lng: locale }),
  };
}

/**
 * Where each vocabulary named by summary.ts (`code` / `codes` values carry its name) is labelled:
 * the case file's vocabulary, the residence guidance, and the two lists only summaries use.
 */
export const LIST_KEYS: Readonly<Record<string, string>> = {
  sex: 'vocab.sex',
  ageBand: 'vocab.ageBand',
  nationality: 'vocab.nationality',
  language: 'vocab.language',
  statusOfResidence: 'vocab.statusOfResidence',
  statusValidity: 'vocab.statusValidity',
  legalStanding: 'vocab.standing',
  custody: 'vocab.custody',
  exploitationType: 'vocab.exploitationType',
  indicator: 'vocab.indicator',
  referralSource: 'vocab.referralSource',
  identificationStatus: 'vocab.identificationStatus',
  stage: 'vocab.stage',
  considerationKind: 'vocab.considerationKind',
  considerationLevel: 'vocab.considerationLevel',
  cooperationStatus: 'vocab.cooperationStatus',
  wish: 'vocab.wish',
  flag: 'vocab.flag',
  interviewStatus: 'vocab.interviewStatus',
  locationType: 'vocab.locationType',
  documentKind: 'vocab.documentKind',
  noteType: 'vocab.noteType',
  contactRoute: 'vocab.contactRoute',
  guidancePathway: 'guidance.pathway',
  guidanceReason: 'guidance.reason',
  guidanceMissing: 'guidance.missing',
  art505Factor: 'guidance.factor',
  worksheetItem: 'summary.worksheetItem',
  approvalState: 'summary.approvalState',
};

/** A code by its label; an unknown list or code is printed as recorded rather than dropped. */
export function codeText(l: SummaryLabels, list: string, code: string): string {
  const key = `${LIST_KEYS[list] ?? `vocab.${list}`}.${code}`;
  return l.has(key) ? l.t(key) : code;
}

/** A calendar day as the reader writes it: 2026/11/29 in Japanese, Nov 29, 2026 in English. */
export const dayText = (l: SummaryLabels, iso: string | null) => (iso ? formatDate(l.locale, iso) : l.t('summary.value.none'));

/** The date a summary was made, in full: Japanese adds the era (令和8年11月29日), as agencies date their papers. */
export function issueDateText(l: SummaryLabels, iso: string): string {
  const day = formatDate(l.locale, iso);
  if (l.locale !== 'ja') return day;
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const era = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(y, m - 1, d));
  return `${day}（${era}）`;
}

/** One value that is not a table, as text. `capitalFamily`: a legal name's family name in capitals, as on a passport. */
export function valueText(l: SummaryLabels, value: Exclude<Value, { t: 'table' }>, { capitalFamily = false } = {}): string {
  const none = l.t('summary.value.none');
  switch (value.t) {
    case 'text':
      return value.v.trim() === '' ? none : value.v;
    case 'date':
      return dayText(l, value.v);
    case 'datetime':
      return value.v ? formatDateTime(l.locale, value.v) : none;
    case 'bool':
      return l.t(value.v ? 'summary.value.yes' : 'summary.value.no');
    case 'code':
      return value.v ? codeText(l, value.list, value.v) : none;
    case 'codes':
      return value.v.length ? value.v.map((c) => codeText(l, value.list, c)).join(l.locale === 'ja' ? '、' : ', ') : none;
    case 'name':
      return displayName(l.locale, capitalFamily ? value.family.toUpperCase() : value.family, value.given) || none;
  }
}

/** What every page carries in its margins (DESIGN.md §7), as text in the summary's language. */
export interface RunningTexts {
  confidential: string;
  /** The export number and copy, or that a preview is not numbered. */
  number: string;
  recipient: string;
  exporter: string;
  anchor: string;
  /** "Page n of N" around the page counters: the text before, between and after them. */
  page: [before: string, between: string, after: string];
}

/** Whitespace runs (a newline typed into the recipient) become one space: a page margin holds one line. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function runningTexts(l: SummaryLabels, footer: PrintFooter): RunningTexts {
  // Private-use sentinels, which no translation contains, mark where the counters go.
  const [before = '', between = '', after = ''] = l.t('summary.running.page', { page: '\ue000', pages: '\ue001' }).split(/[\ue000\ue001]/);
  return {
    confidential: l.t('summary.running.confidential'),
    number: footer.number ? l.t('summary.running.number', { number: footer.number, copy: footer.copy ?? 1 }) : l.t('summary.running.preview'),
    recipient: l.t('summary.running.recipient', { recipient: oneLine(footer.recipient) }),
    exporter: l.t('summary.running.exporter', { exporter: oneLine(footer.exporter), date: dayText(l, footer.exportedOn) }),
    anchor: l.t('summary.running.anchor', { seq: footer.anchor.seq, mac: footer.anchor.mac }),
    page: [before, between, after],
  };
}
