/**
 * IPC fuzz suite (issue 18, point 3). For every channel in CHANNELS and every role (signed out,
 * officer, supervisor, auditor, administrator) it dispatches generated payloads through core's one
 * dispatcher, over a team vault holding real data, and counts what must never happen.
 *
 * Payloads (fast-check): shapes derived from the channel's zod schema (valid or nearly so, with the
 * vault's REAL ids mixed in so the fuzz reaches past parsing into the services), the same shapes with
 * one field replaced by something hostile, and hostile values alone: wrong types, a 1 MB string, an
 * array of 10^5 items, unicode edge cases (NUL, lone surrogates, RTL marks, combining marks,
 * full-width forms), prototype-pollution keys, 10^4 levels of nesting, undefined/null/NaN/±Infinity.
 *
 * Figures (what `fuzzSuite.run` returns and prints), all but `dispatches` must be 0:
 *   {
 *     dispatches: number;            // dispatches made (each payload × role), not counting replays
 *     accepted: number; refused: number;
 *     deep: number;                  // dispatches past parsing and the policy (reached a service)
 *     crashes: number;               // a dispatch that threw/rejected instead of returning a Result
 *     internal: number;              // results with error.code === 'INTERNAL'
 *     leaks: number;                 // results (error or ok value) carrying a stack frame or a path
 *     refusedStateChanges: number;   // refused payloads after which the vault's content hash moved
 *     integrityOk: boolean;          // the vault reopens and PRAGMA integrity_check says ok
 *     failures: Failure[];           // each: channel, role, kind, the payload (shrunk where possible)
 *     vaultDir: string;              // kept for inspection when anything failed
 *     excluded: { channel, reason }[];
 *     ms: number;
 *   }
 * Short form: tests/integration/fuzz.test.ts. Long form: `fuzzSuite.run({ payloadsPerChannel: 10_000 })`.
 * Needs a fast KDF for a reasonable run time (tests/fixtures/fast-kdf.ts, as the integration project).
 */
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { CHANNELS, type Channel } from '../../electron/common/channels';
import { contract } from '../../electron/common/contract';
import { Db } from '../../electron/core/db/connection';
import type { MamoriCoreApi } from '../../electron/core/index';
import { intake } from '../fixtures/cases';
import { adminDataKey } from '../fixtures/raw';
import { team } from '../fixtures/team';
import { ADMIN, ok, removeDir, signInAdmin } from '../fixtures/vault';

export type Role = 'signed-out' | 'officer' | 'supervisor' | 'auditor' | 'administrator';
export const ROLES: readonly Role[] = ['signed-out', 'officer', 'supervisor', 'auditor', 'administrator'];

/** Channels not fuzzed, each with its reason (every other channel in CHANNELS is fuzzed as every role). */
export const EXCLUDED: readonly { channel: Channel; reason: string }[] = [
  { channel: 'vault:rotateKey', reason: 'a valid reason re-keys the database: the raw connection hashing the vault (admin data key) would stop reading it mid-run' },
  { channel: 'backup:restore', reason: 'replaces the open vault with a backup (no backup dialogs are given, but a success would end the run)' },
  { channel: 'backup:restoreInto', reason: 'restores a backup into a vault directory; same reason as backup:restore' },
  { channel: 'retention:purge', reason: 'destroys the cases whose real ids the fuzz depends on (its refusals are covered by tests/integration/retention.test.ts)' },
];
const EXCLUDED_SET = new Set<string>(EXCLUDED.map((e) => e.channel));

/** Channels that may end the session when they succeed: the fuzz signs back in after them. */
const SESSION_ENDERS = new Set<string>(['session:lock', 'session:signOut', 'session:signIn', 'session:changePassphrase', 'vault:create', 'vault:recover']);

/** Refusals by the dispatcher itself (parsing, policy): the payload never reached a service. */
const SHALLOW = new Set(['INVALID_INPUT', 'FORBIDDEN', 'NOT_SIGNED_IN', 'PASSPHRASE_CHANGE_REQUIRED', 'UNKNOWN_CHANNEL']);

