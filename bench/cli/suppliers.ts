/**
 * A realistic supplier file for screening benches: rows drawn from a pool of
 * distinct suppliers with a Zipf distribution (a few suppliers come back
 * thousands of times, most once or twice, as in a purchase ledger), some
 * spelled differently when they come back (case, punctuation, company form,
 * a typo). The pool: companies built from sector words, trade words, place
 * and family names with the company form of their country (CN, RU, KR, DE,
 * GB, US, SG, MY, AE, TR, VN, PL); people from common family and given names
 * of those countries, some with a date of birth; and about 1.5% listed
 * names and their variants (and unlisted Korean names) taken from the
 * matcher's evaluation set (test/match/eval-set.json), so some rows hit.
 * The word lists are common words and names written for this bench.
 * Deterministic: the same seed gives the same file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/settings.ts';
import type { EvalCase } from '../../src/match/evaluation.ts';
import { mulberry32 } from '../support/random.ts';

export interface SupplierFile { rows: number; distinctRecords: number; poolSize: number; listRows: number; variedRows: number; bytes: number }


const SECTORS = ['Trading', 'Logistics', 'Textile', 'Garment', 'Seafood', 'Fishery', 'Construction', 'Electronics', 'Machinery', 'Shipping', 'Mining', 'Timber',
  'Chemical', 'Food', 'Packaging', 'Metals', 'Steel', 'Apparel', 'Footwear', 'Furniture', 'Plastics', 'Agricultural', 'Software', 'Engineering', 'Hotel', 'Medical',
  'Pharmaceutical', 'Auto Parts', 'Paper', 'Printing', 'Cable', 'Glass', 'Ceramics', 'Solar', 'Battery', 'Optical', 'Marine', 'Freight', 'Import Export', 'Industrial'];
const WORDS = ['Golden', 'Bright', 'Star', 'Ocean', 'Pacific', 'Eastern', 'Northern', 'Silver', 'Dragon', 'Phoenix', 'Harmony', 'Unity', 'Victory', 'Prime', 'Global',
  'United', 'Royal', 'Grand', 'Rainbow', 'Crystal', 'Sunrise', 'Evergreen', 'Pioneer', 'Summit', 'Delta', 'Alpha', 'Nova', 'Atlas', 'Orion', 'Horizon', 'Lotus',
  'Jade', 'Pearl', 'Maple', 'Cedar', 'River', 'Mountain', 'Harbour', 'Bridge', 'Crown', 'Eagle', 'Falcon', 'Tiger', 'Lion', 'Sky', 'Blue', 'Green', 'Red', 'White'];
const PLACES: Record<string, string[]> = {
  CN: ['Shenzhen', 'Dalian', 'Dandong', 'Ningbo', 'Qingdao', 'Xiamen', 'Yiwu', 'Tianjin', 'Shenyang', 'Hunchun', 'Guangzhou', 'Wuxi', 'Suzhou', 'Fuzhou', 'Hangzhou'],
  RU: ['Vladivostok', 'Khabarovsk', 'Nakhodka', 'Primorye', 'Amur', 'Sakhalin', 'Ural', 'Volga', 'Baltic', 'Siberia', 'Kamchatka', 'Neva'],
  KR: ['Busan', 'Incheon', 'Daegu', 'Ulsan', 'Gwangju', 'Suwon', 'Changwon', 'Pohang', 'Jeju', 'Daejeon'],
  DE: ['Hamburg', 'Bremen', 'Rhein', 'Main', 'Nord', 'Sued', 'Elbe', 'Bayern', 'Hessen', 'Sachsen'],
  GB: ['Thames', 'Mersey', 'Pennine', 'Clyde', 'Severn', 'Kent', 'Cotswold', 'Tyne', 'Avon', 'Humber'],
  US: ['Hudson', 'Lakeside', 'Midwest', 'Gulf', 'Coastal', 'Prairie', 'Sierra', 'Appalachian', 'Cascade', 'Sunbelt'],
  SG: ['Jurong', 'Tuas', 'Changi', 'Keppel', 'Marina', 'Raffles', 'Orchard', 'Sentosa'],
  MY: ['Klang', 'Penang', 'Johor', 'Melaka', 'Kuantan', 'Sabah', 'Sarawak', 'Perak'],
  AE: ['Jebel Ali', 'Deira', 'Sharjah', 'Ajman', 'Al Quoz', 'Khalifa', 'Fujairah'],
  TR: ['Bosphorus', 'Anadolu', 'Marmara', 'Ege', 'Karadeniz', 'Izmir', 'Mersin', 'Bursa'],
  VN: ['Hai Phong', 'Sai Gon', 'Da Nang', 'Hanoi', 'Mekong', 'Binh Duong', 'Dong Nai'],
  PL: ['Gdansk', 'Wisla', 'Mazowsze', 'Slask', 'Pomorze', 'Krakow', 'Lodz'],
};
const FORMS: Record<string, string[]> = {
  CN: ['Co., Ltd.', 'Co Ltd', 'Trading Co., Ltd.', 'Industrial Co., Ltd.', 'Group Co., Ltd.', 'Import and Export Co., Ltd.'],
  RU: ['OOO', 'LLC', 'JSC', 'AO', 'ZAO'], KR: ['Co., Ltd.', 'Corporation', 'Inc.', 'Co.'], DE: ['GmbH', 'GmbH & Co. KG', 'AG', 'KG'],
  GB: ['Ltd', 'Limited', 'PLC', 'LLP'], US: ['LLC', 'Inc.', 'Corp.', 'Co.'], SG: ['Pte Ltd', 'Pte. Ltd.'], MY: ['Sdn Bhd', 'Sdn. Bhd.', 'Berhad'],
  AE: ['FZE', 'FZCO', 'LLC', 'General Trading LLC'], TR: ['A.S.', 'Ltd. Sti.', 'San. ve Tic. A.S.'], VN: ['JSC', 'Co., Ltd', 'Joint Stock Company'], PL: ['Sp. z o.o.', 'S.A.'],
};
const SURNAMES: Record<string, string[]> = {
  CN: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Lin', 'Gao', 'Luo'],
  RU: ['Ivanov', 'Smirnov', 'Kuznetsov', 'Popov', 'Vasiliev', 'Petrov', 'Sokolov', 'Mikhailov', 'Novikov', 'Fedorov', 'Morozov', 'Volkov', 'Lebedev', 'Kozlov'],
  KR: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Oh', 'Seo', 'Shin', 'Kwon', 'Hwang', 'Ahn', 'Song', 'Yoo', 'Hong'],
  DE: ['Mueller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter'],
  GB: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White'],
  US: ['Smith', 'Johnson', 'Williams', 'Brown', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Thomas'],
  SG: ['Tan', 'Lim', 'Lee', 'Ng', 'Ong', 'Wong', 'Goh', 'Chua', 'Chan', 'Koh', 'Teo', 'Ang'],
  MY: ['Abdullah', 'Ahmad', 'Ismail', 'Ibrahim', 'Hassan', 'Tan', 'Lim', 'Wong', 'Rahman', 'Yusof'],
  AE: ['Al Mansouri', 'Al Hashimi', 'Al Falasi', 'Al Suwaidi', 'Khan', 'Ahmed', 'Al Nuaimi', 'Al Ketbi'],
  TR: ['Yilmaz', 'Kaya', 'Demir', 'Sahin', 'Celik', 'Yildiz', 'Yildirim', 'Ozturk', 'Aydin', 'Ozdemir'],
  VN: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Huynh', 'Phan', 'Vu', 'Vo', 'Dang', 'Bui', 'Do'],
  PL: ['Nowak', 'Kowalski', 'Wisniewski', 'Wojcik', 'Kowalczyk', 'Kaminski', 'Lewandowski', 'Zielinski'],
};
const GIVEN: Record<string, string[]> = {
  CN: ['Wei', 'Fang', 'Min', 'Jing', 'Lei', 'Jun', 'Yan', 'Hui', 'Xin', 'Ling', 'Qiang', 'Ping', 'Hong', 'Jie', 'Tao', 'Bo'],
  RU: ['Alexander', 'Sergei', 'Dmitry', 'Andrei', 'Alexei', 'Olga', 'Elena', 'Natalia', 'Irina', 'Mikhail', 'Ivan', 'Anna', 'Yuri', 'Pavel'],
  KR: ['Min-jun', 'Seo-yeon', 'Ji-hoon', 'Ji-woo', 'Hyun-woo', 'Soo-jin', 'Young-ho', 'Eun-ji', 'Sung-min', 'Hye-jin', 'Dong-hyun', 'Jae-won'],
  DE: ['Thomas', 'Michael', 'Andreas', 'Stefan', 'Sabine', 'Petra', 'Klaus', 'Juergen', 'Monika', 'Frank', 'Katrin'],
  GB: ['James', 'Oliver', 'Emma', 'Sophie', 'David', 'Sarah', 'Daniel', 'Claire', 'Richard', 'Helen', 'Paul'],
  US: ['John', 'Michael', 'Jennifer', 'Jessica', 'Robert', 'Maria', 'David', 'Linda', 'Christopher', 'Ashley', 'Carlos'],
  SG: ['Wei Ming', 'Hui Min', 'Jun Jie', 'Li Ting', 'Kok Wai', 'Siew Ling'], MY: ['Ahmad', 'Siti', 'Nur', 'Muhammad', 'Aisyah', 'Farid', 'Mei Ling'],
  AE: ['Mohammed', 'Ahmed', 'Fatima', 'Omar', 'Khalid', 'Aisha', 'Rashid', 'Saeed'], TR: ['Mehmet', 'Ayse', 'Mustafa', 'Fatma', 'Ahmet', 'Emine', 'Ali', 'Zeynep'],
  VN: ['Anh', 'Minh', 'Huong', 'Linh', 'Tuan', 'Thanh', 'Hoa', 'Duc', 'Lan', 'Quang'], PL: ['Piotr', 'Anna', 'Krzysztof', 'Katarzyna', 'Tomasz', 'Agnieszka', 'Marek'],
};
/** How often a supplier is of each country (a ledger of an importer trading with East Asia). */
const COUNTRY_SHARE: [string, number][] = [['CN', 30], ['RU', 8], ['KR', 10], ['DE', 7], ['GB', 6], ['US', 9], ['SG', 5], ['MY', 5], ['AE', 5], ['TR', 5], ['VN', 6], ['PL', 4]];

