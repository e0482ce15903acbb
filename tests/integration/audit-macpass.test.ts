/**
 * The MAC pass's fast path (issue 17) reads each entry's canonical form as SQLite writes it
 * (MAC_PASS_ENTRY, with json_quote) and hashes it on worker threads. A difference from
 * `canonical()` (JSON.stringify) is never a false alarm (the entry is re-checked as written), but
 * it would make every verification slow: here SQLite's text must equal JavaScript's, byte for
 * byte, for values that test JSON escaping.
 */
import sqlcipher from '@journeyapps/sqlcipher';
import * as nodeCrypto from 'node:crypto';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { appendAudit, canonical, MAC_PASS_ENTRY, verifyChain } from '../../electron/core/audit/audit.service';
import type { AuditRow } from '../../electron/core/audit/audit.repository';
import { pageChecker } from '../../electron/core/audit/macPages';
import { Db } from '../../electron/core/db/connection';
import { adminAuditKey, adminDataKey } from '../fixtures/raw';
import { cleanVaultsAfterEach, newVault } from '../fixtures/vault';

const vaults = cleanVaultsAfterEach(afterEach);

it('writes every entry exactly as canonical() does, so verification never leaves the fast path, and MACs what it stores (a lone surrogate as U+FFFD)', async () => {
  const { dataDir, core } = await newVault();
  vaults.push(dataDir);
  await core.close();
  const auditKey = await adminAuditKey(dataDir);
  const db = await Db.open(join(dataDir, 'mamori.db'), await adminDataKey(dataDir), { create: false });
  try {
    const awkward = ['"quoted" \\ back\\slash', 'tab\tnew\nline\rcr\bback\fform', 'ctrl \u0001\u001e\u001f\u007f', '日本語 ｶﾀｶﾅ 🌸 e\u0301', 'line\u2028para\u2029', '</script>/', 'lone \uD800 high, \uDC00 low', ''];
    await db.transaction(async (tx) => {
      for (const [i, text] of awkward.entries()) {
        await appendAudit(tx, auditKey, {
          at: '2026-11-29T10:00:00.000Z',
          actorId: i % 2 ? null : `user-${i}`,
          actorRole: i % 3 ? null : 'officer',
          action: 'case.viewed',
          caseRef: i % 2 ? text : null,
          target: i % 2 ? null : text,
          details: { reason: text, n: i, flag: i % 2 === 0, nothing: null },
        });
      }
    });
    const rows = await db.read((tx) => tx.all<AuditRow>('SELECT * FROM audit_log ORDER BY seq'));
    const page = await db.read((tx) => tx.get<{ text: string; n: number }>(`SELECT group_concat(${MAC_PASS_ENTRY}, char(30)) AS text, count(*) AS n FROM audit_log`));
    expect(page!.text.split('\x1e')).toEqual(rows.map((r) => `${canonical(r)}\x1f${r.mac}`));
    expect(pageChecker(nodeCrypto, auditKey)(Buffer.from(page!.text, 'utf8'), page!.n, '')).toEqual({ kind: 'ok', lastMac: rows[rows.length - 1].mac });
  } finally {
    await db.close();
  }
});

it('verifies with no prepared statement kept, those kept before it finalized first, and keeps them again after (a kept statement holds SQLite\'s small-allocation pool)', async () => {
  const { dataDir, core } = await newVault();
  vaults.push(dataDir);
  await core.close();
  const auditKey = await adminAuditKey(dataDir);
  const db = await Db.open(join(dataDir, 'mamori.db'), await adminDataKey(dataDir), { create: false });
  const prepare = vi.spyOn(sqlcipher.Database.prototype, 'prepare');
  try {
    const count = 'SELECT count(*) AS n FROM audit_log';
    await db.read((tx) => tx.get(count));
    expect(prepare).toHaveBeenCalledTimes(1);
    const kept = prepare.mock.results[0].value as sqlcipher.Statement;
    prepare.mockClear();
    const verified = await verifyChain(db, auditKey);
    expect(verified.intact).toBe(true);
    const reuse = await new Promise<Error | null>((resolve) => kept.get((err) => resolve(err)));
    expect(reuse?.message).toMatch(/finalized/);
    expect(prepare).not.toHaveBeenCalled();
    // Kept again afterwards: prepared once, reused after.
    await db.read((tx) => tx.get(count));
    await db.read((tx) => tx.get(count));
    expect(prepare).toHaveBeenCalledTimes(1);
  } finally {
    prepare.mockRestore();
    await db.close();
  }
});
