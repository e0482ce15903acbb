/**
 * Synthetic case files for demos, end-to-end tests and benchmarks. Every generated person is
 * fictional (random combinations of common names), and every case carries a note saying so.
 */
import { randomUUID } from 'node:crypto';
import {
  EXPLOITATION_TYPES,
  FLAGS,
  INDICATORS,
  REFERRAL_SOURCES,
  RISK_LEVELS,
  STAGES,
  screeningDue,
  type Exploitation,
  type Person,
} from '../../common/cases';
import { CUSTODY, CUSTODY_WITH_REPORTING, isTechnicalIntern, STATUSES_OF_RESIDENCE, TECHNICAL_INTERN_STATUSES, type Immigration } from '../../common/immigration';
import { CLOSING_OUTCOMES } from '../../common/retention';
import type { Tx } from '../db/connection';
import { demoFamilyKatakana, demoNotes } from './demoNotes';
import { seedDemoOrganisations } from './demoOrganisations';
import { isoDay, prng } from './random';
import type { CaseColumns } from '../caseAccess/caseAccess.repository';
import { insertCases, lastReferenceSeq, nextNum } from '../cases/cases.repository';
import { insertSearchEntries, searchEntry } from '../cases/searchIndex';
import { exploitationColumns, immigrationColumns, personColumns } from '../cases/cases.service';

const PEOPLE: Record<string, { languages: string[]; family: string[]; given: string[] }> = {
  PHL: { languages: ['tl', 'en'], family: ['SANTOS', 'REYES', 'CRUZ', 'BAUTISTA', 'GARCIA', 'MENDOZA'], given: ['Maria', 'Jocelyn', 'Analyn', 'Rowena', 'Mark', 'Jerome'] },
  VNM: { languages: ['vi'], family: ['NGUYEN', 'TRAN', 'LE', 'PHAM', 'HOANG', 'VU'], given: ['Thi Lan', 'Van Minh', 'Thi Hoa', 'Duc Anh', 'Thi Mai', 'Van Hung'] },
  IDN: { languages: ['id'], family: ['SETIAWAN', 'WIJAYA', 'SARI', 'PRATAMA', 'HIDAYAT'], given: ['Dewi', 'Agus', 'Siti', 'Budi', 'Rina'] },
  THA: { languages: ['th'], family: ['SRISUK', 'CHAIYAPORN', 'BOONMA', 'KAEWMANEE'], given: ['Somchai', 'Malee', 'Ploy', 'Nok'] },
  KHM: { languages: ['km'], family: ['SOK', 'CHEA', 'KIM', 'LIM'], given: ['Sreymom', 'Dara', 'Sophea', 'Vanna'] },
  MMR: { languages: ['my'], family: ['AUNG', 'HTUN', 'KYAW', 'MYINT'], given: ['Thiri', 'Zaw', 'Nandar', 'Min'] },
  CHN: { languages: ['zh'], family: ['WANG', 'LI', 'ZHANG', 'LIU'], given: ['Fang', 'Wei', 'Jing', 'Lei'] },
  NPL: { languages: ['ne'], family: ['GURUNG', 'TAMANG', 'SHRESTHA', 'RAI'], given: ['Sita', 'Ramesh', 'Anita', 'Bikash'] },
  COL: { languages: ['es'], family: ['GOMEZ', 'RODRIGUEZ', 'MARTINEZ', 'LOPEZ'], given: ['Valentina', 'Camila', 'Andres', 'Luisa'] },
  UKR: { languages: ['uk', 'ru'], family: ['KOVALENKO', 'BONDARENKO', 'SHEVCHENKO', 'MELNYK'], given: ['Olena', 'Iryna', 'Oksana', 'Andriy'] },
};
const NATIONALITIES = Object.keys(PEOPLE);

const SYNTHETIC_NOTE = 'Synthetic case generated for demonstration and testing. Not a real person.';

export interface GeneratedCase {
  columns: CaseColumns;
  officerId: string;
  exploitationTypes: string[];
  /** The first says the case is synthetic; the others are varied case notes (demoNotes.ts). */
  notes: { at: string; body: string }[];
}

