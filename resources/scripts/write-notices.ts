/**
 * `npm run notices`: writes resources/licenses/ from node_modules (see notices.ts). Run it after a
 * production dependency is added, removed or updated; the packaging test fails until it is.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FONT_LICENSE_FILE, NOTICES_FILE, productionPackages, renderFontLicense, renderNotices } from './notices';

const ROOT = resolve(__dirname, '../..');

for (const [file, text] of [
  [NOTICES_FILE, renderNotices(ROOT)],
  [FONT_LICENSE_FILE, renderFontLicense(ROOT)],
] as const) {
  mkdirSync(dirname(join(ROOT, file)), { recursive: true });
  writeFileSync(join(ROOT, file), text);
  console.log(`wrote ${file}`);
}
console.log(`${productionPackages(ROOT).length} production packages listed.`);
