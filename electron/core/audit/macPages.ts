/**
 * The hashing of the audit MAC pass, on worker threads. Each entry's MAC covers its canonical form
 * and the stored MAC before it, so a page of entries can be checked on its own given the MAC just
 * before the page: SQLite reads the next pages (on its own thread) while the workers hash, and the
 * main thread, which also serves the screen, stays free. Where workers cannot run, or one fails, the
 * same check runs on this thread: it can only be slower, never answer differently.
 *
 * The key reaches the workers in memory (workerData), never anything on disk; they live for one
 * verification.
 */
import * as nodeCrypto from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * What the check of one page found: every entry's MAC verified ('ok', with the page's last MAC);
 * the fast form disagreed at entry `at` (0-based), after the entries before it verified ('disagree',
 * with the MAC just before it: the entry as written must decide); or the text did not split into
 * `n` entries ('recount': the page is checked row by row).
 */
export type PageCheck = { kind: 'ok'; lastMac: string } | { kind: 'disagree'; at: number; macBefore: string } | { kind: 'recount' };

/**
 * Makes the check of one page of the MAC pass's text (see MAC_PASS_ENTRY), as the UTF-8 bytes
 * SQLite wrote: entries between record separators (0x1e), each its canonical form, a unit
 * separator (0x1f) and its MAC. Neither byte occurs inside a multi-byte UTF-8 character. The bytes
 * are hashed as they are: no JavaScript string is made of an entry, so none is decoded or encoded
 * again. Its source is sent to the workers as text, so it must use nothing but its arguments (no
 * imports, no outer names).
 *
 * HMAC-SHA256 is computed by its definition (RFC 2104) over two one-shot hashes into reused
 * buffers: creating an HMAC object per entry costs more than the hashing itself.
 */
export function pageChecker(crypto: typeof nodeCrypto, key: Uint8Array): (page: Uint8Array, n: number, prevMac: string) => PageCheck {
  const BLOCK = 64;
  const k = key.length > BLOCK ? crypto.createHash('sha256').update(key).digest() : Buffer.from(key);
  const outer = Buffer.alloc(BLOCK + 32);
  let inner = Buffer.alloc(1 << 16);
  for (let i = 0; i < BLOCK; i++) {
    inner[i] = (k[i] ?? 0) ^ 0x36;
    outer[i] = (k[i] ?? 0) ^ 0x5c;
  }
  const oneShot = typeof crypto.hash === 'function';
  /**
   * The HMAC, as hex, of `bytes` from `from` to `to`, a newline, and the MAC before it: `previous`
   * from `prevFrom` to `prevTo` (ranges of the page, copied straight into the hashed buffer).
   */
  const mac = (bytes: Buffer, from: number, to: number, previous: Buffer, prevFrom: number, prevTo: number): string => {
    if (!oneShot) return crypto.createHmac('sha256', k).update(bytes.subarray(from, to)).update('\n').update(previous.subarray(prevFrom, prevTo)).digest('hex');
    const most = BLOCK + (to - from) + 1 + (prevTo - prevFrom);
    if (most > inner.length) {
      const bigger = Buffer.alloc(Math.max(most, 2 * inner.length));
      inner.copy(bigger, 0, 0, BLOCK);
      inner = bigger;
    }
    let end = BLOCK + bytes.copy(inner, BLOCK, from, to);
    inner[end++] = 0x0a;
    end += previous.copy(inner, end, prevFrom, prevTo);
    crypto.hash('sha256', inner.subarray(0, end), 'buffer').copy(outer, BLOCK);
    return crypto.hash('sha256', outer, 'hex');
  };
  return (page, n, prevMac) => {
    const bytes = Buffer.from(page.buffer, page.byteOffset, page.byteLength);
    let entries = 1;
    for (let i = bytes.indexOf(0x1e); i >= 0; i = bytes.indexOf(0x1e, i + 1)) entries++;
    if (entries !== n) return { kind: 'recount' };
    // The MAC before the entry: the one handed in, then each entry's, where it lies in the page.
    let previous: Buffer = Buffer.from(prevMac, 'utf8');
    let prevFrom = 0;
    let prevTo = previous.length;
    let previousText = prevMac;
    let from = 0;
    for (let i = 0; i < n; i++) {
      let end = bytes.indexOf(0x1e, from);
      if (end < 0) end = bytes.length;
      const cut = from < end ? bytes.lastIndexOf(0x1f, end - 1) : -1;
      if (cut < from) return { kind: 'disagree', at: i, macBefore: previousText };
      // Read as latin1, a byte a character: a MAC that matches is hex, the same in UTF-8.
      const stored = bytes.toString('latin1', cut + 1, end);
      if (mac(bytes, from, cut, previous, prevFrom, prevTo) !== stored) return { kind: 'disagree', at: i, macBefore: previousText };
      previous = bytes;
      prevFrom = cut + 1;
      prevTo = end;
      previousText = stored;
      from = end + 1;
    }
    return { kind: 'ok', lastMac: previousText };
  };
}

