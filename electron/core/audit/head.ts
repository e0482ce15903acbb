/**
 * Rollback evidence (DESIGN.md §2): after every committed change, and on lock and close, the audit
 * head is recorded beside the keyslots under a MAC whose key lives in the vault. SQLCipher cannot
 * notice an older copy of the whole file being put back; this record can. A missing record is
 * refused like an altered one: deleting it must not be a way around it.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AuditHead } from './audit.service';
import { CoreError } from '../errors';
import { hmacHex, safeEqualHex } from '../crypto/crypto';
import { writeFileAtomic, writeFileAtomicAsync } from '../db/files';

const HeadFileSchema = z.object({ seq: z.number().int().min(0), macPrefix: z.string(), at: z.string(), mac: z.string() });

const PREFIX = 16;
const body = (seq: number, macPrefix: string, at: string) => JSON.stringify([seq, macPrefix, at]);

function headText(headKey: Buffer, head: AuditHead, at: string): string {
  const macPrefix = head.mac.slice(0, PREFIX);
  return JSON.stringify({ seq: head.seq, macPrefix, at, mac: hmacHex(headKey, body(head.seq, macPrefix, at)) }) + '\n';
}

/** Records written in the background (`recordHeadSoon`), by path: the one being written and the next. */
const inFlight = new Map<string, { next: string | undefined; done: Promise<void> }>();

/** Writes the record now. Never while a background write to the same path is under way (`headRecorded` first). */
export function writeHead(path: string, headKey: Buffer, head: AuditHead, at: string): void {
  if (inFlight.has(path)) throw new Error('head record: a background write is under way (await headRecorded first)');
  writeFileAtomic(path, headText(headKey, head, at));
}

/**
 * Records the head after a commit without holding the caller up: the record is made (and MAC'd)
 * now, while the key is live, and written atomically on the thread pool. Writes to one path never
 * overlap; a record made while one is being written replaces any still waiting (the newest wins,
 * and it is never older than what it replaces). Until it is written the file is behind the trail by
 * the commits since, exactly as after a crash between a commit and the record: the next opening
 * records that (`vault.head-behind`). The save no longer waits for the write (about 0.7 ms: fsyncs and a rename).
 */
export function recordHeadSoon(path: string, headKey: Buffer, head: AuditHead, at: string): void {
  const text = headText(headKey, head, at);
  const pending = inFlight.get(path);
  if (pending) {
    pending.next = text;
    return;
  }
  const w: { next: string | undefined; done: Promise<void> } = { next: text, done: Promise.resolve() };
  inFlight.set(path, w);
  w.done = (async () => {
    try {
      for (let t = w.next; t !== undefined; t = w.next) {
        w.next = undefined;
        // A failed write leaves the older record: the next commit, or closing, writes it again.
        await writeFileAtomicAsync(path, t).catch(() => undefined);
      }
    } finally {
      inFlight.delete(path);
    }
  })();
}

/** Resolves once no background write to `path` is under way (closing awaits it before the last record). */
export async function headRecorded(path: string): Promise<void> {
  while (inFlight.has(path)) await inFlight.get(path)!.done;
}

/**
 * Refuses a database whose audit trail is behind, or is not a continuation of, the recorded head:
 * an older copy put back, or another copy of the vault swapped in (whose trail went another way).
 * A missing record is refused (VAULT_HEAD_MISSING) unless `missing: 'accept'` (an administrator
 * accepted it with a reason, audited by the caller); an altered one always is.
 * `macAt` reads the MAC of one entry of the current trail. Returns 'missing', or the recorded
 * sequence number: below the trail's head when the trail went on past the record (a crash between a
 * commit and the record's write, or an older record put back: the caller records it).
 */
export async function checkHead(
  path: string,
  headKey: Buffer,
  current: AuditHead,
  macAt: (seq: number) => Promise<string | undefined>,
  missing: 'refuse' | 'accept' = 'refuse',
): Promise<'missing' | { recordedSeq: number }> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new CoreError('VAULT_ROLLED_BACK', 'head record unreadable');
    if (missing === 'accept') return 'missing';
    throw new CoreError('VAULT_HEAD_MISSING');
  }
  const parsed = HeadFileSchema.safeParse((() => { try { return JSON.parse(text); } catch { return null; } })());
  if (!parsed.success) throw new CoreError('VAULT_ROLLED_BACK', 'head record unreadable');
  const rec = parsed.data;
  if (!safeEqualHex(hmacHex(headKey, body(rec.seq, rec.macPrefix, rec.at)), rec.mac)) {
    throw new CoreError('VAULT_ROLLED_BACK', 'head record altered');
  }
  if (current.seq < rec.seq) throw new CoreError('VAULT_ROLLED_BACK', `audit head ${current.seq} < recorded ${rec.seq}`);
  const then = current.seq === rec.seq ? current.mac : await macAt(rec.seq);
  if (rec.seq > 0 && then?.slice(0, PREFIX) !== rec.macPrefix) throw new CoreError('VAULT_ROLLED_BACK', 'audit trail differs from the record');
  return { recordedSeq: rec.seq };
}