export interface Supplier { name: string; schema: string; country: string; birth: string; id: string }

function pickWith(rnd: () => number) {
  return <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
}

export function makeSupplier(rnd: () => number, listCases: readonly EvalCase[]): Supplier {
  const pick = pickWith(rnd);
  if (rnd() < 0.015) {
    const c = pick(listCases);
    return { name: c.query, schema: c.schema ?? (rnd() < 0.5 ? '' : 'Company'), country: rnd() < 0.3 ? 'KP' : '', birth: '', id: '' };
  }
  let r = rnd() * 100;
  let country = 'CN';
  for (const [c, share] of COUNTRY_SHARE) { if ((r -= share) < 0) { country = c; break; } }
  const id = rnd() < 0.2 ? `${country}${Math.floor(rnd() * 1e9).toString().padStart(9, '0')}` : '';
  if (rnd() < 0.25) {
    const given = pick(GIVEN[country]!);
    const family = pick(SURNAMES[country]!);
    const eastern = ['CN', 'KR', 'VN'].includes(country) && rnd() < 0.6;
    const birth = rnd() < 0.3 ? `${1950 + Math.floor(rnd() * 50)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}` : '';
    return { name: eastern ? `${family} ${given}` : `${given} ${family}`, schema: 'Person', country, birth, id };
  }
  const form = pick(FORMS[country]!);
  const sector = pick(SECTORS);
  const shapes = [
    () => `${pick(PLACES[country]!)} ${pick(WORDS)} ${sector} ${form}`,
    () => `${pick(WORDS)} ${pick(WORDS)} ${sector} ${form}`,
    () => `${pick(SURNAMES[country]!)} ${sector} ${form}`,
    () => `${pick(SURNAMES[country]!)} & ${pick(SURNAMES[country]!)} ${form}`,
    () => `${pick(PLACES[country]!)} ${sector} ${form}`,
  ];
  let name = pick(shapes)();
  if (country === 'RU' && form !== 'LLC' && rnd() < 0.7) name = `${form} ${name.slice(0, -form.length - 1)}`;
  return { name, schema: rnd() < 0.6 ? 'Company' : '', country, birth: '', id };
}

