/** What the round tests (generalise-round5 … round12) read from an extraction, written once. */
import { extract } from '../../src/extract/extract.ts';

/**
 * Each country mention other than North Korea, as "text:role", in the rules' roles: the round tests test the cues of
 * roles.ts, before the host model weighs them (test/extract/host-model.test.ts tests the two together).
 */
export async function roles(text: string): Promise<string[]> {
  return (await extract(text, { hostModel: false })).mentions.filter((m) => m.type === 'country' && m.country !== 'KP').map((m) => `${m.text}:${m.role}`);
}

/** Worker counts and shares, as "kind span low-high" (and the whole, for a share). */
export async function figures(text: string): Promise<string[]> {
  return (await extract(text)).figures
    .filter((f) => f.kind === 'worker_count' || f.kind === 'share')
    .map((f) => `${f.kind} ${text.slice(f.start, f.end)} ${f.low}-${f.high}${f.kind === 'share' ? ` ${f.share_of}` : ''}`);
}

/** Worker counts, as "span low-high qualifier". */
export async function countsOf(text: string): Promise<string[]> {
  return (await extract(text)).figures.filter((f) => f.kind === 'worker_count').map((f) => `${text.slice(f.start, f.end)} ${f.low}-${f.high} ${f.qualifier}`);
}

/** Each country mention other than North Korea, as "text:country:role", in the rules' roles (as `roles`). */
export async function hostRoles(text: string): Promise<string[]> {
  return (await extract(text, { hostModel: false })).mentions.filter((m) => m.type === 'country' && m.country !== 'KP').map((m) => `${m.text}:${m.country}:${m.role}`);
}