/** `count` fictional cases numbered from `firstSeq` in `year`, spread over the given staff. */
export function generateCases(opts: { count: number; seed: number; year: number; firstSeq: number; officerIds: string[]; supervisorId: string; now: Date }): GeneratedCase[] {
  const r = prng(opts.seed);
  const out: GeneratedCase[] = [];
  for (let i = 0; i < opts.count; i++) {
    const nationality = r.pick(NATIONALITIES);
    const people = PEOPLE[nationality];
    const titp = nationality === 'VNM' || nationality === 'IDN' || nationality === 'MMR' || nationality === 'CHN' || nationality === 'NPL' ? r.chance(0.6) : false;
    const person: Person = {
      familyName: r.pick(people.family),
      givenName: r.pick(people.given),
      familyNameNative: '',
      givenNameNative: '',
      preferredName: '',
      aliases: r.chance(0.2) ? [r.pick(people.given)] : [],
      sex: r.chance(0.65) ? 'female' : 'male',
      dateOfBirth: isoDay(new Date(Date.UTC(1975, 0, 1)), r.int(0, 365 * 30)),
      nationality,
      languages: people.languages,
      interpreterNeeded: r.chance(0.85),
    };
    // From their own generators, so the rest of the demo case stays as it was.
    person.familyNameNative = demoFamilyKatakana(opts.seed, opts.firstSeq + i, person.familyName);
    const statusOfResidence = titp ? r.pick(TECHNICAL_INTERN_STATUSES) : r.pick(STATUSES_OF_RESIDENCE.filter((code) => !isTechnicalIntern(code)));
    const statusValidity = statusOfResidence === 'none' ? 'none' : r.pick(['valid', 'valid', 'valid', 'expired', 'revoked'] as const);
    const deportationProcedure = statusValidity !== 'valid' && r.chance(0.6);
    const custody = deportationProcedure ? r.pick(CUSTODY) : 'none';
    const absconded = titp && r.chance(0.5);
    const immigration: Immigration = {
      statusOfResidence,
      periodOfStayExpiry: r.chance(0.7) ? isoDay(opts.now, r.int(-60, 400)) : null,
      statusValidity,
      statusValiditySince: statusValidity === 'valid' ? null : isoDay(opts.now, -r.int(1, 700)),
      unauthorisedWork: r.chance(0.1),
      abscondedFromTraining: absconded,
      abscondedSince: absconded ? isoDay(opts.now, -r.int(1, 700)) : null,
      deportationProcedure,
      custody,
      custodySince: custody === 'none' ? null : isoDay(opts.now, -r.int(1, 300)),
      measureConditions: CUSTODY_WITH_REPORTING.includes(custody) ? 'Report monthly; live at the registered address.' : '',
      reportingDates: CUSTODY_WITH_REPORTING.includes(custody) ? [{ date: isoDay(opts.now, r.int(1, 60)), note: '' }] : [],
    };
    const types = titp ? ['labour-titp'] : [r.pick(EXPLOITATION_TYPES)];
    const indicators: Exploitation['indicators'] = {};
    for (let k = r.int(1, 5); k > 0; k--) indicators[r.pick(INDICATORS)] = { present: true, note: '' };
    const exploitation: Exploitation = {
      types: types as Exploitation['types'],
      indicators,
      periodFrom: isoDay(opts.now, -r.int(200, 900)),
      periodTo: isoDay(opts.now, -r.int(1, 199)),
      place: '',
      referralSource: titp ? r.pick(['otit', 'labour-inspection', 'ngo-shelter', 'self'] as const) : r.pick(REFERRAL_SOURCES),
      identificationDate: null,
      // Screening is complete for most; the rest wait (an absconded intern is never left unscreened silently).
      screening: r.chance(0.8) ? 'completed' : 'later',
      screenedOn: null,
      identificationStatus: 'possible',
    };
    exploitation.screenedOn = exploitation.screening === 'completed' ? isoDay(opts.now, -r.int(1, 199)) : null;
    // DOMAIN.md §3: not a victim only after the screening.
    exploitation.identificationStatus = r.pick(exploitation.screening === 'completed' ? (['possible', 'possible', 'identified', 'not-a-victim'] as const) : (['possible', 'identified'] as const));
    const seq = opts.firstSeq + i;
    const at = new Date(opts.now.getTime() - r.int(0, 700) * 86_400_000).toISOString();
    // Approval and decided are reached through a recommendation, which demo cases do not have.
    const stage = r.pick(STAGES.filter((s) => s !== 'approval' && s !== 'decided'));
    out.push({
      columns: {
        id: randomUUID(),
        reference: `TV-${opts.year}-${String(seq).padStart(4, '0')}`,
        ref_year: opts.year,
        ref_seq: seq,
        stage,
        risk_level: r.pick(RISK_LEVELS),
        flags: JSON.stringify(r.chance(0.3) ? [r.pick(FLAGS)] : []),
        supervisor_id: opts.supervisorId,
        ...personColumns(person),
        ...immigrationColumns(immigration, opts.now.toISOString().slice(0, 10)),
        ...exploitationColumns(exploitation),
        screening_due: screeningDue(exploitation, immigration.abscondedFromTraining) ? 1 : 0,
        // A closed demo case was closed when it was last changed, with an outcome a supervisor could have
        // chosen (taken from the number, so the random sequence, and every other demo case, stays as it was).
        closing_outcome: stage === 'closed' ? CLOSING_OUTCOMES[seq % CLOSING_OUTCOMES.length] : null,
        closed_at: stage === 'closed' ? at : null,
        created_at: at,
        created_by: opts.supervisorId,
        updated_at: at,
      },
      officerId: r.pick(opts.officerIds),
      exploitationTypes: types,
      notes: [{ at: opts.now.toISOString(), body: SYNTHETIC_NOTE }, ...demoNotes(opts.seed, seq, new Date(at), opts.now)],
    });
  }
  return out;
}

