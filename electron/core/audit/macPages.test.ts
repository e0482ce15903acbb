import * as nodeCrypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { canonical, entryMac } from './audit.service';
import { pageChecker, startPageHasher, type PageHasher } from './macPages';

const key = Buffer.alloc(32, 7);

/** A page's text as the UTF-8 bytes SQLite hands over (in an ArrayBuffer of its own, as SQLite's are). */
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

type Row = Parameters<typeof entryMac>[1];

function row(seq: number, details: Record<string, unknown>, nulls = false): Row {
  return {
    seq,
    at: '2026-11-29T10:00:00.000Z',
    actor_id: nulls ? null : `user-${seq}`,
    actor_role: nulls ? null : 'officer',
    action: 'case.viewed',
    case_ref: nulls ? null : `TV-2026-${String(seq).padStart(4, '0')}`,
    target: null,
    details: JSON.stringify(details),
  };
}

/** A page as the MAC pass's SQL writes it (MAC_PASS_ENTRY; tests/integration/audit-macpass.test.ts holds SQLite to that), with every MAC chained from `prevMac`. */
function page(rows: Row[], prevMac = ''): { text: string; macs: string[] } {
  const macs: string[] = [];
  let previous = prevMac;
  const entries = rows.map((r) => {
    const mac = entryMac(key, r, previous);
    macs.push(mac);
    previous = mac;
    return `${canonical(r)}\x1f${mac}`;
  });
  return { text: entries.join('\x1e'), macs };
}

const rows = [
  row(1, { reason: 'review' }),
  row(2, { note: '面談の日程 ✓ 🌸 café', rtl: 'שלום' }, true),
  row(3, { long: 'x'.repeat(100_000) + 'é'.repeat(30_000) }),
  row(4, {}),
];

describe('pageChecker', () => {
  const check = pageChecker(nodeCrypto, key);

  it('accepts a page whose every MAC is the audit key’s HMAC of the entry and the MAC before it, across non-Latin text, nulls and entries beyond its buffer', () => {
    const { text, macs } = page(rows);
    expect(check(utf8(text), rows.length, '')).toEqual({ kind: 'ok', lastMac: macs[3] });
    // A page later in the chain starts from the stored MAC before it.
    const later = page([row(5, { a: 1 }), row(6, { b: 2 })], macs[3]);
    expect(check(utf8(later.text), 2, macs[3])).toEqual({ kind: 'ok', lastMac: later.macs[1] });
  });

  it('names the first entry it cannot vouch for, with the verified MAC before it', () => {
    const { text, macs } = page(rows);
    const edited = text.replace('面談', '面接');
    expect(check(utf8(edited), rows.length, '')).toEqual({ kind: 'disagree', at: 1, macBefore: macs[0] });
    expect(check(utf8(text), rows.length, 'not the previous mac')).toEqual({ kind: 'disagree', at: 0, macBefore: 'not the previous mac' });
    // A separator where JSON would have escaped it.
    expect(check(utf8(text.replace('review', 'rev\x1fiew')), rows.length, '')).toEqual({ kind: 'disagree', at: 0, macBefore: '' });
  });

  it('asks for a recount when a value holds the record separator', () => {
    const { text } = page(rows);
    expect(check(utf8(text.replace('review', 'rev\x1eiew')), rows.length, '')).toEqual({ kind: 'recount' });
  });

  it('computes the same HMAC without one-shot hashing (older Node)', () => {
    const withoutHash = pageChecker({ ...nodeCrypto, hash: undefined } as unknown as typeof nodeCrypto, key);
    const { text, macs } = page(rows);
    expect(withoutHash(utf8(text), rows.length, '')).toEqual({ kind: 'ok', lastMac: macs[3] });
  });
});

describe('startPageHasher', () => {
  let hasher: PageHasher | undefined;
  afterEach(async () => {
    await hasher?.close();
    hasher = undefined;
  });

  it.each([2, 0])('answers as the checker does with %i workers, pages in flight at once', async (workers) => {
    hasher = startPageHasher(key, { workers });
    expect(hasher.parallel).toBe(Math.max(1, workers));
    const { text, macs } = page(rows);
    const edited = text.replace('面談', '面接');
    const answers = await Promise.all([hasher.check(utf8(text), rows.length, ''), hasher.check(utf8(edited), rows.length, ''), hasher.check(Buffer.from(text), rows.length, '')]);
    expect(answers).toEqual([
      { kind: 'ok', lastMac: macs[3] },
      { kind: 'disagree', at: 1, macBefore: macs[0] },
      { kind: 'ok', lastMac: macs[3] },
    ]);
    expect(hasher.answered).toEqual(workers ? { workers: 3, here: 0 } : { workers: 0, here: 3 });
  });

  it('moves a page that is all of its memory to the worker instead of copying it, and copies one that shares its memory', async () => {
    hasher = startPageHasher(key, { workers: 1 });
    const { text, macs } = page(rows);
    const own = utf8(text);
    const shared = Buffer.from(`${'-'.repeat(16)}${text}`).subarray(16);
    const answers = Promise.all([hasher.check(own, rows.length, ''), hasher.check(shared, rows.length, '')]);
    expect(own.byteLength).toBe(0);
    expect(shared.toString()).toBe(text);
    expect(await answers).toEqual([
      { kind: 'ok', lastMac: macs[3] },
      { kind: 'ok', lastMac: macs[3] },
    ]);
  });

  it('asks for a page to be read again when its bytes went to a worker that then failed', async () => {
    hasher = startPageHasher(key, { workers: 0 });
    const gone = utf8(page(rows).text);
    structuredClone(gone, { transfer: [gone.buffer] });
    expect(await hasher.check(gone, rows.length, '')).toEqual({ kind: 'recount' });
  });
});