export interface Failure {
  channel: string;
  role: Role;
  kind: 'crash' | 'internal' | 'leak' | 'refused-state-change' | 'setup';
  detail: string;
  payload: string;
  shrunk?: string;
}

export interface FuzzFigures {
  dispatches: number;
  accepted: number;
  refused: number;
  /** Dispatches that passed parsing and the policy, so reached a handler (accepted or refused by it). */
  deep: number;
  crashes: number;
  internal: number;
  leaks: number;
  refusedStateChanges: number;
  integrityOk: boolean;
  failures: Failure[];
  vaultDir: string;
  excluded: readonly { channel: Channel; reason: string }[];
  ms: number;
}

// ---------- hostile values ----------

const MB = 1024 * 1024;
function deepNest(levels: number): unknown {
  let v: Record<string, unknown> = {};
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}
function deepArray(levels: number): unknown {
  let v: unknown[] = [];
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}
const UNICODE = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDC00x',
  'x\uDBFF',
  '\u202Eevil\u202C',
  '\u200F\u200E\u2066\u2069',
  'e\u0301\u0301\u0301\u0301',
  'Ｍａｍｏｒｉ　ＡＢＣ１２３',
  '\uFEFF',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢😀',
  ' \t\n\r ',
  "'; DROP TABLE cases; --",
  '%s%n%x',
  '../../../etc/passwd',
  'Z̴̡̪̫̖̥̔͊̓̽̕a̸̧̗̫̙̓l̷͚̼̈́g̶͎̈́̀o̷̯̾',
];
function protoObjects(): unknown[] {
  return [
    JSON.parse('{"__proto__": {"polluted": true, "role": "administrator"}}') as unknown,
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
    { prototype: { polluted: true } },
    Object.create(null) as unknown,
    JSON.parse('{"__proto__": null}') as unknown,
  ];
}

/** Built once per run: the big ones cost memory, and each is reused by reference. */
function hostileValues(): unknown[] {
  const huge = 'x'.repeat(MB);
  return [
    undefined,
    null,
    0,
    -1,
    1e308,
    -0,
    NaN,
    Infinity,
    -Infinity,
    Number.MAX_SAFE_INTEGER + 2,
    true,
    false,
    '',
    huge,
    '\u0000'.repeat(MB / 4),
    new Array(100_000).fill('x'),
    Array.from({ length: 100_000 }, (_, i) => i),
    deepNest(10_000),
    deepArray(10_000),
    [],
    {},
    [[]],
    ...UNICODE,
    ...protoObjects(),
    new Date(NaN),
    new Uint8Array(16),
    new Map([['a', 1]]),
    10n,
  ];
}

// ---------- arbitraries derived from the zod contract ----------

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

interface Pools {
  /** Read when a payload is generated: ids harvested from earlier successes join the pool as the run goes. */
  ids: () => readonly string[];
  strings: string[];
}

const NO_ID = '00000000-0000-4000-8000-000000000000';

const DATES = ['2025-01-01', '2025-09-05', '2026-06-01', '2026-12-31', '1900-01-01', '2099-12-31', '2025-02-30'];
const DATETIMES = ['2026-06-01T00:00:00.000Z', '2025-01-01T12:00:00Z', '1970-01-01T00:00:00.000Z'];

function stringArb(s: unknown, pools: Pools): fc.Arbitrary<string> {
  const z4 = s as { format?: string | null; minLength?: number | null; maxLength?: number | null };
  const max = z4.maxLength ?? 60;
  const min = z4.minLength ?? 0;
  const ids = fc.nat().map((i) => {
    const pool = pools.ids();
    return pool.length ? pool[i % pool.length]! : NO_ID;
  });
  if (z4.format === 'uuid' || z4.format === 'guid') return fc.oneof({ weight: 6, arbitrary: ids }, { weight: 1, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.string() });
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, Math.max(min, 80)) }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, Math.max(min, 40)) }) },
    { weight: 2, arbitrary: fc.constantFrom(...DATES, ...DATETIMES) },
    { weight: 2, arbitrary: ids },
    { weight: 1, arbitrary: fc.constantFrom(...UNICODE, ...pools.strings) },
  );
}

