/**
 * `cases purge [--dry-run]`: the administrator's purge of closed cases past their retention period,
 * through the same dispatcher, policy, audit entries and errors as the app. Trusts argv for the data
 * directory, the user name and the reason only; the passphrase comes from prompt.ts.
 */
import { createInterface } from 'node:readline/promises';
import type { SessionInfo } from '../common/accounts';
import { PURGE_BATCH_MAX, type PurgedCase, type PurgeRow } from '../common/contract.retention';
import { errorMessage } from '../common/errors';
import type { Result } from '../common/contract';
import type { MamoriCoreApi } from '../core/index';
import { createCore } from '../core/index';
import { CliInputError, readPassphrase } from './prompt';

type Out = (line: string) => void;

/** A refusal from core, printed as the app would word it (and its field problems, if any). */
class Refused extends Error {}

async function call<T>(core: MamoriCoreApi, channel: string, input: unknown): Promise<T> {
  const r = (await core.dispatch(channel, input)) as Result<T>;
  if (!r.ok) throw new Refused(`${r.error.message}${r.error.issues ? ` (${r.error.issues.map((i) => `${i.path}: ${i.message}`).join(', ')})` : ''}`);
  return r.value;
}

const describe = (r: PurgeRow) => `${r.reference.padEnd(14)} ${r.outcome.padEnd(18)} closed ${r.closedOn}  due ${r.dueOn}`;

/** What a terminal is for this command: where the progress line goes, and how a confirmation is asked. */
export interface Terminal {
  /** A progress line, rewritten in place (only on a terminal). */
  progress: ((text: string) => void) | null;
  /** Asks for a typed confirmation; null when there is no one to ask (not a terminal). */
  confirm: ((question: string) => Promise<string>) | null;
}

export function processTerminal(): Terminal {
  const tty = !!process.stderr.isTTY;
  return {
    progress: tty ? (text) => process.stderr.write(`\r\u001b[2K${text}`) : null,
    confirm:
      tty && process.stdin.isTTY
        ? async (question) => {
            const rl = createInterface({ input: process.stdin, output: process.stderr });
            try {
              return await rl.question(question);
            } finally {
              rl.close();
            }
          }
        : null,
  };
}

/**
 * Lists what is due (the dry run), or purges it: every closed case past its period today without a
 * legal hold, in batches, each batch in one transaction followed by a compaction of the file. Held
 * cases are named and kept. A real purge with nothing due still compacts the file (the way to finish
 * a compaction that failed). On a terminal it asks to type the number of cases first. Exit 0 only
 * when everything asked for was done.
 */
export async function casesPurge(
  opts: { dataDir: string; username: string; dryRun: boolean; reason: string | undefined },
  out: Out,
  err: Out,
  terminal: Terminal = processTerminal(),
): Promise<number> {
  if (!opts.dryRun && (opts.reason === undefined || opts.reason.trim() === '')) {
    throw new CliInputError('--reason is required to purge: why the cases are purged, for the audit trail (or use --dry-run)');
  }
  const passphrase = await readPassphrase('Passphrase: ');
  const core = createCore({ dataDir: opts.dataDir });
  const purged: PurgedCase[] = [];
  try {
    const { user } = await call<SessionInfo>(core, 'session:signIn', { username: opts.username, passphrase });
    // Core refuses a purge by anyone else too; saying so first spares a list of what will not happen.
    if (!opts.dryRun && user.role !== 'administrator') throw new Refused(errorMessage('FORBIDDEN', user.locale ?? 'en'));
    const { today, rows } = await call<{ today: string; total: number; rows: PurgeRow[] }>(core, 'retention:list', { withinDays: 0, limit: 1000 });
    const due = rows.filter((r) => r.due && !r.hold);
    const held = rows.filter((r) => r.due && r.hold);
    const more = rows.length === 1000 ? ' (the first 1000 due; run again for the rest)' : '';
    out(`${opts.dryRun ? 'Would purge' : 'To purge'}: ${due.length} case(s) past their retention period on ${today}${more}`);
    for (const r of due) out(`  ${describe(r)}`);
    if (held.length) {
      out(`Kept under a legal hold: ${held.length}`);
      for (const r of held) out(`  ${describe(r)}  on hold since ${r.hold!.placedAt.slice(0, 10)} (${r.hold!.placedBy})`);
    }
    if (opts.dryRun) return 0;

    if (due.length > 0 && terminal.confirm) {
      const typed = await terminal.confirm(`Purging deletes these case files for ever. Type ${due.length} to confirm: `);
      if (typed.trim() !== String(due.length)) throw new CliInputError('not confirmed: nothing was purged');
    }
    // An empty batch still compacts: a purge with nothing due finishes an earlier compaction.
    const batches = due.length === 0 ? [[]] : Array.from({ length: Math.ceil(due.length / PURGE_BATCH_MAX) }, (_, i) => due.slice(i * PURGE_BATCH_MAX, (i + 1) * PURGE_BATCH_MAX));
    try {
      for (const batch of batches) {
        terminal.progress?.(`Purging ${purged.length + batch.length} of ${due.length} and compacting the vault…`);
        const r = await call<{ purged: PurgedCase[] }>(core, 'retention:purge', { caseIds: batch.map((c) => c.caseId), reason: opts.reason });
        purged.push(...r.purged);
      }
    } finally {
      terminal.progress?.('');
      if (terminal.progress) err('');
    }
    out(`Purged ${purged.length} case(s); the vault file was compacted.`);
    for (const p of purged) out(`  ${p.reference.padEnd(14)} ${p.outcome.padEnd(18)} closed ${p.closedOn}  purged ${p.purgedOn}`);
    return 0;
  } catch (e) {
    if (e instanceof Refused) {
      // Batches purged before a refusal stay purged: say which.
      if (purged.length) err(`mamori: ${purged.length} case(s) were purged before this: ${purged.map((p) => p.reference).join(', ')}`);
      err(`mamori: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await core.close();
  }
}
