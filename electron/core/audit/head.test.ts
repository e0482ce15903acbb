import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkHead, headRecorded, recordHeadSoon, writeHead } from './head';

const key = Buffer.alloc(32, 9);
const macOf = (seq: number) => `${String(seq).padStart(4, '0')}`.repeat(16);
let dir: string;

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the head record written in the background', () => {
  it('ends with the newest record, whole and verifiable, and leaves no temp file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'mamori-head-'));
    const path = join(dir, 'head.json');
    for (let seq = 1; seq <= 50; seq++) recordHeadSoon(path, key, { seq, mac: macOf(seq) }, '2026-11-29T10:00:00.000Z');
    await headRecorded(path);

    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ seq: 50, macPrefix: macOf(50).slice(0, 16) });
    expect(await checkHead(path, key, { seq: 50, mac: macOf(50) }, async () => undefined)).toEqual({ recordedSeq: 50 });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['head.json']);
  });

  it('is never overtaken: a record written now waits for the background one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'mamori-head-'));
    const path = join(dir, 'head.json');
    recordHeadSoon(path, key, { seq: 7, mac: macOf(7) }, '2026-11-29T10:00:00.000Z');
    // Writing at once would race the background write, which could land after it with an older record.
    expect(() => writeHead(path, key, { seq: 8, mac: macOf(8) }, '2026-11-29T10:00:01.000Z')).toThrow(/background write/);
    await headRecorded(path);
    writeHead(path, key, { seq: 8, mac: macOf(8) }, '2026-11-29T10:00:01.000Z');
    expect(await checkHead(path, key, { seq: 8, mac: macOf(8) }, async () => undefined)).toEqual({ recordedSeq: 8 });
  });

  it('keeps the older record when a write fails, and writes the next one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'mamori-head-'));
    const path = join(dir, 'head.json');
    writeHead(path, key, { seq: 3, mac: macOf(3) }, '2026-11-29T10:00:00.000Z');
    // A record in a directory that does not exist cannot be written.
    recordHeadSoon(join(dir, 'missing', 'head.json'), key, { seq: 4, mac: macOf(4) }, '2026-11-29T10:00:01.000Z');
    await headRecorded(join(dir, 'missing', 'head.json'));
    expect(await checkHead(path, key, { seq: 3, mac: macOf(3) }, async () => undefined)).toEqual({ recordedSeq: 3 });
    recordHeadSoon(path, key, { seq: 5, mac: macOf(5) }, '2026-11-29T10:00:02.000Z');
    await headRecorded(path);
    expect(await checkHead(path, key, { seq: 5, mac: macOf(5) }, async () => undefined)).toEqual({ recordedSeq: 5 });
  });
});