function numberArb(s: unknown): fc.Arbitrary<number> {
  const z4 = s as { minValue?: number | null; maxValue?: number | null; isInt?: boolean };
  const lo = Number.isFinite(z4.minValue) ? Math.max(z4.minValue!, -1e9) : -1000;
  const hi = Number.isFinite(z4.maxValue) ? Math.min(z4.maxValue!, 1e9) : 1000;
  const inRange = z4.isInt ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true });
  return fc.oneof({ weight: 5, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(lo - 1, hi + 1, 0, -0, 0.5, NaN, Infinity) });
}

/** An arbitrary of values shaped by a zod schema (valid or nearly: refinements are not followed). */
export function fromSchema(schema: unknown, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 8) return fc.constant(undefined);
  const next = (s: unknown) => fromSchema(s, pools, depth + 1);
  switch (def.type) {
    case 'string':
      return stringArb(schema, pools);
    case 'number':
      return numberArb(schema);
    case 'int':
      return fc.integer({ min: -1000, max: 1000 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum': {
      const values = Object.values(def.entries as Record<string, unknown>);
      return values.length ? fc.constantFrom(...values) : fc.constant('x');
    }
    case 'optional':
      return fc.option(next(def.innerType), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(next(def.innerType), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return fc.oneof(next(def.innerType), fc.constant(undefined));
    case 'pipe':
      return next(def.in);
    case 'lazy':
      return depth > 3 ? fc.constant(null) : next((def.getter as () => unknown)());
    case 'union': {
      const opts = def.options as unknown[];
      return fc.oneof(...opts.map(next));
    }
    case 'intersection':
      return fc.tuple(next(def.left), next(def.right)).map(([a, b]) => (isPlain(a) && isPlain(b) ? { ...a, ...b } : a));
    case 'array':
      return fc.array(next(def.element), { maxLength: 4 });
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map(next));
    case 'record':
      return fc.dictionary(fc.oneof(next(def.keyType) as fc.Arbitrary<string>, fc.string({ maxLength: 10 })).filter((k) => typeof k === 'string'), next(def.valueType), { maxKeys: 3 });
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const entries: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(shape)) entries[k] = next(v);
      return fc.record(entries, { requiredKeys: [] }).map((o) => o);
    }
    case 'date':
      return fc.date();
    default:
      // any, unknown, custom, transform...: anything at all.
      return fc.anything({ maxDepth: 2 });
  }
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The payload arbitrary of one channel: valid shapes, shapes with one hostile field, hostile values. */
function payloadArb(channel: Channel, pools: Pools, hostile: unknown[]): fc.Arbitrary<unknown> {
  const valid = fromSchema(contract[channel].input, pools);
  const bad = fc.constantFrom(...hostile);
  const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
  const mutated = fc.tuple(valid, bad, fc.nat(), fc.boolean()).map(([v, h, i, addKey]) => {
    if (!isPlain(v)) return h;
    const copy: Record<string, unknown> = { ...v };
    const keys = Object.keys(copy);
    if (addKey || keys.length === 0) Object.defineProperty(copy, PROTO_KEYS[i % PROTO_KEYS.length]!, { value: h, enumerable: true, configurable: true, writable: true });
    else copy[keys[i % keys.length]!] = h;
    return copy;
  });
  return fc.oneof(
    { weight: 5, arbitrary: valid },
    { weight: 3, arbitrary: mutated },
    { weight: 2, arbitrary: bad },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true }) },
  );
}

// ---------- checks ----------

