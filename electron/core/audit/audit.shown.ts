/**
 * The trail as an auditor reads it (issue 16): the identifiers an entry holds are resolved when the
 * page is read — an account to its display name, a case to its reference, any other record to its
 * kind and its case's reference — and every coded value is typed by the vocabulary it comes from, for
 * the renderer to label in the user's language. The entry itself is never changed.
 *
 * Only what an auditor may see (DESIGN.md §3): names of accounts and case references. Never a sealed
 * value and never case content: adverse parties are counted, not named; the organisations and
 * interpreters of the registry, which auditors cannot read, are named by kind only.
 */
import type { AuditCodeList, AuditRecord } from '../../common/audit';
import type { AuditTargetShown, AuditValueShown } from '../../common/contract.audit';
import type { Tx } from '../db/connection';
import type { AuditRow } from './audit.repository';

type Raw = string | number | boolean | null;

/** Looks accounts up once per page. */
interface Lookups {
  userName(id: string): Promise<string | null>;
}

/** What a value is read against: its entry's case reference and the page's lookups. */
interface Context extends Lookups {
  caseRef: string | null;
}

type Rule = (raw: Raw, c: Context) => AuditValueShown | Promise<AuditValueShown>;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const NONE: AuditValueShown = { kind: 'none' };

/** A value by its own type: yes/no, a number, an instant, a day, or text as recorded. */
function plainValue(raw: Raw): AuditValueShown {
  if (raw === null || raw === '') return NONE;
  if (typeof raw === 'boolean') return { kind: 'yesNo', value: raw };
  if (typeof raw === 'number') return { kind: 'number', value: raw };
  if (ISO_INSTANT.test(raw)) return { kind: 'time', at: raw };
  if (ISO_DAY.test(raw)) return { kind: 'date', on: raw };
  return { kind: 'text', text: raw };
}
const plain: Rule = (raw) => plainValue(raw);

/** Text as recorded, even when it looks like something else (a stated reason, a hash, a file name). */
const textValue = (raw: Raw): AuditValueShown => (raw === null || raw === '' ? NONE : { kind: 'text', text: String(raw) });
const text: Rule = (raw) => textValue(raw);

const list = (raw: Raw): string[] => (typeof raw === 'string' ? raw.split(',').filter(Boolean) : []);

/** One code or a comma-separated list of codes of `vocabulary`. */
const codes =
  (vocabulary: AuditCodeList): Rule =>
  (raw) =>
    typeof raw === 'string' && raw !== '' ? { kind: 'codes', list: vocabulary, codes: list(raw) } : plainValue(raw);

/** Account ids, one or comma-separated, by display name. */
const users: Rule = async (raw, c) => (list(raw).length ? { kind: 'users', names: await Promise.all(list(raw).map((id) => c.userName(id))) } : NONE);

/** Records by kind and number, of the entry's case (an id list or one id). */
const records =
  (record: AuditRecord, ofCase: boolean): Rule =>
  (raw, c) =>
    list(raw).length ? { kind: 'records', record, count: list(raw).length, reference: ofCase ? c.caseRef : null } : NONE;

/** 'returned-home=60,other=120': months per closing outcome. */
const months: Rule = (raw) =>
  typeof raw === 'string' && raw !== ''
    ? {
        kind: 'months',
        list: 'closingOutcome',
        items: list(raw).map((pair) => {
          const [code, n] = pair.split('=');
          return { code, months: Number(n) };
        }),
      }
    : NONE;

/** How each detail reads whatever the action, unless the action says otherwise below. */
const BY_KEY: Record<string, Rule> = {
  reason: text,
  conflictReason: text,
  pathway: codes('pathway'),
  officers: users,
  supervisor: users,
  assignedTo: users,
  removed: users,
  field: codes('sealedField'),
  role: codes('role'),
  locale: codes('locale'),
  context: codes('conflictContext'),
  parties: records('adverse-party', true),
  sections: codes('caseSection'),
  queue: codes('queue'),
  via: codes('via'),
  account: codes('account'),
  profile: codes('exportProfile'),
  unmet: codes('readinessItem'),
  level: codes('considerationLevel'),
  wish: codes('wish'),
  consent: codes('iomConsent'),
  why: codes('keyRevoked'),
  status: codes('keyStatus'),
  code: codes('errorCode'),
  dimension: codes('statisticsDimension'),
  granularity: codes('statisticsGranularity'),
  organisation: records('organisation', false),
  followup: records('followup', false),
  keyId: text,
  key: text,
  sha256: text,
  snapshot: text,
  nameHash: text,
  fileName: text,
  file: text,
  decisionReference: text,
  anchorsFailed: text,
  checkpointMac: text,
  matches: (raw) => (typeof raw === 'number' ? plainValue(raw) : textValue(raw)),
};