/** What runs in each worker: the checker above, answering one message per page. */
const WORKER_SOURCE = `
var __name = (f) => f;
const { parentPort, workerData } = require('node:worker_threads');
const check = (${pageChecker.toString()})(require('node:crypto'), workerData.key);
workerData.key.fill(0);
parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, result: check(m.page, m.n, m.prevMac) }));
`;

export interface PageHasher {
  /** Checks a page, its bytes as SQLite wrote them; the hasher may take the bytes over: the caller must not use them after. */
  check(page: Uint8Array, n: number, prevMac: string): Promise<PageCheck>;
  /** How many pages each may have in flight for the pipe to stay full. */
  readonly parallel: number;
  /** Pages answered by the workers and on this thread (a worker that failed leaves its pages here). */
  readonly answered: { workers: number; here: number };
  close(): Promise<void>;
}

interface Pending {
  resolve: (r: PageCheck) => void;
  reject: (e: Error) => void;
}

class WorkerSlot {
  readonly pending = new Map<number, Pending>();
  failed = false;
  constructor(readonly worker: Worker) {
    worker.on('message', (m: { id: number; result: PageCheck }) => {
      this.pending.get(m.id)?.resolve(m.result);
      this.pending.delete(m.id);
    });
    const fail = (e: Error) => {
      this.failed = true;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('audit MAC worker exited')));
  }
}

/**
 * Starts the hashers for one verification: one worker per core (at most 4). `workers: 0` checks on
 * this thread only.
 */
export function startPageHasher(auditKey: Buffer, options: { workers?: number } = {}): PageHasher {
  const local = pageChecker(nodeCrypto, auditKey);
  const count = options.workers ?? Math.min(4, availableParallelism());
  const slots: WorkerSlot[] = [];
  for (let i = 0; i < count; i++) {
    try {
      // A copy of the key for the worker; the worker wipes it once its pads are made.
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { key: Uint8Array.from(auditKey) } });
      worker.unref();
      slots.push(new WorkerSlot(worker));
    } catch {
      break;
    }
  }
  let nextId = 0;
  let turn = 0;
  const answered = { workers: 0, here: 0 };
  const here = (page: Uint8Array, n: number, prevMac: string): PageCheck => {
    answered.here++;
    // A page handed to a worker that then failed is no longer here: it is read again, row by row.
    return page.byteLength === 0 && n > 0 ? { kind: 'recount' } : local(page, n, prevMac);
  };
  return {
    parallel: Math.max(1, slots.length),
    answered,
    check(page, n, prevMac) {
      const live = slots.filter((s) => !s.failed);
      if (live.length === 0) return Promise.resolve(here(page, n, prevMac));
      const slot = live[turn++ % live.length];
      const id = nextId++;
      // The page's memory moves to the worker rather than being copied, when the page is all of it.
      const whole = page.byteOffset === 0 && page.byteLength === page.buffer.byteLength && page.buffer instanceof ArrayBuffer;
      return new Promise<PageCheck>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, page, n, prevMac }, whole ? [page.buffer as ArrayBuffer] : []);
      }).then(
        (r) => {
          answered.workers++;
          return r;
        },
        () => here(page, n, prevMac),
      );
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
