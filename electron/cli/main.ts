/**
 * The administrator's command line. Trusts argv for paths and names only: a passphrase comes
 * from MAMORI_PASSPHRASE or a hidden prompt, never from argv (argv is visible to other users).
 * Every failure is one line on stderr and a non-zero exit, never a stack trace.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { errorMessage, type ErrorCode } from '../common/errors';
import { createCore } from '../core/index';
import { CoreError } from '../core/errors';
import { AuditAnchorSchema } from '../common/contract.audit';
import { auditVerifyReport, vaultStatusReport, verifyExportFile, verifyVault } from '../core/maintenance/maintenance.service';
import { CliInputError, readPassphrase, readSecret } from './prompt';
import { backupCommand, escrowGrantCommand, reissueRecoveryKeyCommand, restoreCommand, rotateKeyCommand } from './vaultOps';
import { casesPurge } from './purge';
import { progressBar } from './progress';
import { DEMO_OFFICERS, DEMO_SUPERVISOR } from '../core/demo/demoCases';
import { seedDemoVault } from '../core/demo/demo.service';

const USAGE = `usage: npm run cli -- <command> [options]

  vault create --data-dir DIR --admin NAME [--display-name TEXT] [--locale en|ja]
  vault status --data-dir DIR [--user NAME]
  vault verify --data-dir DIR --user NAME
  vault backup --data-dir DIR --user ADMIN --to FILE
  vault restore --from FILE --data-dir DIR --user ADMIN [--replace VAULT-CODE]
  vault rotate-key --data-dir DIR --user ADMIN --reason TEXT
  vault recovery-key --reissue --data-dir DIR --user ADMIN --reason TEXT
  audit verify --data-dir DIR --user NAME [--anchor SEQ:HASH]... [--all-signatures]
  demo seed --data-dir DIR --user ADMIN --cases N [--seed S]
  export verify --data-dir DIR --user NAME FILE.pdf   (a supervisor or auditor)
  cases purge --data-dir DIR --user ADMIN (--dry-run | --reason TEXT)
  sealing grant --data-dir DIR --user ADMIN --account NAME --key-id ID   (with the recovery key)

The passphrase is read from MAMORI_PASSPHRASE or asked for without echo. demo seed gives the
demo accounts (demo.supervisor, demo.officer1…5) MAMORI_DEMO_PASSPHRASE, or the same passphrase.
cases purge lists (--dry-run) or purges the closed cases past their retention period, keeping those
under a legal hold, then compacts the vault file. sealing grant is for when no supervisor can grant
access to sealed information: the recovery key (MAMORI_RECOVERY_KEY or asked for without echo)
opens the escrow; ID is the key ID the account's holder reads from their screen. audit verify
checks every MAC, and the signatures since the latest checkpoint (the last intact verification an
auditor or administrator signed); --all-signatures checks every signature (slower).`;

class UsageError extends Error {}

type Out = (line: string) => void;

export async function run(argv: string[], out: Out, err: Out): Promise<number> {
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        admin: { type: 'string' },
        user: { type: 'string' },
        'display-name': { type: 'string' },
        locale: { type: 'string' },
        cases: { type: 'string' },
        seed: { type: 'string' },
        to: { type: 'string' },
        from: { type: 'string' },
        replace: { type: 'string' },
        reason: { type: 'string' },
        reissue: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        anchor: { type: 'string', multiple: true },
        'all-signatures': { type: 'boolean' },
        account: { type: 'string' },
        'key-id': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      out(USAGE);
      return 0;
    }
    const command = positionals.slice(0, 2).join(' ');
    const operands = positionals.slice(2);
    if (operands.length > 0 && command !== 'export verify') throw new UsageError(`unexpected "${operands.join(' ')}"`);
    const dataDir = values['data-dir'];
    if (!dataDir) throw new UsageError('--data-dir is required');
    const user = () => {
      if (!values.user) throw new UsageError('--user is required (an administrator or auditor)');
      return values.user;
    };

    switch (command) {
      case 'vault create': {
        if (!values.admin) throw new UsageError('--admin is required');
        const passphrase = await readPassphrase('New administrator passphrase: ', { confirm: true });
        const core = createCore({ dataDir });
        const r = await core.dispatch('vault:create', {
          username: values.admin,
          displayName: values['display-name'] ?? values.admin,
          passphrase,
          locale: values.locale ?? 'en',
        });
        if (!r.ok) {
          err(`mamori: ${r.error.message}${r.error.issues ? ` (${r.error.issues.map((i) => `${i.path}: ${i.message}`).join(', ')})` : ''}`);
          return 1;
        }
        const { recoveryKey } = r.value as { recoveryKey: string };
        out(`Vault created in ${dataDir} with administrator "${values.admin}".`);
        out('');
        out('RECOVERY KEY (shown once; print or write it down, seal it, store it apart from this computer):');
        out('');
        out(`    ${recoveryKey}`);
        out('');
        return 0;
      }
      case 'vault status': {
        const exists = (await createCore({ dataDir }).dispatch('vault:status', {})) as { ok: true; value: { exists: boolean } };
        if (!exists.value.exists) {
          out('exists:          no');
          return 0;
        }
        const s = await vaultStatusReport(dataDir, user(), await readPassphrase('Passphrase: '), Date.now());
        out('exists:          yes');
        out(`schema version:  ${s.schemaVersion} (this Mamori: ${s.appSchemaVersion})`);
        out(`active users:    ${s.activeUsers}`);
        out(`audit head:      #${s.auditHead?.seq} ${s.auditHead?.mac.slice(0, 16)}`);
        return 0;
      }
      case 'audit verify': {
        const anchors = values.anchor ?? [];
        const bad = anchors.find((a) => !AuditAnchorSchema.safeParse(a).success);
        if (bad !== undefined) throw new UsageError(`--anchor "${bad}" is not SEQ:HASH (the entry number, a colon, at least 8 hex digits of its MAC)`);
        // Progress on a terminal only (stderr), so the report on stdout stays what scripts read.
        const bar = progressBar('verifying', 'entries');
        const scope = values['all-signatures'] ? 'all' : 'since-checkpoint';
        const { chain: v, anchors: checks } = await auditVerifyReport(dataDir, user(), await readPassphrase('Passphrase: '), Date.now(), anchors, bar?.update, scope);
        bar?.end();
        if (v.intact) {
          out(`audit chain intact: ${v.entries} entries, head #${v.head.seq} ${v.head.mac.slice(0, 16)} (anchor: ${v.head.seq}:${v.head.mac.slice(0, 16)})`);
          out(
            v.checkpoint
              ? `signatures: ${v.signed} checked, every entry after #${v.signaturesFrom} and every key registration; before that, checkpoint #${v.checkpoint.checkpointSeq} of verification #${v.checkpoint.seq} (${v.checkpoint.at}) vouches for them (--all-signatures checks every one)`
              : `signatures: ${v.signed} checked, every entry's`,
          );
        }
        else out(`audit chain BROKEN: intact up to #${v.intactUpTo}; first broken entry #${v.firstBroken.seq} (${v.firstBroken.reason})`);
        for (const c of checks) {
          if (c.result === 'matches') out(`anchor ${c.anchor}: present and unchanged`);
          else if (c.result === 'missing') out(`anchor ${c.anchor}: MISSING: the trail has no entry #${c.seq}; the database was rolled back to an older copy`);
          else out(`anchor ${c.anchor}: DIFFERS: entry #${c.seq} is not the one anchored; the trail was rewritten`);
        }
        return v.intact && checks.every((c) => c.result === 'matches') ? 0 : 1;
      }
      case 'vault verify': {
        const v = await verifyVault(dataDir, user(), await readPassphrase('Passphrase: '), Date.now());
        if (v.unreadable) {
          out('vault DAMAGED: the database cannot be read at all (its first page fails its check). Restore from a backup.');
          return 1;
        }
        out(v.cipherProblems.length === 0 ? 'page checks:     every page intact' : `page checks:     DAMAGED — ${v.cipherProblems.join('; ')}`);
        out(v.integrityProblems.length === 0 ? 'structure:       ok' : `structure:       DAMAGED — ${v.integrityProblems.slice(0, 5).join('; ')}`);
        if (!v.chain) out('audit chain:     could not be read');
        else if (v.chain.intact) out(`audit chain:     intact (${v.chain.entries} entries)`);
        else out(`audit chain:     BROKEN at #${v.chain.firstBroken.seq} (${v.chain.firstBroken.reason}), intact up to #${v.chain.intactUpTo}`);
        out(v.intact ? 'vault intact' : 'vault DAMAGED');
        return v.intact ? 0 : 1;
      }
      case 'vault backup': {
        if (!values.to) throw new UsageError('--to FILE is required');
        await backupCommand(dataDir, values.to, user(), await readPassphrase('Administrator passphrase: '), out);
        return 0;
      }
      case 'vault restore': {
        if (!values.from) throw new UsageError('--from FILE is required');
        if (!existsSync(values.from)) {
          err(`mamori: no such file: ${values.from}`);
          return 2;
        }
        await restoreCommand(dataDir, values.from, user(), await readPassphrase('Administrator passphrase at the time of the backup: '), values.replace, out);
        return 0;
      }
      case 'vault rotate-key': {
        if (!values.reason) throw new UsageError('--reason is required (it is recorded in the audit trail)');
        await rotateKeyCommand(dataDir, user(), await readPassphrase('Administrator passphrase: '), values.reason, out);
        return 0;
      }
      case 'vault recovery-key': {
        if (!values.reissue) throw new UsageError('vault recovery-key needs --reissue');
        if (!values.reason) throw new UsageError('--reason is required (it is recorded in the audit trail)');
        await reissueRecoveryKeyCommand(dataDir, user(), await readPassphrase('Administrator passphrase: '), values.reason, out);
        return 0;
      }
      case 'demo seed': {
        const count = Number(values.cases);
        if (!Number.isInteger(count) || count < 1 || count > 1_000_000) throw new UsageError('--cases must be a whole number from 1 to 1000000');
        const username = user();
        const passphrase = await readPassphrase('Administrator passphrase: ');
        const demoPassphrase = process.env.MAMORI_DEMO_PASSPHRASE ?? passphrase;
        const bar = progressBar('seeding', 'cases');
        const written = await seedDemoVault(dataDir, { username, passphrase }, { cases: count, seed: Number(values.seed ?? 42), demoPassphrase, now: Date.now(), onProgress: bar?.update });
        bar?.end();
        out(`${written} synthetic cases written. Demo accounts: ${[DEMO_SUPERVISOR, ...DEMO_OFFICERS].join(', ')}.`);
        return 0;
      }
      case 'export verify': {
        if (operands.length !== 1) throw new UsageError('export verify takes one PDF file');
        if (!existsSync(operands[0])) {
          err(`mamori: no such file: ${operands[0]}`);
          return 2;
        }
        const v = await verifyExportFile(dataDir, user(), await readPassphrase('Passphrase: '), operands[0], Date.now());
        out(`sha256:          ${v.sha256}`);
        if (v.matches.length === 0) {
          out('NOT IN THE REGISTER: this file is not, byte for byte, any summary exported from this vault.');
          return 1;
        }
        for (const m of v.matches) {
          out(`matches:         ${m.number} (${m.medium}, copy ${m.copy}) — case ${m.caseReference}, ${m.profile}, ${m.pages} page(s)`);
          out(`exported:        ${m.exportedAt} by ${m.exportedBy}${m.sealedItems.length ? `; sealed items: ${m.sealedItems.join(', ')}` : ''}`);
        }
        return 0;
      }
      case 'sealing grant': {
        if (!values.account) throw new UsageError('--account NAME is required (the account whose key waits for a grant)');
        if (!values['key-id']) throw new UsageError('--key-id is required (read out by the account holder from their screen)');
        const recoveryKey = () => (process.env.MAMORI_RECOVERY_KEY !== undefined ? Promise.resolve(process.env.MAMORI_RECOVERY_KEY) : readSecret('Recovery key: '));
        await escrowGrantCommand(dataDir, user(), await readPassphrase('Administrator passphrase: '), values.account, values['key-id'], recoveryKey, out);
        return 0;
      }
      case 'cases purge':
        return await casesPurge({ dataDir, username: user(), dryRun: values['dry-run'] === true, reason: values.reason }, out, err);
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (e) {
    if (e instanceof CliInputError) {
      err(`mamori: ${e.message}`);
      return 2;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith?.('ERR_PARSE_ARGS')) {
      err(`mamori: ${(e as Error).message}`);
      err(USAGE);
      return 2;
    }
    const code: ErrorCode = e instanceof CoreError ? e.code : 'INTERNAL';
    const wait = e instanceof CoreError && e.retryAfterMs ? ` Try again in ${Math.ceil(e.retryAfterMs / 1000)} s.` : '';
    const issues = e instanceof CoreError && e.issues ? ` (${e.issues.map((i) => `${i.path}: ${i.message}`).join(', ')})` : '';
    err(`mamori: ${errorMessage(code)}${wait}${issues}`);
    return 1;
  }
}

if (require.main === module) {
  run(process.argv.slice(2), (l) => process.stdout.write(l + '\n'), (l) => process.stderr.write(l + '\n')).then((code) => {
    process.exitCode = code;
  });
}
