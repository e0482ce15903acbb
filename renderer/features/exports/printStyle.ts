/**
 * The page box of a printed summary: A4, and the running texts every page carries, set in CSS
 * page-margin boxes (Chromium lays them out in printToPDF and page.pdf). The texts come from the
 * case (the recipient, the exporter's name), so they enter the style sheet only as escaped CSS
 * strings: whatever they hold, they can end neither the string, nor the rule, nor the <style>.
 */
import type { RunningTexts } from './summaryFormat';

/**
 * A CSS string literal holding exactly `value`. Quotes and backslashes are escaped; every control
 * character, and `<` `>` `&`, is written as a hex escape (CSS Syntax §4.3.7), so a newline cannot end
 * the string and "</style>" never appears in the sheet. A lone surrogate or NUL becomes U+FFFD.
 */
export function cssString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0xfffd;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (cp === 0 || (cp >= 0xd800 && cp <= 0xdfff)) out += '\ufffd';
    else if (cp < 0x20 || cp === 0x7f || ch === '<' || ch === '>' || ch === '&') out += `\\${cp.toString(16)} `;
    else out += ch;
  }
  return `${out}"`;
}

/** The page's margins: room for one line of running text at the top and two at the bottom. */
const PAGE_MARGIN = '18mm 16mm 22mm 16mm';
const RUNNING_FONT = `font-family: "Noto Sans JP", sans-serif; font-size: 7.5pt; line-height: 1.45; color: #333;`;

/** The @page rule with its margin boxes, every dynamic text escaped. */
export function pageCss(r: RunningTexts): string {
  const [before, between, after] = r.page.map(cssString);
  return `@page {
  size: A4;
  margin: ${PAGE_MARGIN};
  @top-left { content: ${cssString(r.confidential)}; ${RUNNING_FONT} font-size: 9pt; font-weight: 700; color: #8a1c1c; vertical-align: bottom; padding-bottom: 4mm; }
  @top-right { content: ${cssString(r.number)}; ${RUNNING_FONT} font-size: 8.5pt; font-weight: 700; vertical-align: bottom; padding-bottom: 4mm; text-align: right; }
  @bottom-left { content: ${cssString(r.recipient)} "\\a " ${cssString(r.exporter)}; ${RUNNING_FONT} white-space: pre-wrap; vertical-align: top; padding-top: 3mm; width: 62%; }
  @bottom-right { content: ${before} counter(page) ${between} counter(pages) ${after} "\\a " ${cssString(r.anchor)}; ${RUNNING_FONT} white-space: pre-wrap; vertical-align: top; padding-top: 3mm; text-align: right; width: 34%; }
}`;
}