/** Writes generated cases in batches of multi-row INSERTs, with their search entries. Call inside a transaction. */
export async function insertGenerated(tx: Tx, cases: GeneratedCase[]): Promise<void> {
  const BATCH = 25; // Well under SQLite's limit of bound parameters per statement.
  let num = await nextNum(tx);
  for (let i = 0; i < cases.length; i += BATCH) {
    const chunk = cases.slice(i, i + BATCH).map((c) => ({ ...c, num: num++ }));
    await insertCases(tx, chunk);
    await tx.run(`INSERT INTO case_officers (case_num, user_id) VALUES ${chunk.map(() => '(?, ?)').join(', ')}`, chunk.flatMap((c) => [c.num, c.officerId]));
    const types = chunk.flatMap((c) => c.exploitationTypes.map((t) => [c.num, t]));
    await tx.run(`INSERT INTO case_exploitation_types (case_num, type) VALUES ${types.map(() => '(?, ?)').join(', ')}`, types.flat());
    const notes = chunk.flatMap((c) => c.notes.map((n) => [randomUUID(), c.columns.id, n.at, c.columns.created_by, n.body]));
    await tx.run(`INSERT INTO case_notes (id, case_id, at, author_id, type, sealed, body) VALUES ${notes.map(() => "(?, ?, ?, ?, 'general', 0, ?)").join(', ')}`, notes.flat());
    await tx.run(
      `INSERT INTO case_events (id, case_id, at, actor_id, kind, from_stage, to_stage, reason) VALUES ${chunk.map(() => "(?, ?, ?, ?, 'created', NULL, 'intake', '')").join(', ')}`,
      chunk.flatMap((c) => [randomUUID(), c.columns.id, c.columns.created_at, c.columns.created_by]),
    );
    await insertSearchEntries(
      tx,
      chunk.map((c) => searchEntry(c.num, c.columns, c.notes.map((n) => n.body))),
    );
  }
}

export const DEMO_SUPERVISOR = 'demo.supervisor';
export const DEMO_OFFICERS = ['demo.officer1', 'demo.officer2', 'demo.officer3', 'demo.officer4', 'demo.officer5'];
const DEMO_NAMES: Record<string, string> = {
  'demo.supervisor': 'Demo Supervisor Hayashi',
  'demo.officer1': 'Demo Officer Abe',
  'demo.officer2': 'Demo Officer Endo',
  'demo.officer3': 'Demo Officer Fujita',
  'demo.officer4': 'Demo Officer Goto',
  'demo.officer5': 'Demo Officer Hara',
};

export interface SeedTarget {
  tx: Tx;
  /** Creates (or finds) an active account and gives it `passphrase`; returns its id. */
  ensureUser(username: string, displayName: string, role: 'officer' | 'supervisor'): Promise<string>;
  audit(details: Record<string, string | number | boolean | null>): Promise<unknown>;
}

/**
 * Makes the demo staff and `count` cases, `chunk` per transaction via `run`, reporting the cases
 * written after each chunk. Returns the number of cases written.
 */
export async function seedDemo(
  run: <T>(fn: (target: SeedTarget) => Promise<T>) => Promise<T>,
  opts: { count: number; seed: number; now: Date; chunk?: number; onProgress?: (written: number, total: number) => void },
): Promise<number> {
  const staff = await run(async (t) => {
    const supervisorId = await t.ensureUser(DEMO_SUPERVISOR, DEMO_NAMES[DEMO_SUPERVISOR], 'supervisor');
    const officerIds: string[] = [];
    for (const u of DEMO_OFFICERS) officerIds.push(await t.ensureUser(u, DEMO_NAMES[u], 'officer'));
    return { supervisorId, officerIds };
  });
  const year = opts.now.getUTCFullYear();
  const chunk = opts.chunk ?? 2000;
  let written = 0;
  while (written < opts.count) {
    const n = Math.min(chunk, opts.count - written);
    await run(async (t) => {
      const cases = generateCases({ count: n, seed: opts.seed + written, year, firstSeq: (await lastReferenceSeq(t.tx, year)) + 1, ...staff, now: opts.now });
      await insertGenerated(t.tx, cases);
      await t.audit({ cases: n, synthetic: true });
    });
    written += n;
    opts.onProgress?.(written, opts.count);
  }
  // A bulk load leaves the trigram index in many segments: merge them once (a search reads each).
  await run((t) => t.tx.run("INSERT INTO cases_fts (cases_fts) VALUES ('optimize')"));
  // The registry: clearly fictional organisations (made once), and the TITP cases linked to their employer.
  await run(async (t) => {
    const made = await seedDemoOrganisations(t.tx, { seed: opts.seed, supervisorId: staff.supervisorId, now: opts.now });
    if (made.organisations || made.links) await t.audit({ organisations: made.organisations, links: made.links, synthetic: true });
  });
  return written;
}
