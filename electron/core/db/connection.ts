/**
 * The only place a SQLCipher connection is opened. Trusts nothing but the data key handed in;
 * applies the key first and the hardening pragmas immediately after, before any other statement.
 */
import sqlcipher from '@journeyapps/sqlcipher';
import { closeSync, openSync } from 'node:fs';
import { CoreError } from '../errors';
import { FILE_MODE } from './files';

type Param = string | number | bigint | Buffer | null;
export type Params = Param[] | Record<string, Param>;

/** A promise interface over node-sqlite3 that runs everything through one queue. */
export class Db {
  private queue: Promise<unknown> = Promise.resolve();
  private inTransaction = false;
  private closed = false;
  private afterCommit: ((read: ReadTx) => Promise<void>) | undefined;

  private readonly statements: StatementCache;

  private constructor(private readonly raw: sqlcipher.Database) {
    this.statements = new StatementCache(raw);
  }

  /**
   * Opens `file` with `key` (32 bytes) as a raw SQLCipher key. The key buffer is not kept.
   * Throws VAULT_DAMAGED when the key does not open the file or a page fails its HMAC.
   */
  static async open(file: string, key: Buffer, opts: { create: boolean; readOnly?: boolean }): Promise<Db> {
    // SQLite gives -wal and -shm the mode of the database file, so creating it 0600 first covers all three.
    if (opts.create) closeSync(openSync(file, 'wx', FILE_MODE));
    const mode = opts.readOnly
      ? sqlcipher.OPEN_READONLY
      : opts.create
        ? sqlcipher.OPEN_READWRITE | sqlcipher.OPEN_CREATE
        : sqlcipher.OPEN_READWRITE;
    const raw = await new Promise<sqlcipher.Database>((resolve, reject) => {
      const d: sqlcipher.Database = new sqlcipher.Database(file, mode, (err) => (err ? reject(err) : resolve(d)));
    });
    const db = new Db(raw);
    try {
      // Never log or keep this string: it is key material. It lives only for this statement.
      let keyPragma = `PRAGMA key = "x'${key.toString('hex')}'"`;
      await db.execRaw('PRAGMA cipher_memory_security = ON');
      await db.execRaw(keyPragma);
      keyPragma = '';
      await db.execRaw('PRAGMA cipher_log_level = NONE');
      // The first read proves the key (SQLCipher does not check it at PRAGMA key).
      await db.getRaw('SELECT count(*) AS n FROM sqlite_master');
      // A read-only copy (a backup being verified) is examined as it is: not a byte of it changes.
      if (opts.readOnly) return db;
      await db.execRaw('PRAGMA journal_mode = WAL');
      await db.execRaw('PRAGMA synchronous = FULL');
      await db.execRaw('PRAGMA foreign_keys = ON');
      await db.execRaw('PRAGMA temp_store = MEMORY');
      await db.execRaw('PRAGMA secure_delete = ON');
      await db.execRaw('PRAGMA busy_timeout = 0');
      // Every page read from disk costs an HMAC check and a decryption; 64 MiB of decrypted pages
      // (in this process's memory only, wiped on release by cipher_memory_security) keeps lists fast.
      await db.execRaw('PRAGMA cache_size = -65536');
    } catch (e) {
      await db.close().catch(() => undefined);
      throw mapSqliteError(e);
    }
    return db;
  }

  /** Runs `fn` alone on the connection (nothing else interleaves). */
  /**
   * Runs `fn` after every committed write transaction, still inside the queue so no other statement
   * comes between the commit and it (the rollback record is written this way). Its failure never
   * fails the commit, which has happened: the next commit, and closing, write the record again.
   */
  onCommit(fn: ((read: ReadTx) => Promise<void>) | undefined): void {
    this.afterCommit = fn;
  }