const LEAK = /(^|\n)\s*at\s+\S+.*[(:]|\bat\s+[\w.<>]+\s+\(|\/home\/|\/tmp\/|\/work\/|\/root\/|\/usr\/|node_modules|\.ts:\d|\.js:\d|\.mjs:\d|\bat async\b/;

export function leakIn(result: unknown): string | null {
  let text: string;
  try {
    text = JSON.stringify(result) ?? '';
  } catch (e) {
    return `unserialisable result: ${String(e)}`;
  }
  const m = LEAK.exec(text);
  return m ? text.slice(Math.max(0, m.index - 80), m.index + 120) : null;
}

export function describe(payload: unknown, max = 400): string {
  const seen = new WeakSet<object>();
  let depth = 0;
  const walk = (v: unknown): string => {
    if (depth > 12) return '…';
    if (typeof v === 'string') return v.length > 60 ? `${JSON.stringify(v.slice(0, 40))}…(${v.length} chars)` : JSON.stringify(v);
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
    if (typeof v !== 'object') return typeof v;
    if (seen.has(v)) return '<cycle>';
    seen.add(v);
    depth++;
    try {
      if (Array.isArray(v)) return v.length > 8 ? `[${v.slice(0, 3).map(walk).join(', ')}, …(${v.length} items)]` : `[${v.map(walk).join(', ')}]`;
      if (v instanceof Date) return `Date(${Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString()})`;
      const keys = Object.keys(v);
      const proto = Object.getPrototypeOf(v) === null ? 'null-proto ' : '';
      return `${proto}{${keys
        .slice(0, 12)
        .map((k) => `${JSON.stringify(k)}: ${walk((v as Record<string, unknown>)[k])}`)
        .join(', ')}}`;
    } finally {
      depth--;
    }
  };
  const s = walk(payload);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** Content hash of every table but the audit trail, per table (so a change names its table). */
async function vaultHash(db: Db): Promise<Map<string, string>> {
  return db.read(async (r) => {
    const tables = await r.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log' ORDER BY name");
    const out = new Map<string, string>();
    for (const { name } of tables) {
      const rows = await r.all<Record<string, unknown>>(`SELECT * FROM "${name.replace(/"/g, '""')}"`);
      const lines = rows.map((row) => JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))).sort();
      out.set(name, createHash('sha256').update(lines.join('\n')).digest('hex'));
    }
    return out;
  });
}

function changedTables(a: Map<string, string>, b: Map<string, string>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => a.get(n) !== b.get(n));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
function harvestIds(value: unknown, into: Set<string>): void {
  const text = JSON.stringify(value) ?? '';
  for (const m of text.matchAll(UUID)) into.add(m[0]);
}

// ---------- the run ----------

const PASS_AUDITOR = 'auditor passphrase for the fuzz';
const PASS_VICTIM = 'victim passphrase for the fuzz';

/** `roles`: the roles to fuzz as (all five by default); the long form can be split across processes by role. */
async function run(opts: { payloadsPerChannel: number; seed?: number; channels?: readonly Channel[]; roles?: readonly Role[]; log?: (line: string) => void }): Promise<FuzzFigures> {
  const started = Date.now();
  const log = opts.log ?? ((l: string) => console.log(l));
  const seed = opts.seed ?? Date.now() % 2 ** 31;
  // A clock the fuzz owns: a throttle or idle limit is passed by moving it, never by waiting.
  let clock = Date.parse('2026-06-01T09:00:00.000Z');
  const now = () => clock;
  const dirs: string[] = [];
  const t = await team(dirs, now);
  const core: MamoriCoreApi = t.core;
  const vaultDir = t.dataDir;
  log(`ipc fuzz: seed ${seed}, vault ${vaultDir}`);

  // Extra members: an auditor, and a sacrificial officer whose id the users:* channels may act on.
  await signInAdmin(core);
  const extra: Record<string, string> = {};
  for (const [username, role, pass] of [
    ['fuzz.auditor', 'auditor', PASS_AUDITOR],
    ['fuzz.victim', 'officer', PASS_VICTIM],
  ] as const) {
    const r = await ok<{ user: { id: string }; temporaryPassphrase: string }>(core, 'users:create', { username, displayName: `Fuzz ${role}`, role });
    extra[username] = r.user.id;
    await core.lock('user');
    await ok(core, 'session:signIn', { username, passphrase: r.temporaryPassphrase });
    await ok(core, 'session:changePassphrase', { currentPassphrase: r.temporaryPassphrase, newPassphrase: pass });
    await core.lock('user');
    await signInAdmin(core);
  }
  await core.lock('user');

  // Real data: cases (one per officer, one by the supervisor), notes; ids harvested from what core returns.
  const ids = new Set<string>();
  await t.as('officer.a');
  for (const name of ['ALVAREZ', 'BAUTISTA']) {
    const c = await ok(core, 'cases:create', intake({ familyName: name }));
    harvestIds(c, ids);
  }
  await t.as('sup.c');
  harvestIds(await ok(core, 'cases:create', intake({ familyName: 'CRUZ', sex: 'male', nationality: 'VNM' })), ids);
  const list = await ok<{ items?: { id: string }[]; cases?: { id: string }[] }>(core, 'cases:list', {});
  harvestIds(list, ids);
  const caseIds = [...ids];
  for (const id of caseIds.slice(0, 3)) {
    const r = await core.dispatch('cases:addNote', { caseId: id, noteType: 'general', body: 'A fictional note for the fuzz.', sealed: false });
    if (r.ok) harvestIds(r.value, ids);
    const g = await core.dispatch('cases:get', { id });
    if (g.ok) harvestIds(g.value, ids);
  }
  for (const ch of ['work:mine', 'decisions:queue', 'interpreters:list', 'organisations:search', 'cases:staff'] as const) {
    const r = await core.dispatch(ch, {});
    if (r.ok) harvestIds(r.value, ids);
  }
  await core.lock('user');
  await signInAdmin(core);
  const { users } = await ok<{ users: { id: string; username: string }[] }>(core, 'users:list', {});
  harvestIds(users, ids);
  await core.lock('user');

  // Every account the fuzz signs in with stays out of the users:* channels (disabled or reset, it
  // could not sign in again); only the sacrificial officer is theirs to act on.
  const protectedIds = new Set(users.filter((u) => u.username !== 'fuzz.victim').map((u) => u.id));
  let all: string[] = [...ids];
  let forUsers: string[] = all.filter((id) => !protectedIds.has(id));
  const harvest = (value: unknown) => {
    if (ids.size >= 500) return;
    const n = ids.size;
    harvestIds(value, ids);
    if (ids.size !== n) {
      all = [...ids];
      forUsers = all.filter((id) => !protectedIds.has(id));
    }
  };
  const pools: Pools = { ids: () => all, strings: ['fuzz.victim', 'sup.c', 'officer.a'] };
  const userPools: Pools = { ids: () => forUsers, strings: ['fuzz.victim'] };
  log(`ipc fuzz: ${ids.size} real ids in the pool at the start`);

  const raw = await Db.open(join(vaultDir, 'mamori.db'), await adminDataKey(vaultDir), { create: false, readOnly: true });
  // Self-check: the raw connection sees core's commits (else every "unchanged" below would mean nothing).
  {
    await signInAdmin(core);
    const h0 = await vaultHash(raw);
    await ok(core, 'users:setLocale', { locale: 'ja' });
    const moved = changedTables(h0, await vaultHash(raw));
    await ok(core, 'users:setLocale', { locale: 'en' });
    await core.lock('user');
    if (!moved.length) throw new Error('ipc fuzz: the content hash did not see a committed change; the refused-state check would be blind');
  }
  const hostile = hostileValues();

  const figures: FuzzFigures = { dispatches: 0, accepted: 0, refused: 0, deep: 0, crashes: 0, internal: 0, leaks: 0, refusedStateChanges: 0, integrityOk: false, failures: [], vaultDir, excluded: EXCLUDED, ms: 0 };

  const passFor: Record<Exclude<Role, 'signed-out'>, [string, string]> = {
    officer: ['officer.a', 'officer a passphrase'],
    supervisor: ['sup.c', 'supervisor passphrase'],
    auditor: ['fuzz.auditor', PASS_AUDITOR],
    administrator: [ADMIN.username, ADMIN.passphrase],
  };
  async function become(role: Role): Promise<void> {
    await core.lock('user');
    if (role === 'signed-out') return;
    const [username, passphrase] = passFor[role];
    let last = '';
    for (let attempt = 0; attempt < 6; attempt++) {
      const r = await core.dispatch('session:signIn', { username, passphrase });
      if (r.ok) return;
      last = r.error.code;
      // A throttle is passed by moving the fuzz's clock; an account locked by refused payloads
      // (wrong current passphrases...) is unlocked by the administrator, as in the app.
      clock += (r.error.retryAfterMs ?? 60_000) + 1_000;
      if (attempt === 2 && role !== 'administrator') {
        const id = users.find((u) => u.username === username)?.id;
        await core.dispatch('session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
        if (id) await core.dispatch('users:unlockSignIn', { userId: id });
        await core.lock('user');
      }
    }
    throw new Error(`ipc fuzz: could not sign in again as ${role} (${last}); vault kept at ${vaultDir}`);
  }

  type Outcome = { kind: 'ok' } | { kind: 'refused'; code: string } | { kind: 'crash'; detail: string };
  async function one(channel: Channel, role: Role, payload: unknown, record: boolean): Promise<Outcome> {
    clock += 1;
    let outcome: Outcome;
    let result: unknown;
    try {
      const r = await core.dispatch(channel, payload);
      result = r;
      outcome = r.ok ? { kind: 'ok' } : { kind: 'refused', code: r.error.code };
      if (r.ok) harvest(r.value);
    } catch (e) {
      outcome = { kind: 'crash', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    }
    if (record) {
      figures.dispatches++;
      if (outcome.kind === 'ok') figures.accepted++;
      if (outcome.kind === 'refused') figures.refused++;
      if (outcome.kind === 'ok' || (outcome.kind === 'refused' && !SHALLOW.has(outcome.code))) figures.deep++;
      const fail = (kind: Failure['kind'], detail: string) => {
        // Said at once as well as in the summary, so a long run that is stopped early still names it.
        if (figures.failures.length < 20) log(`ipc fuzz FAILURE [${kind}] ${channel} as ${role}: ${detail}`);
        if (figures.failures.length < 200) figures.failures.push({ channel, role, kind, detail, payload: describe(payload) });
      };
      if (outcome.kind === 'crash') {
        figures.crashes++;
        fail('crash', outcome.detail);
      } else if (outcome.kind === 'refused' && outcome.code === 'INTERNAL') {
        figures.internal++;
        fail('internal', 'INTERNAL');
      }
      const leak = outcome.kind === 'crash' ? null : leakIn(result);
      if (leak) {
        figures.leaks++;
        fail('leak', leak);
      }
    }
    // Keep the run going: sign back in when a payload ended the session (or a refusal locked it).
    if (role !== 'signed-out' && (SESSION_ENDERS.has(channel) || outcome.kind !== 'ok')) {
      const cur = await core.dispatch('session:current', {});
      const signedIn = cur.ok && !!(cur.value as { user?: unknown } | null)?.user;
      if (!signedIn) await become(role);
    } else if (role === 'signed-out' && SESSION_ENDERS.has(channel) && outcome.kind === 'ok') {
      await core.lock('user');
    }
    return outcome;
  }

  const isBad = (o: Outcome) => o.kind === 'crash' || (o.kind === 'refused' && o.code === 'INTERNAL');

  const channels = (opts.channels ?? CHANNELS).filter((c) => !EXCLUDED_SET.has(c));
  let batchNo = 0;
  const arbs = new Map(channels.map((c) => [c, payloadArb(c, c.startsWith('users:') ? userPools : pools, hostile)]));
  // Role by role (one sign-in each, again only when a payload ended the session), channel by channel.
  for (const role of opts.roles ?? ROLES) {
    await become(role);
    for (const channel of channels) {
      const arb = arbs.get(channel)!;
      batchNo++;
      const batchSeed = (seed + batchNo * 7919) % 2 ** 31;
      if (role === 'signed-out') await core.lock('user');
      const payloads = fc.sample(arb, { seed: batchSeed, numRuns: opts.payloadsPerChannel });
      const before = await vaultHash(raw);
      const outcomes: Outcome[] = [];
      let shrunkOnce = false;
      for (const p of payloads) {
        const o = await one(channel, role, p, true);
        outcomes.push(o);
        if (isBad(o) && !shrunkOnce && figures.failures.length < 20) {
          shrunkOnce = true;
          // Ask fast-check for the smallest payload that still fails (same arbitrary, same seed).
          const check = await fc.check(
            fc.asyncProperty(arb, async (q) => !isBad(await one(channel, role, q, false))),
            { seed: batchSeed, numRuns: opts.payloadsPerChannel, examples: [[p]] },
          );
          const last = figures.failures.at(-1);
          if (check.failed && last) last.shrunk = describe(check.counterexample?.[0]);
        }
      }
      const after = await vaultHash(raw);
      let changed = changedTables(before, after);
      // Refused payloads are checked on their own: replayed when some payload of the batch succeeded.
      let refusedOnly = outcomes.every((o) => o.kind !== 'ok');
      let suspects = payloads;
      if (changed.length && !refusedOnly) {
        suspects = payloads.filter((_, i) => outcomes[i]!.kind === 'refused');
        const b2 = await vaultHash(raw);
        const again = [];
        for (const p of suspects) again.push(await one(channel, role, p, false));
        changed = changedTables(b2, await vaultHash(raw));
        refusedOnly = again.every((o) => o.kind !== 'ok');
      }
      if (changed.length && refusedOnly) {
        // Find the culprit(s): one at a time, hashing around each.
        for (const p of suspects) {
          const h = await vaultHash(raw);
          const o = await one(channel, role, p, false);
          const moved = changedTables(h, await vaultHash(raw));
          if (moved.length && o.kind !== 'ok') {
            figures.refusedStateChanges++;
            if (figures.failures.length < 200) figures.failures.push({ channel, role, kind: 'refused-state-change', detail: `${o.kind === 'refused' ? o.code : o.kind}; tables changed: ${moved.join(', ')}`, payload: describe(p) });
          }
        }
      }
    }
    const { crashes, internal, leaks, refusedStateChanges } = figures;
    log(`ipc fuzz: ${figures.dispatches} dispatches, ${Math.round((Date.now() - started) / 1000)} s (after the ${role} role); so far ${JSON.stringify({ crashes, internal, leaks, refusedStateChanges })}`);
  }

  await core.close();
  await raw.close();
  // The vault still opens, and its file is sound.
  try {
    const db = await Db.open(join(vaultDir, 'mamori.db'), await adminDataKey(vaultDir), { create: false });
    const rows = await db.read((r) => r.all<{ integrity_check: string }>('PRAGMA integrity_check'));
    figures.integrityOk = rows.length === 1 && rows[0]!.integrity_check === 'ok';
    await db.close();
    const again = (await import('../../electron/core/index')).createCore({ dataDir: vaultDir, locale: 'en', now });
    const r = await again.dispatch('session:signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    if (!r.ok) {
      figures.integrityOk = false;
      figures.failures.push({ channel: 'session:signIn', role: 'administrator', kind: 'setup', detail: `vault did not open after the fuzz: ${r.error.code}`, payload: '' });
    }
    await again.close();
  } catch (e) {
    figures.integrityOk = false;
    figures.failures.push({ channel: '-', role: 'administrator', kind: 'setup', detail: `integrity check failed: ${String(e)}`, payload: '' });
  }
  figures.ms = Date.now() - started;
  log(`ipc fuzz: ${ids.size} real ids in the pool at the end`);
  const { failures, excluded, ...numbers } = figures;
  log(`ipc fuzz figures: ${JSON.stringify(numbers)}`);
  log(`ipc fuzz: ${excluded.length} channels excluded: ${excluded.map((e) => e.channel).join(', ')}`);
  for (const f of failures) log(`ipc fuzz FAILURE [${f.kind}] ${f.channel} as ${f.role}: ${f.detail}\n  payload: ${f.payload}${f.shrunk ? `\n  shrunk: ${f.shrunk}` : ''}`);
  if (failures.length || !figures.integrityOk) log(`ipc fuzz: vault kept for inspection at ${vaultDir}`);
  else if (basename(dirname(vaultDir)).startsWith('mamori-test-')) removeDir(dirname(vaultDir));
  return figures;
}

export const fuzzSuite = { name: 'ipc fuzz', run };
