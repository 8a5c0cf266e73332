/**
 * The Remarks column of OFAC's legacy CSV packs aliases, dates and places of
 * birth, nationality, gender, identity documents and links into one string of
 * clauses separated by "; ". No library reads this OFAC-specific grammar, so
 * it is parsed here, clause by clause; a clause it does not recognise is kept
 * only in the remarks text (never guessed at).
 */
import type { ListIdentifier, ListName } from '../../model/index.ts';
import { countryCode, countryOfPlace } from './countries.ts';
import { parseListDate } from './dates.ts';

export interface ParsedRemarks {
  names: ListName[];
  birthDates: string[];
  birthPlaces: string[];
  nationalities: string[];
  identifiers: ListIdentifier[];
  gender: 'male' | 'female' | null;
  linkedTo: string[];
  positions: string[];
  /** IMO number from "Vessel Registration Identification IMO …" or "Identification Number IMO …". */
  imo: string | null;
  /** Clauses recognised as carrying no structured value and none of the above. */
  unparsed: string[];
}

const ALIAS = /^(a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s+'(.+)'\s*\.?$/;

/** Identifier labels → room39 identifier types. First match wins; order matters. */
const ID_TYPES: Array<[RegExp, string]> = [
  [/^digital currency address/i, 'digital_currency'],
  [/passport/i, 'passport'],
  [/^swift\/bic/i, 'swift'],
  [/\bimo\b/i, 'imo'],
  [/^mmsi/i, 'mmsi'],
  [/tax|^r\.?f\.?c\.?|^nit\b|^ruc\b|v\.a\.t\.|^c\.u\.i\.t|^inn\b|^kpp\b|^rtn\b/i, 'tax'],
  [/national id|^cedula|^c\.u\.r\.p|^d\.n\.i|^personal id|identification card|identity card|^ssn\b|citizen's card|electoral|^credencial|^c\.u\.i\.p|^c\.i\.p\b/i, 'national_id'],
  [/registration|regist|company number|business number|chamber of commerce|^folio|^matricula|legal entity number|unified social credit|^d-u-n-s|^c\.r\.|^rif\b|^trade license|^bik|^ogrn|^okpo|^government gazette|^certificate of incorporation|^commercial/i, 'registration'],
  [/aircraft/i, 'aircraft'],
  [/driver/i, 'driving_licence'],
  [/residen/i, 'residency'],
  [/./, 'other'],
];

const ID_CLAUSE = /^(?<label>[A-Za-z.,'’&\/\-() ]*?(?:No\.|Number|#|ID|Identification|Code|Card|Certificate|Document|Permit|Passport|License|Licence|SWIFT\/BIC|MMSI|IMO|D-U-N-S|C\.U\.R\.P\.|R\.F\.C\.|NIT|RUC|V\.A\.T\.|SSN|Cedula|BIK \(RU\)|Folio Mercantil|Matricula Mercantil|C\.U\.I\.T\.|D\.N\.I\.|RIF|RTN|C\.R\.)(?:\s+(?:No\.|Number|#))?)\s*(?:#\s*)?(?<value>[^\s(][^(]*?)(?:\s+\((?<country>[^)]+)\))?(?:\s+(?:issued|expires)\b.*)?$/;

function identifierType(label: string): string {
  for (const [re, type] of ID_TYPES) if (re.test(label)) return type;
  return 'other';
}

function splitClauses(remarks: string): string[] {
  return remarks
    .split(/;\s+/)
    .map((c) => c.trim().replace(/\.$/, '').trim())
    .filter(Boolean);
}

export function parseOfacRemarks(remarks: string | null): ParsedRemarks {
  const out: ParsedRemarks = {
    names: [], birthDates: [], birthPlaces: [], nationalities: [], identifiers: [],
    gender: null, linkedTo: [], positions: [], imo: null, unparsed: [],
  };
  if (!remarks) return out;
  for (const raw of splitClauses(remarks)) {
    const clause = raw.replace(/^alt\.\s+/i, '');
    let m: RegExpMatchArray | null;
    if ((m = clause.match(ALIAS))) {
      const kind = m[1] === 'f.k.a.' ? 'fka' : m[1] === 'n.k.a.' ? 'nka' : 'aka';
      out.names.push({ value: m[2]!.trim(), strength: 'strong', kind });
    } else if ((m = clause.match(/^DOB\s+(.+)$/))) {
      out.birthDates.push(...parseListDate(m[1]!));
    } else if ((m = clause.match(/^POB\s+(.+)$/))) {
      out.birthPlaces.push(m[1]!.trim());
    } else if ((m = clause.match(/^(?:nationality|citizen)\s+(.+)$/i))) {
      const code = countryCode(m[1]!);
      if (code) out.nationalities.push(code);
      else out.unparsed.push(raw);
    } else if ((m = clause.match(/^Gender\s+(Male|Female)$/i))) {
      out.gender = m[1]!.toLowerCase() === 'male' ? 'male' : 'female';
    } else if ((m = clause.match(/^Linked To:\s*(.+)$/i))) {
      out.linkedTo.push(m[1]!.trim());
    } else if ((m = clause.match(/^(?:Vessel Registration Identification|Identification Number)\s+IMO\s+(\d{7})$/i))) {
      out.imo = m[1]!;
      out.identifiers.push({ type: 'imo', value: m[1]!, country: null, note: null });
    } else if ((m = clause.match(/^SWIFT\/BIC\s+(\S+)$/))) {
      out.identifiers.push({ type: 'swift', value: m[1]!, country: null, note: 'SWIFT/BIC' });
    } else if ((m = clause.match(/^Digital Currency Address - (\w+)\s+(\S+)$/))) {
      out.identifiers.push({ type: 'digital_currency', value: m[2]!, country: null, note: m[1]! });
    } else if ((m = clause.match(/^(?:Email Address|EMAIL)\s+(\S+@\S+)$/i))) {
      out.identifiers.push({ type: 'email', value: m[1]!, country: null, note: null });
    } else if ((m = clause.match(/^Website\s+(\S+)$/i))) {
      out.identifiers.push({ type: 'website', value: m[1]!, country: null, note: null });
    } else if ((m = clause.match(/^(?:Phone|PHONE|Telephone|Tel\.?)[:\s]+(.+)$/))) {
      out.identifiers.push({ type: 'phone', value: m[1]!.trim(), country: null, note: null });
    } else if (/^(Secondary sanctions risk|Transactions Prohibited|Additional Sanctions Information|Organization Type|Organization Established Date|Target Type|Executive Order|Effective Date|Listing Date|IFCA Determination|CAATSA|For more information|FAX|Fax|TELEX|TGMS)/i.test(clause)) {
      out.unparsed.push(raw);
    } else if ((m = clause.match(ID_CLAUSE)) && /\d/.test(m.groups!.value!) && m.groups!.value!.length <= 40 && m.groups!.value!.split(' ').length <= 4 && !/[:;]/.test(m.groups!.value!)) {
      const label = m.groups!.label!.trim();
      const country = m.groups!.country ? countryCode(m.groups!.country) : null;
      out.identifiers.push({
        type: identifierType(label),
        value: m.groups!.value!.trim(),
        country,
        note: label,
      });
    } else {
      out.unparsed.push(raw);
    }
  }
  return out;
}

export { countryOfPlace };

/**
 * One OFAC identifier (an `<id>` of sdn.xml, or a remarks clause already split
 * into label and value) → a room39 identifier, or null when the label names
 * something that is not an identifier (those are kept in the remarks).
 */
export function ofacIdentifier(label: string, value: string, country: string | null): ListIdentifier | null {
  const l = label.trim().replace(/:$/, '');
  const v = value.trim();
  if (!v) return null;
  if (/^(Secondary sanctions risk|Transactions Prohibited|Additional Sanctions Information|Organization Type|Organization Established Date|Target Type|Executive Order|Effective Date|Listing Date|IFCA|CAATSA|Linked To|Gender)/i.test(l)) return null;
  const cc = country ? countryCode(country) : null;
  let m: RegExpMatchArray | null;
  if ((m = v.match(/^IMO\s+(\d{7})$/))) return { type: 'imo', value: m[1]!, country: cc, note: l };
  if ((m = l.match(/^Digital Currency Address - (\w+)/))) return { type: 'digital_currency', value: v, country: null, note: m[1]! };
  if (/^Email/i.test(l)) return { type: 'email', value: v, country: null, note: null };
  if (/^Website/i.test(l)) return { type: 'website', value: v, country: null, note: null };
  if (/^(Phone|Telephone)/i.test(l)) return { type: 'phone', value: v, country: null, note: null };
  return { type: identifierType(l), value: v, country: cc, note: l };
}
