/** How numbers, ranges, dates and names are written on every page. */
const nf = new Intl.NumberFormat('en-GB');

export function num(v: number | null | undefined): string {
  return v == null || !Number.isFinite(v) ? '–' : nf.format(Math.round(v));
}

export function usd(v: number | null | undefined): string {
  if (v == null || !Number.isFinite(v)) return '–';
  if (v < 0) return `−${usd(-v)}`;
  const a = Math.abs(v);
  if (a >= 1e9) return `$${(v / 1e9).toFixed(2)} billion`;
  if (a >= 1e6) return `$${(v / 1e6).toFixed(a >= 1e8 ? 0 : 1)} million`;
  return `$${nf.format(Math.round(v))}`;
}

export function compact(v: number): string {
  return new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 }).format(v);
}

export function pct(fraction: number | null | undefined, digits = 0): string {
  return fraction == null ? '–' : `${(fraction * 100).toFixed(digits)}%`;
}

const CURRENCY = new Set(['USD', 'EUR', 'KPW', 'KRW', 'CNY', 'RUB']);

function one(v: number, unit: string): string {
  if (unit === 'fraction') return pct(v, v * 100 % 1 ? 1 : 0);
  if (unit === 'USD') return usd(v);
  if (CURRENCY.has(unit)) return `${nf.format(v)} ${unit}`;
  return nf.format(v);
}

/** "50,000 – 60,000 workers", "more than 50,000", "49 of 119", "$500 million a year"; entries at a border are people, not workers. */
export function figureValue(f: { low: number | null; high: number | null; of?: number | null; unit: string; per?: string | null; qualifier: string; metric?: string | null }): string {
  const { low, high, unit, qualifier } = f;
  // "a fraction of their wages": a figure without a number is not 0%.
  if (low == null && high == null && !(qualifier === 'part_of' && f.of != null)) return 'no number given';
  let text: string;
  if (qualifier === 'part_of' && f.of != null) text = `${one(low ?? high ?? 0, unit)} of ${one(f.of, unit)}`;
  else if (qualifier === 'at_least' || (low != null && high == null)) text = `at least ${one(low ?? 0, unit)}`;
  else if (qualifier === 'at_most' || (low == null && high != null)) text = `up to ${one(high ?? 0, unit)}`;
  else if (low != null && high != null && low !== high) text = `${one(low, unit)} – ${one(high, unit)}`;
  else text = `${qualifier === 'approximate' ? 'about ' : ''}${one(low ?? high ?? 0, unit)}`;
  if (qualifier === 'order_of_magnitude') text = `order of ${text}`;
  // One worker, one month: a single figure of exactly 1 takes the singular.
  const single = qualifier !== 'part_of' && (low ?? high) === 1 && (high == null || high === 1) && (low == null || low === 1);
  // Entries (border statistics) count North Koreans entering for any purpose: not a worker count.
  const people = f.metric === 'entries' ? (single ? ' person' : ' people') : single ? ' worker' : ' workers';
  const suffix = unit === 'persons' ? people : unit === 'months' ? (single ? ' month' : ' months') : '';
  const per = f.per ? ` a ${f.per}` : '';
  return text + suffix + per;
}

/** A file's size as people read it: "465 bytes" (not "0 KB"), "3 KB", "1.2 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function period(start: string | null, end: string | null): string {
  if (!start && !end) return 'undated';
  if (start === end || !end) return start ?? '';
  if (!start) return `until ${end}`;
  return `${start} – ${end}`;
}

const METRIC: Record<string, string> = {
  workers: 'Workers',
  state_share: 'Share taken by the state',
  wage_split: 'Wage split',
  monthly_wage: 'Monthly wage',
  annual_revenue: 'Revenue a year',
  revenue: 'Revenue',
  months_worked: 'Months worked a year',
};

export function metricLabel(m: string): string {
  return METRIC[m] ?? humanize(m);
}

/** Words written in capitals wherever they stand: Trafficking in Persons, the UN, OFAC, executive orders. */
const ACRONYMS = new Set(['tip', 'un', 'us', 'uk', 'eu', 'eo', 'ofac', 'dprk', 'id', 'imo', 'url']);

/** camelCase or snake_case property names in words: `birthDate` → "Birth date", `tip` → "TIP". */
export function humanize(name: string): string {
  const words = name.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
    .split(' ').map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w)).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const TOPIC_LABEL: Record<string, string> = {
  sanction: 'Sanctioned',
  'labour.export': 'Labour-export company',
  'labour.host': 'Employs North Korean workers',
  'role.pep': 'Politically exposed',
  debarment: 'Debarred',
  crime: 'Crime',
};

export function topicLabel(t: string): string {
  return TOPIC_LABEL[t] ?? humanize(t);
}

/** Only http(s) URLs become links: a javascript: or data: URL from a list or document is shown as text. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The official lists by their dataset names, as a reader knows them. */
const LIST_SHORT_NAMES: Record<string, string> = { us_ofac_sdn: 'OFAC SDN', un_sc_sanctions: 'UN list', gb_fcdo_sanctions: 'UK list', eu_fsf: 'EU list' };

/**
 * Where a result's records come from, so two results of one name can be told apart ("Kim Won-hong": room39's
 * graph with its OFAC record, or a UK list entry alone): room39's own datasets as one, then each official list.
 * The `dprk` tag is a collection, not a source.
 */
export function recordOrigin(datasets: readonly string[]): string {
  const own = datasets.some((d) => d !== 'dprk' && !(d in LIST_SHORT_NAMES)) ? ['room39 graph'] : [];
  return [...own, ...Object.keys(LIST_SHORT_NAMES).filter((d) => datasets.includes(d)).map((d) => LIST_SHORT_NAMES[d]!)].join(' · ');
}

/** Where a search result opens: a country's page, or an entity's. */
export function hitPath(hit: { id: string; schema: string }): string {
  if (hit.schema === 'Country') return `/country/${encodeURIComponent(hit.id.replace(/^country-/, ''))}`;
  return `/entity/${encodeURIComponent(hit.id)}`;
}
