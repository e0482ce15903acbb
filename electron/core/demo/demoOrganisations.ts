/**
 * Demo registry (issue 15): clearly fictional TITP organisations and brokers — every name carries
 * 架空 / "(fictional)", every corporate number is generated — with their chain, some bans,
 * violations and missing-intern reports, and the technical-intern cases of the demo vault linked to
 * an employer. Written once; later seeds only link their new cases.
 */
import { randomUUID } from 'node:crypto';
import { searchForm } from '../../common/caseRules';
import type { Tx } from '../db/connection';
import { insertOrganisation, insertStatus, insertViolation, link, putMissingReport, refreshSearch, setRelations } from '../organisations/organisations.repository';
import { isoDay, prng } from './random';

const TRADES_JA = ['縫製', '精機', '水産加工', '農園', '建設', '食品', '溶接', '介護', '印刷', '塗装'];
const TRADES_EN = ['Sewing', 'Precision', 'Seafood', 'Farm', 'Construction', 'Foods', 'Welding', 'Care', 'Printing', 'Painting'];
const PLACES_JA = ['あおば', 'さくら', 'みなと', 'ひかり', 'やまびこ', 'かすみ', 'つばさ', 'みどり'];
const PLACES_EN = ['Aoba', 'Sakura', 'Minato', 'Hikari', 'Yamabiko', 'Kasumi', 'Tsubasa', 'Midori'];
const ABROAD = ['VNM', 'PHL', 'IDN', 'MMR', 'KHM', 'NPL'];

/** 法人番号 with its check digit, for a 12-digit base. */
function corporateNumber(base: string): string {
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(base[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return `${9 - (sum % 9)}${base}`;
}

export async function seedDemoOrganisations(tx: Tx, opts: { seed: number; supervisorId: string; now: Date }): Promise<{ organisations: number; links: number }> {
  const rnd = prng(opts.seed * 7919 + 17);
  const at = opts.now.toISOString();
  let made = 0;
  const existing = await tx.all<{ id: string }>("SELECT id FROM organisations WHERE type IN ('implementing', 'esd-implementing')");
  let employers = existing.map((e) => e.id);
  if ((await tx.get<{ n: number }>('SELECT count(*) AS n FROM organisations'))!.n === 0) {
    const add = async (type: string, nameJa: string, nameLatin: string, extra: { prefecture?: string; country?: string; licence?: string; corporate?: boolean } = {}) => {
      const id = randomUUID();
      const corporate = extra.corporate ? corporateNumber(String(900_000_000_000 + made * 7 + rnd.int(0, 6)).padStart(12, '0')) : null;
      await insertOrganisation(tx, {
        id,
        type,
        name_ja: nameJa,
        name_latin: nameLatin,
        corporate_number: corporate,
        prefecture: extra.prefecture ?? '',
        country: extra.country ?? '',
        licence_number: extra.licence ?? '',
        notes: 'Synthetic demo entry: not a real organisation.',
        search_names: searchForm(`${nameJa} ${nameLatin}`),
        created_at: at,
        created_by: opts.supervisorId,
      });
      await refreshSearch(tx, id);
      made++;
      return id;
    };
    const brokers: string[] = [];
    for (let i = 0; i < 12; i++) {
      const country = ABROAD[i % ABROAD.length];
      brokers.push(await add(i % 2 ? 'broker' : 'sending', `架空人材${PLACES_JA[i % PLACES_JA.length]}${i + 1}`, `Fictional Manpower ${PLACES_EN[i % PLACES_EN.length]} ${i + 1} (${country})`, { country }));
    }
    const supervising: string[] = [];
    for (let i = 0; i < 24; i++) {
      const id = await add('supervising', `架空${PLACES_JA[i % PLACES_JA.length]}協同組合${i + 1}`, `${PLACES_EN[i % PLACES_EN.length]} Cooperative ${i + 1} (fictional)`, {
        prefecture: String(rnd.int(1, 47)).padStart(2, '0'),
        licence: `許${String(1_700_000 + i * 13).padStart(10, '0')}`,
        corporate: true,
      });
      await setRelations(tx, id, [rnd.pick(brokers)]);
      supervising.push(id);
    }
    employers = [];
    for (let i = 0; i < 180; i++) {
      const trade = i % TRADES_JA.length;
      const id = await add('implementing', `株式会社架空${TRADES_JA[trade]}${PLACES_JA[i % PLACES_JA.length]}${i + 1}`, `${PLACES_EN[i % PLACES_EN.length]} ${TRADES_EN[trade]} ${i + 1} Co. (fictional)`, {
        prefecture: String(rnd.int(1, 47)).padStart(2, '0'),
        corporate: true,
      });
      await setRelations(tx, id, [rnd.pick(supervising)]);
      employers.push(id);
      if (rnd.chance(0.12)) {
        const from = isoDay(opts.now, -rnd.int(30, 900));
        await insertStatus(tx, { id: randomUUID(), organisation_id: id, kind: 'banned', from_date: from, to_date: isoDay(new Date(from), 365 * 5), decision_reference: `DEMO-BAN-${i + 1}`, recorded_at: at, recorded_by: opts.supervisorId });
      }
      if (rnd.chance(0.2)) {
        await insertViolation(tx, { id: randomUUID(), organisation_id: id, on_date: isoDay(opts.now, -rnd.int(30, 1200)), article: rnd.pick(['46', '47', '48', '48', 'other']), source: 'Demo inspection (fictional)', note: '', recorded_at: at, recorded_by: opts.supervisorId });
      }
      if (rnd.chance(0.3)) {
        const year = opts.now.getUTCFullYear() - rnd.int(0, 2);
        await putMissingReport(tx, { organisation_id: id, half: `${year}-H${rnd.int(1, 2)}`, count: rnd.int(0, 12), source: 'Demo report (fictional)', recorded_at: at, recorded_by: opts.supervisorId });
      }
    }
  }
  // Technical-intern (TITP labour) cases not yet linked get an employer.
  const unlinked = await tx.all<{ id: string }>(
    `SELECT c.id FROM cases c JOIN case_exploitation_types e ON e.case_num = c.num AND e.type = 'labour-titp'
     WHERE NOT EXISTS (SELECT 1 FROM case_organisations l WHERE l.case_id = c.id)`,
  );
  let links = 0;
  if (employers.length) for (const c of unlinked) if (await link(tx, c.id, rnd.pick(employers), at, opts.supervisorId)) links++;
  return { organisations: made, links };
}
