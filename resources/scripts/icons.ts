/**
 * Draws the app icon's PNGs, one per size electron-builder and the desktops ask for, from the one
 * drawing resources/icons/mamori.svg: `npm run icons`. Chromium renders them (Debian's, as in the
 * E2E harness; CHROMIUM_PATH overrides), on a transparent page, so the rounded corners stay clear.
 * The PNGs are committed as source assets of the package: run this again only when the SVG changes.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { ICON_SIZES, iconPngPath } from './packaging';

const ROOT = resolve(__dirname, '../..');
const SVG = join(ROOT, 'resources/icons/mamori.svg');

async function main(): Promise<void> {
  const svg = readFileSync(SVG).toString('base64');
  mkdirSync(join(ROOT, 'resources/icons/png'), { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-gpu'] });
  try {
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent"><img alt="" width="${size}" height="${size}" style="display:block" src="data:image/svg+xml;base64,${svg}"></body></html>`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const out = iconPngPath(ROOT, size);
      await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      console.log(`wrote ${out}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
