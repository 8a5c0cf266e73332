/**
 * Country names as the official lists write them → ISO 3166-1 alpha-2.
 * i18n-iso-countries knows the standard English names; the lists' own
 * spellings ("Korea, North", "Burma", "Congo, Democratic Republic of the")
 * are added here.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(en);

const LIST_SPELLINGS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { // no prototype: a word such as "constructor" finds nothing
  'korea, north': 'KP',
  'north korea': 'KP',
  dprk: 'KP',
  "democratic people's republic of korea": 'KP',
  "korea, democratic people's republic of": 'KP',
  'korea, south': 'KR',
  'south korea': 'KR',
  'republic of korea': 'KR',
  burma: 'MM',
  syria: 'SY',
  laos: 'LA',
  "lao people's democratic republic": 'LA',
  'congo, democratic republic of the': 'CD',
  'congo, republic of the': 'CG',
  'iran (islamic republic of)': 'IR',
  'macau': 'MO',
  'macao': 'MO',
  'west bank': 'PS',
  'gaza': 'PS',
  'palestinian': 'PS',
  'palestine': 'PS',
  'state of palestine': 'PS',
  'russia': 'RU',
  'the bahamas': 'BS',
  'bahamas, the': 'BS',
  'gambia, the': 'GM',
  'the gambia': 'GM',
  'micronesia, federated states of': 'FM',
  'saint kitts and nevis': 'KN',
  'st. kitts and nevis': 'KN',
  'bosnia-herzegovina': 'BA',
  'cabo verde': 'CV',
  'curacao': 'CW',
  'sint maarten': 'SX',
  'timor-leste': 'TL',
  'turkiye': 'TR',
  'vietnam': 'VN',
  'viet nam': 'VN',
  'united states': 'US',
  'united kingdom of great britain and northern ireland': 'GB',
  'venezuela (bolivarian republic of)': 'VE',
  'bolivia (plurinational state of)': 'BO',
  'united republic of tanzania': 'TZ',
  'republic of moldova': 'MD',
  'region: crimea': 'UA',
  'kosovo': 'XK',
  'soviet union': 'SU',
  'yugoslavia': 'YU',
  'ussr': 'SU',
});

/**
 * Answers already given, by the name as asked: a list names the same few hundred places tens of thousands of times,
 * and i18n-iso-countries looks a name up by scanning every country's names. Emptied when it grows past a bound.
 */
const known = new Map<string, string | null>();
const KNOWN_MAX = 20_000;

/** ISO alpha-2 for a country name, or null when the name is not a country room39 can place. */
export function countryCode(name: string | null | undefined): string | null {
  if (!name) return null;
  let code = known.get(name);
  if (code === undefined) {
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(name, (code = lookUp(name)));
  }
  return code;
}

function lookUp(name: string): string | null {
  const clean = name.trim().replace(/\s+/g, ' ').replace(/\.$/, '');
  if (!clean) return null;
  const own = LIST_SPELLINGS[clean.toLowerCase()];
  if (own) return own;
  return countries.getAlpha2Code(clean, 'en') ?? null;
}

/** Finds a country named at the end of a place ("Kaesong, DPRK" → KP). */
export function countryOfPlace(place: string): string | null {
  const whole = countryCode(place);
  if (whole) return whole;
  const parts = place.split(',').map((p) => p.trim()).filter(Boolean);
  for (let n = Math.min(3, parts.length); n >= 1; n--) {
    const tail = countryCode(parts.slice(parts.length - n).join(', '));
    if (tail) return tail;
  }
  return null;
}
