/**
 * The interpreter registry (DESIGN.md §6): who may interpret for a victim, their languages and
 * confidentiality pledge. Every name added is checked against the adverse parties of all cases.
 * The contact is sealed: it leaves core only with a recorded reason. Not case work, but run like
 * it: one transaction with its audit entry.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { matchingPartyCount } from '../../common/caseRules';
import { INTERPRETER_DATES, type Interpreter, type InterpreterContact, type InterpreterInput } from '../../common/protection';
import type { Tx } from '../db/connection';
import { hkdf, wipe } from '../crypto/crypto';
import { checkDates, CoreError } from '../errors';
import { openRegistryValue, place, sealRegistryValue } from '../sealing/sealing.service';
import type { Ctx } from '../session/session.service';
import * as repo from './interpreters.repository';

export function toInterpreter(r: repo.InterpreterRow): Interpreter {
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    nameVariants: JSON.parse(r.name_variants),
    languages: JSON.parse(r.languages),
    pledgeDate: r.pledge_date,
    notes: r.notes,
    active: r.active === 1,
    hasContact: r.has_contact === 1,
    conflictReason: r.conflict_reason,
    updatedAt: r.updated_at,
  };
}

export async function listInterpreters(tx: Tx, includeInactive: boolean): Promise<Interpreter[]> {
  return (await repo.listInterpreters(tx, includeInactive)).map(toInterpreter);
}

/** How many adverse parties, across all cases, the name or its variants match. */
export async function countAdverseMatches(tx: Tx, name: string, nameVariants: readonly string[]): Promise<number> {
  const parties = (await repo.allAdverseNames(tx)).map((p) => ({ id: p.id, name: p.name, nameVariants: JSON.parse(p.name_variants) as string[] }));
  return matchingPartyCount([name, ...nameVariants], parties);
}

/** Saves (each compares a name with every case's adverse parties) one user may make in an hour. */
export const CONFLICT_CHECKS_PER_HOUR = 20;

/** Refuses a user who has already made CONFLICT_CHECKS_PER_HOUR checks in the hour before `ctx.at` (counted from the trail). */
async function limitConflictChecks(ctx: Ctx): Promise<void> {
  const since = new Date(Date.parse(ctx.at) - 3_600_000).toISOString();
  const row = await ctx.tx.get<{ n: number; oldest: string | null }>(
    `SELECT count(*) AS n, min(at) AS oldest FROM audit_log
      WHERE actor_id = ? AND action IN ('interpreter.saved', 'interpreter.conflict-refused') AND at > ?`,
    [ctx.session.user.id, since],
  );
  if ((row?.n ?? 0) >= CONFLICT_CHECKS_PER_HOUR) {
    const retryAfterMs = row?.oldest ? Math.max(1000, Date.parse(row.oldest) + 3_600_000 - Date.parse(ctx.at)) : 3_600_000;
    throw new CoreError('CONFLICT_CHECKS_LIMITED', undefined, { retryAfterMs });
  }
}

/**
 * A keyed hash of a name as it was checked: auditors see the same name asked again and again
 * without the trail holding the name. Keyed from the vault's audit key, so nobody can test a
 * guess against it without the vault.
 */
export function nameCheckHash(auditKey: Buffer, vaultId: string, names: readonly string[]): string {
  const key = hkdf(auditKey, vaultId, 'mamori name check v1');
  try {
    const normal = names
      .map((n) => n.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean).sort().join(' '))
      .filter(Boolean)
      .sort()
      .join('|');
    return createHmac('sha256', key).update(normal, 'utf8').digest('hex').slice(0, 16);
  } finally {
    wipe(key);
  }
}

const nameHashOf = (ctx: Ctx, i: { name: string; nameVariants?: readonly string[] }) =>
  nameCheckHash(ctx.session.vault.auditKey, ctx.session.vault.vaultId, [i.name, ...(i.nameVariants ?? [])]);

/** Records a save refused because the name matched an adverse party: who, and the keyed hash of the name. */
export async function auditConflictRefusal(ctx: Ctx, input: { interpreterId?: string; interpreter: InterpreterInput }): Promise<void> {
  await ctx.audit({
    action: 'interpreter.conflict-refused',
    ...(input.interpreterId ? { target: `interpreter:${input.interpreterId}` } : {}),
    details: { nameHash: nameHashOf(ctx, input.interpreter) },
  });
}

export async function saveInterpreter(
  ctx: Ctx,
  input: { interpreterId?: string; version?: number; interpreter: InterpreterInput; contact?: InterpreterContact; conflictReason?: string },
): Promise<Interpreter> {
  const { tx, at } = ctx;
  const i = input.interpreter;
  // Before the conflict check: a mistyped date must not use up one of the hour's checks.
  checkDates(at, [i, INTERPRETER_DATES, 'interpreter']);
  // DESIGN.md §5: every interpreter added anywhere is checked against the adverse parties.
  await limitConflictChecks(ctx);
  const matches = await countAdverseMatches(tx, i.name, i.nameVariants);
  const existing = input.interpreterId ? await repo.getInterpreter(tx, input.interpreterId) : undefined;
  if (input.interpreterId && !existing) throw new CoreError('NOT_FOUND');
  if (matches > 0 && !input.conflictReason && !existing?.conflict_reason) throw new CoreError('ADVERSE_PARTY_MATCH');
  const conflictReason = matches > 0 ? (input.conflictReason ?? existing?.conflict_reason ?? '') : '';
  const columns = {
    name: i.name,
    name_variants: JSON.stringify(i.nameVariants),
    languages: JSON.stringify(i.languages),
    pledge_date: i.pledgeDate,
    notes: i.notes,
    active: i.active ? 1 : 0,
    conflict_reason: conflictReason,
    updated_at: at,
  };
  const id = existing?.id ?? randomUUID();
  if (existing) {
    if (input.version === undefined || !(await repo.updateInterpreter(tx, id, input.version, columns))) throw new CoreError('STALE_VERSION');
  } else {
    await repo.insertInterpreter(tx, { id, created_at: at, ...columns });
  }
  // The contact is stored under the registry key (sealing/), which only granted case workers hold.
  if (input.contact) await repo.putInterpreterContact(tx, id, await sealRegistryValue(ctx, place.interpreterContact(id), JSON.stringify(input.contact)), at, ctx.session.user.id);
  // Names and contacts stay out of the trail; what changed and whether a conflict was accepted do not.
  await ctx.audit({
    action: 'interpreter.saved',
    target: `interpreter:${id}`,
    details: {
      added: !existing,
      contactChanged: !!input.contact,
      adverseMatches: matches,
      nameHash: nameHashOf(ctx, i),
      ...(matches > 0 && input.conflictReason ? { conflictReason: input.conflictReason } : {}),
    },
  });
  const saved = await repo.getInterpreter(tx, id);
  if (!saved) throw new CoreError('NOT_FOUND');
  return toInterpreter(saved);
}

export async function revealInterpreterContact(ctx: Ctx, input: { interpreterId: string; reason: string }): Promise<InterpreterContact> {
  const row = await repo.getInterpreter(ctx.tx, input.interpreterId);
  if (!row) throw new CoreError('NOT_FOUND');
  await ctx.audit({ action: 'interpreter.contact-revealed', target: `interpreter:${row.id}`, details: { reason: input.reason } });
  const stored = await repo.getInterpreterContact(ctx.tx, row.id);
  return stored ? JSON.parse(await openRegistryValue(ctx, place.interpreterContact(row.id), stored)) : { phone: '', email: '', other: '' };
}