  private async committed(): Promise<void> {
    if (!this.afterCommit) return;
    try {
      await this.afterCommit({ get: (sql, params) => this.getRaw(sql, params), all: (sql, params) => this.allRaw(sql, params) });
    } catch {
      // See onCommit.
    }
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private assertOpen(): void {
    if (this.closed) throw new CoreError('VAULT_LOCKED');
  }

  private execRaw(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.raw.exec(sql, (err) => (err ? reject(err) : resolve())));
  }
  private async runRaw(sql: string, params: Params = []): Promise<{ changes: number; lastID: number }> {
    // node-sqlite3's run steps once: only a statement that never returns a row is done after it.
    const stmt = RETURNS_NO_ROWS.test(sql) && !/\bRETURNING\b/i.test(sql) ? await this.statements.take(sql) : null;
    const statements = this.statements;
    return new Promise((resolve, reject) => {
      // Runs to completion (SQLITE_DONE), which lets go of the statement's cursor.
      function done(this: sqlcipher.RunResult, err: Error | null) {
        if (err) {
          if (stmt) statements.drop(sql);
          reject(err);
        } else resolve({ changes: this.changes, lastID: this.lastID });
      }
      if (stmt) stmt.run(params, done);
      else this.raw.run(sql, params, done);
    });
  }
  private async getRaw<T>(sql: string, params: Params = []): Promise<T | undefined> {
    const stmt = await this.statements.take(sql);
    if (!stmt) return new Promise((resolve, reject) => this.raw.get(sql, params, (err, row) => (err ? reject(err) : resolve(row as T | undefined))));
    return new Promise((resolve, reject) =>
      stmt.get(params, (err, row) => {
        if (err) {
          this.statements.drop(sql);
          return reject(err);
        }
        // A statement that returned a row still holds its read cursor: let go of it first.
        stmt.reset(() => resolve(row as T | undefined));
      }),
    );
  }
  private async allRaw<T>(sql: string, params: Params = []): Promise<T[]> {
    const stmt = await this.statements.take(sql);
    if (!stmt) return new Promise((resolve, reject) => this.raw.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))));
    return new Promise((resolve, reject) =>
      stmt.all(params, (err, rows) => {
        if (err) {
          this.statements.drop(sql);
          reject(err);
        } else resolve(rows as T[]);
      }),
    );
  }

  /**
   * Runs `fn` inside BEGIN IMMEDIATE … COMMIT; on any error rolls back so a failed save
   * leaves the vault as it was. Statements of `fn` go through `tx`, never through `this`.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      this.assertOpen();
      await this.execRaw('BEGIN IMMEDIATE').catch((e) => {
        throw mapSqliteError(e);
      });
      this.inTransaction = true;
      const tx: Tx = {
        run: (sql, params) => this.runRaw(sql, params),
        get: (sql, params) => this.getRaw(sql, params),
        all: (sql, params) => this.allRaw(sql, params),
        exec: (sql) => this.execRaw(sql),
      };
      try {
        const result = await fn(tx);
        await this.execRaw('COMMIT');
        this.inTransaction = false;
        await this.committed();
        return result;
      } catch (e) {
        if (this.inTransaction) await this.execRaw('ROLLBACK').catch(() => undefined);
        throw mapSqliteError(e);
      } finally {
        this.inTransaction = false;
      }
    });
  }

  /** A read outside any transaction (still serialised). */
  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      this.assertOpen();
      const tx: Tx = {
        run: () => Promise.reject(new Error('write outside a transaction')),
        get: (sql, params) => this.getRaw(sql, params),
        all: (sql, params) => this.allRaw(sql, params),
        exec: () => Promise.reject(new Error('write outside a transaction')),
      };
      try {
        return await fn(tx);
      } catch (e) {
        throw mapSqliteError(e);
      }
    });
  }

  /** For pragmas and checks that must run outside a transaction (integrity checks, user_version). */
  pragma<T>(sql: string): Promise<T[]> {
    return this.serial(async () => {
      this.assertOpen();
      try {
        return await this.allRaw<T>(sql);
      } catch (e) {
        throw mapSqliteError(e);
      }
    });
  }

  /**
   * Runs `fn` alone on the connection with no transaction open, for work no other statement may
   * interleave with: a backup's VACUUM INTO, a key rotation's rekey. Keyslot changes happen inside
   * transactions, so they wait for it too.
   */
  exclusive<T>(fn: (conn: Conn) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      this.assertOpen();
      // VACUUM INTO and rekey want no prepared statement about: none is kept until the section ends.
      await this.statements.clear();
      this.statements.pauses++;
      const conn: Conn = {
        exec: (sql) => this.execRaw(sql),
        get: (sql, params) => this.getRaw(sql, params),
        all: (sql, params) => this.allRaw(sql, params),
        transaction: async (body) => {
          await this.execRaw('BEGIN IMMEDIATE');
          const tx: Tx = {
            run: (sql, params) => this.runRaw(sql, params),
            get: (sql, params) => this.getRaw(sql, params),
            all: (sql, params) => this.allRaw(sql, params),
            exec: (sql) => this.execRaw(sql),
          };
          try {
            const result = await body(tx);
            await this.execRaw('COMMIT');
            await this.committed();
            return result;
          } catch (e) {
            await this.execRaw('ROLLBACK').catch(() => undefined);
            throw e;
          }
        },
        rekey: async (key) => {
          // Never log or keep this string: it is key material, and lives only for this statement.
          await this.execRaw(`PRAGMA rekey = "x'${key.toString('hex')}'"`);
        },
      };
      try {
        return await fn(conn);
      } catch (e) {
        throw mapSqliteError(e);
      } finally {
        this.statements.pauses--;
      }
    });
  }

  /**
   * Runs `fn`, a read of much of the database in many steps (the audit trail's verification), with
   * no prepared statement kept while it runs, and those kept before it finalized first. A kept
   * statement holds on to the connection's lookaside memory (SQLite's pool for its small
   * allocations, 120 KB), and a handful of them take all of it; every small allocation then goes
   * to SQLCipher's allocator, which with `cipher_memory_security` locks and unlocks the memory and
   * wipes it, two system calls each. Verifying 1,000,000 entries took 80 s that way instead of 2.5.
   * Other work may interleave meanwhile: its statements are prepared for their one use.
   */
  async withoutKeptStatements<T>(fn: () => Promise<T>): Promise<T> {
    await this.serial(async () => {
      this.assertOpen();
      await this.statements.clear();
      this.statements.pauses++;
    });
    try {
      return await fn();
    } finally {
      this.statements.pauses--;
    }
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  close(): Promise<void> {
    return this.serial(async () => {
      if (this.closed) return;
      this.closed = true;
      await this.statements.clear();
      await new Promise<void>((resolve, reject) => this.raw.close((err) => (err ? reject(err) : resolve())));
    });
  }
}

