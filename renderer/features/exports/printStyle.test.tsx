import { screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { printFooter, summaryDocument } from '../../test/summary';
import { renderPrintJob } from './printMode';
import { cssString, pageCss } from './printStyle';
import { runningTexts, summaryLabels } from './summaryFormat';

/**
 * Reads CSS as a CSS tokenizer does (CSS Syntax §4.3.5, §4.3.7): every string literal decoded, and
 * the rest kept with each string replaced by `S`. A string that a newline ends is a bad string: thrown.
 */
function tokens(css: string): { strings: string[]; skeleton: string } {
  const strings: string[] = [];
  let skeleton = '';
  let i = 0;
  while (i < css.length) {
    const quote = css[i];
    if (quote !== '"' && quote !== "'") {
      skeleton += quote;
      i += 1;
      continue;
    }
    let value = '';
    i += 1;
    for (;;) {
      if (i >= css.length) throw new Error('unterminated string');
      const c = css[i];
      if (c === quote) break;
      if (c === '\n' || c === '\r' || c === '\f') throw new Error('a newline ended a string');
      if (c !== '\\') {
        value += c;
        i += 1;
        continue;
      }
      const hex = /^[0-9a-fA-F]{1,6}/.exec(css.slice(i + 1));
      if (hex) {
        value += String.fromCodePoint(parseInt(hex[0], 16));
        i += 1 + hex[0].length;
        if (css[i] === ' ' || css[i] === '\t' || css[i] === '\n') i += 1;
      } else {
        value += css[i + 1];
        i += 2;
      }
    }
    i += 1;
    strings.push(value);
    skeleton += 'S';
  }
  return { strings, skeleton };
}

const HOSTILE = '{{exporter}} $t(summary.end) Shelter "A"\\; } body { display: none } @page { @top-left { content: "x" } }\n</style><script>alert(1)</script>\r\n& <b>';

describe('CSS strings of the running texts', () => {
  it('hold exactly the text, whatever it contains', () => {
    for (const text of [HOSTILE, 'plain', '宛先：東京出入国在留管理局', "it's", 'back\\slash', 'tab\there', 'emoji 🧾', '\u2028line\u2029']) {
      const { strings, skeleton } = tokens(cssString(text));
      expect(strings).toEqual([text]);
      expect(skeleton).toBe('S');
    }
  });

  it('replace NUL and lone surrogates, which CSS cannot hold, by U+FFFD', () => {
    expect(tokens(cssString('a\u0000b\ud800c')).strings).toEqual(['a\ufffdb\ufffdc']);
  });

  it('keep a hostile recipient inside its string: the page rule keeps its shape and no </style> appears', () => {
    const l = summaryLabels('en');
    const benign = pageCss(runningTexts(l, printFooter()));
    const hostile = pageCss(runningTexts(l, printFooter({ recipient: HOSTILE, exporter: '"}</style>' })));
    expect(tokens(hostile).skeleton).toBe(tokens(benign).skeleton);
    expect(tokens(hostile).strings).toContain(`Recipient: ${HOSTILE.replace(/\s+/g, ' ').trim()}`);
    expect(hostile).not.toMatch(/<\/style/i);
    expect(hostile).not.toMatch(/[<>]/);
  });

  it('put the page counters between the translated words of "page n of N"', () => {
    expect(runningTexts(summaryLabels('en'), printFooter()).page).toEqual(['Page ', ' of ', '']);
    expect(runningTexts(summaryLabels('ja'), printFooter()).page).toEqual(['', ' / ', ' ページ']);
    expect(pageCss(runningTexts(summaryLabels('ja'), printFooter()))).toContain('"" counter(page) " / " counter(pages) " ページ"');
  });
});

describe('print mode', () => {
  beforeAll(() => {
    // jsdom loads no fonts; the print window does. Stand-ins that are ready at once.
    Object.defineProperty(document, 'fonts', { configurable: true, value: { load: () => Promise.resolve([]), ready: Promise.resolve() } });
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  const job = (recipient: string) => JSON.stringify({ document: summaryDocument('decision-brief', ['whereabouts']), footer: printFooter({ recipient }), locale: 'ja', purpose: '決裁のため（架空）' });

  it('lays out the job in its language, with the running texts in a generated style, and needs no bridge to core', async () => {
    expect((window as unknown as { mamori?: unknown }).mamori).toBeUndefined();
    const container = document.body.appendChild(document.createElement('div'));
    await renderPrintJob(container, job(HOSTILE));

    expect(document.documentElement.lang).toBe('ja');
    expect(screen.getByRole('heading', { level: 1, name: '事案要約（決裁用）' })).toBeTruthy();
    expect(screen.getByRole('complementary', { name: 'この写しには秘匿情報が含まれています' })).toBeTruthy();
    const styles = [...container.querySelectorAll('style')];
    expect(styles).toHaveLength(1);
    const css = styles[0].textContent ?? '';
    expect(css).toContain('size: A4');
    const { strings } = tokens(css);
    expect(strings).toEqual(expect.arrayContaining(['取扱注意 / CONFIDENTIAL', '出力番号 EXP-2026-000123・第1部', `宛先：${HOSTILE.replace(/\s+/g, ' ').trim()}`, '監査記録 #4711・a1b2c3d4']));
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });

  it('refuses a job that is not a summary, so nothing half-made is printed', async () => {
    const container = document.body.appendChild(document.createElement('div'));
    await expect(renderPrintJob(container, JSON.stringify({ document: {}, footer: printFooter(), locale: 'ja' }))).rejects.toThrow();
    await expect(renderPrintJob(container, 'not json')).rejects.toThrow();
  });
});