/** The same supplier written differently, as people retype names. */
function vary(rnd: () => number, name: string): string {
  const r = rnd();
  if (r < 0.3) return name.toUpperCase();
  if (r < 0.5) return name.replace(/[.,]/g, '');
  if (r < 0.65) return name.replace(/Co\.?,? Ltd\.?/, 'Company Limited').replace(/\bLtd\b\.?/, 'Limited');
  if (r < 0.85 && name.length > 6) {
    const i = 1 + Math.floor(rnd() * (name.length - 2));
    return name.slice(0, i) + name.slice(i + 1);
  }
  return `  ${name.replace(/ /g, '  ')} `;
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * Writes `rows` rows to `file`: a pool of `rows × poolShare` suppliers, drawn
 * with Zipf exponent `s`; a drawn supplier is spelled differently 5% of the time.
 */
export async function writeSupplierFile(file: string, rows: number, options: { seed?: number; poolShare?: number; s?: number } = {}): Promise<SupplierFile> {
  const rnd = mulberry32(options.seed ?? 20261206);
  const { cases } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test/match/eval-set.json'), 'utf8')) as { cases: EvalCase[] };
  const listCases = cases.filter((c) => c.category !== 'other_programme');
  const listNames = new Set(listCases.map((c) => c.query));
  const poolSize = Math.max(1, Math.round(rows * (options.poolShare ?? 0.4)));
  const pool: Supplier[] = Array.from({ length: poolSize }, () => makeSupplier(rnd, listCases));
  // Zipf over pool ranks by inverse transform sampling on the cumulative weights.
  const s = options.s ?? 0.9;
  const cumulative = new Float64Array(poolSize);
  let total = 0;
  for (let i = 0; i < poolSize; i++) cumulative[i] = total += 1 / (i + 1) ** s;
  const draw = () => {
    const x = rnd() * total;
    let lo = 0;
    let hi = poolSize - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cumulative[mid]! < x) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const out = fs.createWriteStream(file);
  const seen = new Set<string>();
  let listRows = 0;
  let variedRows = 0;
  out.write('Supplier Name,Type,Country,Date of birth,Registration number\n');
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    const sup = pool[draw()]!;
    let name = sup.name;
    if (rnd() < 0.05) { name = vary(rnd, name); variedRows++; }
    const line = [name, sup.schema, sup.country, sup.birth, sup.id].map(csvCell).join(',');
    if (listNames.has(sup.name)) listRows++;
    seen.add(line);
    buffer += `${line}\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  out.write(buffer);
  await new Promise<void>((r) => out.end(() => r()));
  return { rows, distinctRecords: seen.size, poolSize, listRows, variedRows, bytes: fs.statSync(file).size };
}
