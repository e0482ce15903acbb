/**
 * Sign-in and lock. Sign-in is the only place a passphrase meets a keyslot; a failure never
 * opens (and so never changes) the database: it is recorded in the throttle file and written
 * to the audit trail by the next successful sign-in.
 */
import type { LockReason, SessionInfo, Settings } from '../../common/accounts';
import type { Locale } from '../../common/errors';
import { appendAudit, isSigningKeyRegistered, registerSigningKey, type Audit, type AuditEntryInput } from '../audit/audit.service';
import { holdsCaseKeys, newSealingKey, registerAccountKey, sealingKeyFrom, upkeep, type SealingKey } from '../sealing/sealing.service';
import type { Tx } from '../db/connection';
import { CoreError } from '../errors';
import { readSettings } from '../settings/settings.service';
import { getUser, toUserSummary, type UserRow } from '../users/users.repository';
import { readKeyslots, replaceUserSlot, type Signer } from '../vault/keyslots';
import { unwrapWithPassphrase } from '../vault/unlock';
import { closeVault, keepHeadRecorded, openVault, type OpenVault } from '../vault/vault.service';

export interface Session {
  readonly vault: OpenVault;
  user: UserRow;
  settings: Settings;
  lastActivity: number;
  /** Signs this user's audit entries (key material, for the session's life only); null if none could be made. */
  signer: Signer | null;
  /** Opens the case keys sealed to this account (key material, for the session's life only); null if it has none. */
  sealing: SealingKey | null;
}

/** Work done in a session: one transaction, and the audit entries it appends as the signed-in user. */
export interface Ctx {
  session: Session;
  tx: Tx;
  audit: Audit;
  /** ISO timestamp of this request. */
  at: string;
}

export function sessionInfo(s: Session): SessionInfo {
  return { user: toUserSummary(s.user), settings: s.settings };
}

export function sessionLocale(s: Session | null, fallback: Locale): Locale {
  return s?.user.locale ?? fallback;
}

export async function signIn(
  dataDir: string,
  username: string,
  passphrase: string,
  now: number,
  acceptMissingHead?: string,
): Promise<Session> {
  const { file, userId, keys, throttle, lookup, signer: slotSigner, sealing: slotSealing } = await unwrapWithPassphrase(dataDir, username, passphrase, now);
  let signer = slotSigner;
  let sealing = slotSealing ? sealingKeyFrom(slotSealing) : null;
  const vault = await openVault(dataDir, file, keys, now, { missingHead: acceptMissingHead ? 'accept' : 'refuse' });
  try {
    const { pending, tamperedAt } = throttle.pendingForAudit(now);
    const at = new Date(now).toISOString();
    const { user, settings } = await vault.db.transaction(async (tx) => {
      const user = await getUser(tx, userId);
      if (!user || user.status !== 'active') throw new CoreError('BAD_CREDENTIALS');
      // A case worker who set their own passphrase and has no sealing key yet (an account from
      // before per-case keys) gets one now that the passphrase is at hand.
      const wantsSealing = !sealing && holdsCaseKeys(user.role) && user.must_change_passphrase === 0;
      if (!signer || wantsSealing) {
        // A slot from before signing keys (or format 1) gets one now, and becomes format 2 so a
        // later key rotation reaches this account. If writing fails the old slot still opens,
        // entries stay unsigned (sealed information out of reach), and the next sign-in retries.
        const nextSealing = wantsSealing ? newSealingKey() : sealing;
        const made = await replaceUserSlot(vault.paths.keyslots, readKeyslots(vault.paths.keyslots), user.id, user.username, passphrase, vault.dataKey, {
          signing: signer?.privateKey,
          sealing: nextSealing?.privateKey ?? null,
        }).catch(() => null);
        if (made) {
          signer = made;
          sealing = nextSealing;
        }
      }
      if (signer && !(await isSigningKeyRegistered(tx, user.id, signer.publicKey))) {
        await registerSigningKey(tx, vault.auditKey, { at, actorId: user.id, actorRole: user.role, userId: user.id, role: user.role, key: signer }, signer);
      }
      if (vault.headWasMissing) {
        // Only an administrator may accept a missing rollback record, and the reason stays in the trail.
        if (user.role !== 'administrator') throw new CoreError('VAULT_HEAD_MISSING');
        await appendAudit(tx, vault.auditKey, { at, actorId: user.id, actorRole: user.role, action: 'vault.head-missing-accepted', details: { reason: acceptMissingHead ?? '' } }, signer);
      }
      if (vault.headBehind) {
        // The trail went on past the rollback record: a crash just after a commit, or an older record put back.
        await appendAudit(tx, vault.auditKey, { at, actorId: user.id, actorRole: user.role, action: 'vault.head-behind', details: { ...vault.headBehind, entries: vault.headBehind.headSeq - vault.headBehind.recordedSeq } }, signer);
      }
      for (const p of pending) {
        await appendAudit(tx, vault.auditKey, {
          at,
          actorId: p.userId,
          actorRole: null,
          action: 'session.sign-in-failed',
          details: {
            attemptedAt: new Date(p.at).toISOString(),
            account: p.userId === null ? 'unknown' : 'known',
            ...(p.lockedOut ? { lockedOut: true } : {}),
          },
        });
      }
      if (tamperedAt !== null) {
        await appendAudit(tx, vault.auditKey, {
          at,
          actorId: null,
          actorRole: null,
          action: 'session.sign-in-failed',
          details: { throttleRecordTampered: true, detectedAt: new Date(tamperedAt).toISOString() },
        });
      }
      await appendAudit(tx, vault.auditKey, { at, actorId: user.id, actorRole: user.role, action: 'session.signed-in' }, signer);
      const audit = (e: Omit<AuditEntryInput, 'at' | 'actorId' | 'actorRole'>) => appendAudit(tx, vault.auditKey, { ...e, at, actorId: user.id, actorRole: user.role }, signer);
      if (sealing) {
        await registerAccountKey(tx, audit, user, signer, sealing, at);
        await upkeep({ session: { user, sealing }, tx, at }, audit);
      }
      return { user, settings: await readSettings(tx) };
    });
    throttle.recordSuccess(lookup, now);
    if (vault.headWasMissing) await keepHeadRecorded(vault, new Date(now));
    return { vault, user, settings, lastActivity: now, signer, sealing };
  } catch (e) {
    await closeVault(vault, new Date(now), { recordHead: !vault.headWasMissing }).catch(() => undefined);
    throw e;
  }
}

/** Audits the lock (or sign-out) with its reason, then closes the vault and wipes the keys. */
export async function endSession(session: Session, reason: LockReason, now: number): Promise<void> {
  const at = new Date(now).toISOString();
  try {
    await session.vault.db.transaction((tx) =>
      appendAudit(tx, session.vault.auditKey, {
        at,
        actorId: session.user.id,
        actorRole: session.user.role,
        action: reason === 'sign-out' ? 'session.signed-out' : 'session.locked',
        details: { reason },
      }, session.signer),
    );
  } finally {
    await closeVault(session.vault, new Date(now));
  }
}