const RETURNS_NO_ROWS = /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i;

/**
 * Prepared statements kept for reuse, the most recently used 256: SQLite prepares a join of the
 * case tables in about ten times the time it takes to run it (1 ms against 0.1 at 100,000 cases).
 * Every use leaves its statement reset, so no kept statement holds a cursor (or a read snapshot)
 * between uses: `get` resets it after its row, `all` and `run` step it to the end (node-sqlite3 also
 * resets before a use without parameters). One that fails to prepare is not kept, and its use
 * reports SQLite's own error; one that fails when run is finalized and dropped.
 * Nothing is kept during an exclusive section, and everything is finalized before it and on close.
 */
class StatementCache {
  private static readonly SIZE = 256;
  private readonly kept = new Map<string, Promise<sqlcipher.Statement>>();
  /** While above 0 (an exclusive section, a long read), every statement is prepared for its one use. */
  pauses = 0;

  constructor(private readonly raw: sqlcipher.Database) {}

  /** The kept statement for `sql` (prepared now if new; rejects with SQLite's error when it cannot be), or null while paused. */
  take(sql: string): Promise<sqlcipher.Statement | null> {
    if (this.pauses > 0) return Promise.resolve(null);
    let stmt = this.kept.get(sql);
    if (stmt) {
      // Most recently used last.
      this.kept.delete(sql);
    } else {
      if (this.kept.size >= StatementCache.SIZE) this.drop(this.kept.keys().next().value!);
      stmt = new Promise((resolve, reject) => {
        const prepared: sqlcipher.Statement = this.raw.prepare(sql, (err) => {
          if (!err) return resolve(prepared);
          // Not kept: the next use prepares it again. The caller reports this error, the one SQLite gave.
          if (this.kept.get(sql) === stmt) this.kept.delete(sql);
          reject(err);
        });
      });
    }
    this.kept.set(sql, stmt);
    return stmt;
  }

  drop(sql: string): void {
    const stmt = this.kept.get(sql);
    this.kept.delete(sql);
    if (stmt) this.finalize(stmt);
  }

  /** Finalizes every kept statement, and waits for those dropped earlier (before close, VACUUM INTO or rekey). */
  async clear(): Promise<void> {
    for (const stmt of this.kept.values()) this.finalize(stmt);
    this.kept.clear();
    await Promise.all([...this.finalizing]);
  }

  /** Statements being finalized: a connection with one left open cannot close. */
  private readonly finalizing = new Set<Promise<void>>();

  private finalize(stmt: Promise<sqlcipher.Statement>): void {
    const done: Promise<void> = stmt
      .then((s) => new Promise<void>((resolve) => s.finalize(() => resolve())))
      .catch(() => undefined)
      .then(() => void this.finalizing.delete(done));
    this.finalizing.add(done);
  }
}

/** The connection as `exclusive` lends it. */
export interface Conn {
  exec(sql: string): Promise<void>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  /** A transaction inside the exclusive section (BEGIN IMMEDIATE … COMMIT, rolled back on error). */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Re-encrypts every page under `key` (SQLCipher's PRAGMA rekey, one transaction). */
  rekey(key: Buffer): Promise<void>;
}

/** The reads the after-commit hook may make. */
export type ReadTx = Pick<Tx, 'get' | 'all'>;

export interface Tx {
  run(sql: string, params?: Params): Promise<{ changes: number; lastID: number }>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

/** Translates SQLite's errors into the few a user can act on; keeps others as they are. */
export function mapSqliteError(e: unknown): unknown {
  if (e instanceof CoreError) return e;
  const code = (e as { code?: string } | null)?.code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return new CoreError('VAULT_DAMAGED');
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new CoreError('VAULT_IN_USE');
  return e;
}
