/**
 * Varied case notes for demo cases (issue 17: index sizes measured on realistic text, not one
 * repeated sentence). Synthetic only: sentences are put together from fixed fragments — no real
 * person, workplace or organisation is named; places are cities and prefectures, employers and
 * shelters are generic descriptions. Deterministic: the same seed and reference number give the
 * same notes, drawn from their own generator so the rest of a demo case is unchanged.
 */
import { prng } from './random';

const PLACES = ['Osaka', 'Nagoya', 'Fukuoka', 'Sendai', 'Hiroshima', 'Kobe', 'Niigata', 'Kumamoto', 'Gifu', 'Shizuoka', 'Chiba', 'Saitama', 'Gunma', 'Ibaraki', 'Okayama', 'Kagoshima'];
const PLACES_JA = ['大阪', '名古屋', '福岡', '仙台', '広島', '神戸', '新潟', '熊本', '岐阜', '静岡', '千葉', '埼玉', '群馬', '茨城', '岡山', '鹿児島'];
const WORKPLACES = [
  'a sewing factory',
  'a construction site',
  'a food processing plant',
  'a fishing boat',
  'a vegetable farm',
  'a karaoke bar',
  'a massage parlour',
  'a car parts factory',
  'a care home',
  'a hotel laundry',
  'a demolition company',
  'a bento factory',
];
const WORKPLACES_JA = ['縫製工場', '建設現場', '食品加工工場', '漁船', '農園', '飲食店', '部品工場', '介護施設', '解体業者', '弁当工場'];
const CONTACTS = ['the labour inspection office', 'an NGO outreach worker', 'the municipal consultation desk', 'the shelter staff', 'the embassy consular officer', 'the OTIT regional office', 'a lawyer from the legal aid centre', 'the prefectural police'];
const LANGUAGES = ['Tagalog', 'Vietnamese', 'Indonesian', 'Thai', 'Khmer', 'Burmese', 'Mandarin', 'Nepali', 'Spanish', 'Ukrainian'];
const WORRIES = [
  'worries about the debt owed to the broker at home',
  'asked whether the family will be told',
  'is afraid the employer will report them to immigration',
  'wants to send money home before anything else',
  'did not want to talk about the accommodation',
  'asked for a female interpreter next time',
  'has trouble sleeping and asked to see a doctor',
  'said other workers are still at the workplace',
];
const ACTIONS = [
  'Explained the identification procedure and the right to an interpreter.',
  'Arranged a medical check at the public hospital.',
  'Collected copies of pay slips and the work schedule.',
  'Agreed to meet again after the interview with the inspector.',
  'Referred to the shelter for a safety assessment.',
  'Gave the leaflet on the special permission to stay.',
  'Asked the labour office for the records of hours worked.',
  'Contacted the embassy about a replacement passport.',
  'Recorded the account of how the recruitment fee was charged.',
  'Checked the period of stay and the date of the last report.',
];
const JA_SENTENCES = [
  (p: string, w: string, n: number) => `${p}の${w}で約${n}か月働いていたとのこと。`,
  (p: string, w: string, n: number) => `${w}では旅券を取り上げられ、外出は月${n}回までと説明された。`,
  (p: string, _w: string, n: number) => `${p}の相談窓口から連絡あり。${n}日後に再度面談予定。`,
  (_p: string, w: string, n: number) => `${w}の寮費として毎月${n}万円が給料から差し引かれていた。`,
  (p: string, _w: string, n: number) => `通訳を介して聴取。${p}に住む知人に連絡したいとの希望あり（${n}件）。`,
];

/** How Japanese offices write the family names of the demo in katakana. */
const FAMILY_KATAKANA: Record<string, string> = {
  SANTOS: 'サントス', REYES: 'レイエス', CRUZ: 'クルス', BAUTISTA: 'バウティスタ', GARCIA: 'ガルシア', MENDOZA: 'メンドーサ',
  NGUYEN: 'グエン', TRAN: 'チャン', LE: 'レー', PHAM: 'ファム', HOANG: 'ホアン', VU: 'ヴー',
  SETIAWAN: 'セティアワン', WIJAYA: 'ウィジャヤ', SARI: 'サリ', PRATAMA: 'プラタマ', HIDAYAT: 'ヒダヤット',
  SRISUK: 'シースック', CHAIYAPORN: 'チャイヤポーン', BOONMA: 'ブンマー', KAEWMANEE: 'ケーウマニー',
  SOK: 'ソック', CHEA: 'チア', KIM: 'キム', LIM: 'リム',
  AUNG: 'アウン', HTUN: 'トゥン', KYAW: 'チョー', MYINT: 'ミィン',
  WANG: 'ワン', LI: 'リー', ZHANG: 'チャン', LIU: 'リュウ',
  GURUNG: 'グルン', TAMANG: 'タマン', SHRESTHA: 'シュレスタ', RAI: 'ライ',
  GOMEZ: 'ゴメス', RODRIGUEZ: 'ロドリゲス', MARTINEZ: 'マルティネス', LOPEZ: 'ロペス',
  KOVALENKO: 'コヴァレンコ', BONDARENKO: 'ボンダレンコ', SHEVCHENKO: 'シェフチェンコ', MELNYK: 'メルニク',
};

/** The katakana of a demo family name, recorded for about half the cases (deterministic, like the notes). */
export function demoFamilyKatakana(seed: number, seq: number, familyName: string): string {
  const r = prng((Math.imul(seed, 0x85ebca6b) ^ Math.imul(seq, 0x9e3779b1)) >>> 0);
  return r.chance(0.5) ? (FAMILY_KATAKANA[familyName] ?? '') : '';
}

/** One to four notes of one or a few sentences, now in English, now in Japanese, written between `from` and `to`. */
export function demoNotes(seed: number, seq: number, from: Date, to: Date): { at: string; body: string }[] {
  const r = prng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(seq, 0x85ebca6b)) >>> 0);
  const notes: { at: string; body: string }[] = [];
  const span = Math.max(0, to.getTime() - from.getTime());
  for (let k = r.int(1, 4); k > 0; k--) {
    const at = new Date(from.getTime() + Math.floor(r.next() * span)).toISOString();
    if (r.chance(0.3)) {
      const n = r.int(1, 3);
      const parts: string[] = [];
      for (let j = 0; j < n; j++) parts.push(r.pick(JA_SENTENCES)(r.pick(PLACES_JA), r.pick(WORKPLACES_JA), r.int(2, 30)));
      notes.push({ at, body: parts.join('') });
      continue;
    }
    const place = r.pick(PLACES);
    const sentences = [
      r.pick([
        `Met at ${r.pick(CONTACTS)} in ${place} with a ${r.pick(LANGUAGES)} interpreter.`,
        `Phone call from ${r.pick(CONTACTS)} about the person's situation.`,
        `Worked at ${r.pick(WORKPLACES)} near ${place} for ${r.int(2, 40)} months, ${r.int(9, 16)} hours a day, ${r.int(0, 2)} days off a month.`,
        `Follow-up interview in ${place}; ${r.int(2, 6)} other workers from ${r.pick(WORKPLACES)} were mentioned.`,
      ]),
    ];
    if (r.chance(0.7)) sentences.push(`The person ${r.pick(WORRIES)}.`);
    if (r.chance(0.8)) sentences.push(r.pick(ACTIONS));
    if (r.chance(0.3)) sentences.push(`Unpaid wages claimed: about ${r.int(10, 300) * 10_000} yen.`);
    notes.push({ at, body: sentences.join(' ') });
  }
  return notes.sort((a, b) => a.at.localeCompare(b.at));
}