/** Where an action gives a detail another meaning than BY_KEY's. */
const BY_ACTION: Partial<Record<string, Record<string, Rule>>> = {
  'session.locked': { reason: codes('lockReason') },
  'session.signed-out': { reason: codes('lockReason') },
  'case.stage-changed': { from: codes('stage'), to: codes('stage'), outcome: codes('closingOutcome') },
  'case.purged': { outcome: codes('closingOutcome') },
  'case.note-added': { type: codes('noteType') },
  'case.adverse-party-saved': { role: codes('adverseRole') },
  'case.consideration-recorded': { kind: codes('considerationKind') },
  'interview.recorded': { outcome: codes('interviewOutcome') },
  'interview.overridden': { items: codes('readinessItem') },
  'export.sealed-authorised': { items: codes('sealedItem') },
  'export.previewed': { sealed: codes('sealedItem') },
  'export.saved': { sealed: codes('sealedItem') },
  'export.printed': { sealed: codes('sealedItem') },
  'decision.superseded': { by: records('decision', true) },
  'vault.recovery-key-issued': { after: codes('recoveryAfter') },
  'retention.policy-updated': { before: months, after: months },
  'organisation.created': { type: codes('organisationType') },
  'organisation.updated': { type: codes('organisationType') },
  'organisation.status-recorded': { kind: codes('organisationStatus') },
  'organisation.followup-saved': { outcome: codes('followupOutcome') },
};

/** The search an audit export ran, one detail per part: who, what, which case, from, to. */
async function exportFilter(raw: Raw, c: Context): Promise<{ key: string; value: AuditValueShown }[]> {
  let filter: Record<string, unknown>;
  try {
    filter = typeof raw === 'string' ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    return [{ key: 'filter', value: textValue(raw) }];
  }
  const part = (key: string, value: unknown, rule: Rule) => (typeof value === 'string' ? [{ key, value: rule(value, c) }] : []);
  const parts = [
    ...part('filterActor', filter.actorId, users),
    ...part('filterAction', filter.action, codes('auditAction')),
    ...part('filterCase', filter.caseRef, text),
    ...part('filterFrom', filter.from, plain),
    ...part('filterTo', filter.to, plain),
  ];
  return Promise.all(parts.map(async (p) => ({ key: p.key, value: await p.value })));
}

const RECORD_TARGETS: Record<string, AuditRecord> = {
  decision: 'decision',
  note: 'note',
  interview: 'interview',
  'adverse-party': 'adverse-party',
  consideration: 'consideration',
  wish: 'wish',
  'iom-consent': 'iom-consent',
  hold: 'hold',
  organisation: 'organisation',
  interpreter: 'interpreter',
};
/** Registry records: no auditor may read them, so not even their case is named. */
const REGISTRY: readonly AuditRecord[] = ['organisation', 'interpreter'];

async function targetShown(target: string | null, c: Context): Promise<AuditTargetShown | null> {
  if (!target) return null;
  const at = target.indexOf(':');
  const [kind, id] = at < 0 ? [target, ''] : [target.slice(0, at), target.slice(at + 1)];
  if (kind === 'user') return { kind: 'user', name: await c.userName(id) };
  if (kind === 'case') return { kind: 'case', reference: c.caseRef };
  if (kind === 'export') return { kind: 'export', number: id };
  const record = RECORD_TARGETS[kind];
  // A kind this version does not know yet says nothing rather than its identifier.
  if (!record) return null;
  return { kind: 'record', record, reference: REGISTRY.includes(record) ? null : c.caseRef };
}

/** Account names for a page of entries, each looked up once. */
function lookups(tx: Tx): Lookups {
  const names = new Map<string, Promise<string | null>>();
  return {
    userName(id) {
      let name = names.get(id);
      if (!name) {
        name = tx.get<{ display_name: string }>('SELECT display_name FROM users WHERE id = ?', [id]).then((u) => u?.display_name ?? null);
        names.set(id, name);
      }
      return name;
    },
  };
}

export type Shown = { target: AuditTargetShown | null; details: { key: string; value: AuditValueShown }[] };

/** Each entry's target and details as the page shows them, in the entries' order. */
export async function showEntries(tx: Tx, rows: readonly Pick<AuditRow, 'action' | 'case_ref' | 'target' | 'details'>[]): Promise<Shown[]> {
  const page = lookups(tx);
  const shown: Shown[] = [];
  for (const row of rows) {
    const c: Context = { ...page, caseRef: row.case_ref };
    const details = JSON.parse(row.details) as Record<string, Raw>;
    const rules = BY_ACTION[row.action] ?? {};
    const out: Shown['details'] = [];
    for (const [key, raw] of Object.entries(details)) {
      if (row.action === 'audit.exported' && key === 'filter') out.push(...(await exportFilter(raw, c)));
      else out.push({ key, value: await (rules[key] ?? BY_KEY[key] ?? plain)(raw, c) });
    }
    shown.push({ target: await targetShown(row.target, c), details: out });
  }
  return shown;
}
