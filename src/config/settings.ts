/** The one place configuration is read (environment and defaults). */
import path from 'node:path';

export interface Settings {
  /** PGlite data directory, used when no DATABASE_URL is set. */
  dataDir: string;
  /** PostgreSQL connection string; when set, the server database is used instead of PGlite. */
  databaseUrl: string | null;
  port: number;
  host: string;
  /** Repository root: where the bundled dataset lives. */
  bundleRoot: string;
  /** Accounts, protected testimony and request limits (src/auth, src/testimony; docs/security.md). */
  security: SecuritySettings;
  /** Where the official lists are fetched from, and how (src/ingest/lists/fetch.ts, update.ts). */
  lists: ListSettings;
  /** Document reading and extraction budgets, and who may submit (src/ingest/documents). */
  documents: DocumentSettings;
}

export interface DocumentSettings {
  /** ROOM39_EXTRACT_TIMEOUT_S (default 30): the longest one document may take to read and extract, in a worker; refused past it. */
  timeoutMs: number;
  /** ROOM39_EXTRACT_MEMORY_MB (default 512, at least 64): the heap one extraction worker process may use; a document past it is refused. */
  memoryMb: number;
  /** ROOM39_EXTRACT_WORKERS (default 2): extraction worker processes (documents read and extracted at once). */
  workers: number;
  /** ROOM39_PDF_MAX_PAGES (default 1000): the most pages a PDF may have. */
  pdfMaxPages: number;
  /** ROOM39_PDF_MAX_CHARS (default 5,000,000): the most characters a PDF's text layer may give. */
  pdfMaxChars: number;
  /** ROOM39_EXTRACT_WARM (default off): `room39 serve` starts the extraction workers, with the graph's names, before it serves; off, they start with the first document (a few seconds then) and an idle server keeps about 150 MB less. */
  warm: boolean;
  /** ROOM39_PUBLIC_SUGGEST (default off): anyone may suggest a document; it waits in a moderation queue, nothing is extracted or stored as a source until an analyst accepts it. */
  publicSuggest: boolean;
}

/** The official lists room39 fetches, by their short names. */
export const LIST_KEYS = ['ofac', 'un', 'uk', 'eu'] as const;
export type ListKey = (typeof LIST_KEYS)[number];

export interface ListSettings {
  /** The publisher's URL of each list (ROOM39_LIST_URL_OFAC, _UN, _UK, _EU override; an empty value turns that list off: null). */
  urls: Record<ListKey, string | null>;
  /** ROOM39_UPDATE_EVERY (hours, default 6): how often `room39 serve` checks the publishers; 0 = never. */
  updateEveryHours: number;
  /** ROOM39_LIST_TIMEOUT_S (default 300): the longest one download may take, headers and body. */
  timeoutMs: number;
  /** ROOM39_LIST_MAX_MB (default 200): the largest list file accepted. */
  maxBytes: number;
  /** ROOM39_LIST_RETRIES (default 3): further attempts after a network error or a 5xx answer, with backoff. */
  retries: number;
}

/**
 * The publishers' own endpoints (their download pages name them): OFAC's
 * Sanctions List Service export of the SDN list (XML), the UN Security
 * Council's consolidated list (XML), the FCDO's UK Sanctions List (XML, the
 * single UK list since 28 January 2026) and the EU Financial Sanctions Files
 * consolidated list (XML; the token is the public one of the FSF download page).
 */
export const DEFAULT_LIST_URLS: Record<ListKey, string> = {
  ofac: 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML',
  un: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml',
  uk: 'https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml',
  eu: 'https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw',
};

export interface SecuritySettings {
  /** ROOM39_PUBLIC_READ (default on): anonymous clients may read non-protected data and use the read-only doors. */
  publicRead: boolean;
  /** ROOM39_KEY_FILE: the testimony key file (one key per line, current first). */
  keyFile: string | null;
  /** ROOM39_KEY: the testimony key itself (base64), when no key file is given. */
  key: string | null;
  /** ROOM39_COOKIE_SECURE (default on): session cookies only over HTTPS (browsers treat localhost as secure). */
  cookieSecure: boolean;
  /** ROOM39_TRUST_PROXY (default off): take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean;
  /** ROOM39_SESSION_HOURS (default 12): a session ends this long after login. */
  sessionHours: number;
  /** ROOM39_RATE_ADDRESS (default "1000/2000"): requests per second per client address, and the burst. */
  addressRate: RateSetting;
  /** ROOM39_RATE_ACCOUNT (default "1000/2000"): requests per second per account or API token, and the burst. */
  accountRate: RateSetting;
  /** ROOM39_RATE_LOGIN (default "10/10" per minute): login attempts per minute per address, and the burst. */
  loginRatePerMinute: RateSetting;
  /**
   * ROOM39_RATE_REFUSED (default "0.2/20"): refused requests at protected paths per second per address that are
   * recorded one by one in the audit trail, and the burst; past it the address gets 429 and its refusals are counted
   * into one audit record a minute.
   */
  refusedRate: RateSetting;
  /** ROOM39_LOCK_AFTER (default 5) failed logins lock an account for ROOM39_LOCK_MINUTES (default 15). */
  lockAfter: number;
  lockMinutes: number;
  /** ROOM39_MAX_UPLOAD_MB (default 20): the largest uploaded document. */
  maxUploadBytes: number;
  /**
   * Where `room39 serve` anchors the audit trail's head outside the database (src/audit/anchor.ts):
   * ROOM39_AUDIT_ANCHOR_FILE (a file to append to) and/or ROOM39_AUDIT_ANCHOR_URL (a webhook), at start, every
   * ROOM39_AUDIT_ANCHOR_MINUTES (default 60) and at stop.
   */
  auditAnchor: { file: string | null; webhook: string | null; minutes: number };
}

export interface RateSetting {
  rate: number;
  burst: number;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !/^(0|false|no|off)$/i.test(value.trim());
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number (got "${value}")`);
  return n;
}

/** A worker process needs about 30 MB of heap to load its modules: a budget below 64 MB would refuse every document. */
const MIN_EXTRACT_MEMORY_MB = 64;

function extractionMemoryMb(value: string | undefined): number {
  const mb = Math.round(positive(value, 512, 'ROOM39_EXTRACT_MEMORY_MB'));
  if (mb < MIN_EXTRACT_MEMORY_MB) throw new Error(`ROOM39_EXTRACT_MEMORY_MB must be at least ${MIN_EXTRACT_MEMORY_MB} (got "${value}"): an extraction worker needs about 30 MB to start`);
  return mb;
}

function rate(value: string | undefined, fallback: RateSetting, name: string): RateSetting {
  if (value === undefined || value === '') return fallback;
  const [r, b] = value.split('/');
  const parsed = { rate: positive(r, NaN, name), burst: positive(b ?? r, NaN, name) };
  if (!Number.isFinite(parsed.rate) || !Number.isFinite(parsed.burst)) throw new Error(`${name} is "RATE/BURST", e.g. 1000/2000 (got "${value}")`);
  return parsed;
}

export function readSecuritySettings(env: NodeJS.ProcessEnv = process.env): SecuritySettings {
  return {
    publicRead: flag(env.ROOM39_PUBLIC_READ, true),
    keyFile: env.ROOM39_KEY_FILE ? path.resolve(env.ROOM39_KEY_FILE) : null,
    key: env.ROOM39_KEY || null,
    cookieSecure: flag(env.ROOM39_COOKIE_SECURE, true),
    trustProxy: flag(env.ROOM39_TRUST_PROXY, false),
    sessionHours: positive(env.ROOM39_SESSION_HOURS, 12, 'ROOM39_SESSION_HOURS'),
    addressRate: rate(env.ROOM39_RATE_ADDRESS, { rate: 1000, burst: 2000 }, 'ROOM39_RATE_ADDRESS'),
    accountRate: rate(env.ROOM39_RATE_ACCOUNT, { rate: 1000, burst: 2000 }, 'ROOM39_RATE_ACCOUNT'),
    loginRatePerMinute: rate(env.ROOM39_RATE_LOGIN, { rate: 10, burst: 10 }, 'ROOM39_RATE_LOGIN'),
    refusedRate: rate(env.ROOM39_RATE_REFUSED, { rate: 0.2, burst: 20 }, 'ROOM39_RATE_REFUSED'),
    lockAfter: Math.round(positive(env.ROOM39_LOCK_AFTER, 5, 'ROOM39_LOCK_AFTER')),
    lockMinutes: positive(env.ROOM39_LOCK_MINUTES, 15, 'ROOM39_LOCK_MINUTES'),
    maxUploadBytes: Math.round(positive(env.ROOM39_MAX_UPLOAD_MB, 20, 'ROOM39_MAX_UPLOAD_MB') * 1024 * 1024),
    auditAnchor: {
      file: env.ROOM39_AUDIT_ANCHOR_FILE ? path.resolve(env.ROOM39_AUDIT_ANCHOR_FILE) : null,
      webhook: env.ROOM39_AUDIT_ANCHOR_URL || null,
      minutes: positive(env.ROOM39_AUDIT_ANCHOR_MINUTES, 60, 'ROOM39_AUDIT_ANCHOR_MINUTES'),
    },
  };
}

function nonNegative(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number, 0 or more (got "${value}")`);
  return n;
}

function listUrl(value: string | undefined, fallback: string, name: string): string | null {
  if (value === undefined) return fallback;
  const v = value.trim();
  if (!v) return null;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new Error(`${name} must be an http(s) URL, or empty to turn the list off (got "${value}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be an http(s) URL (got "${value}")`);
  return url.toString();
}

export function readListSettings(env: NodeJS.ProcessEnv = process.env): ListSettings {
  const urls = {} as Record<ListKey, string | null>;
  for (const key of LIST_KEYS) {
    const name = `ROOM39_LIST_URL_${key.toUpperCase()}`;
    urls[key] = listUrl(env[name], DEFAULT_LIST_URLS[key], name);
  }
  return {
    urls,
    updateEveryHours: nonNegative(env.ROOM39_UPDATE_EVERY, 6, 'ROOM39_UPDATE_EVERY'),
    timeoutMs: Math.round(positive(env.ROOM39_LIST_TIMEOUT_S, 300, 'ROOM39_LIST_TIMEOUT_S') * 1000),
    maxBytes: Math.round(positive(env.ROOM39_LIST_MAX_MB, 200, 'ROOM39_LIST_MAX_MB') * 1024 * 1024),
    retries: Math.round(nonNegative(env.ROOM39_LIST_RETRIES, 3, 'ROOM39_LIST_RETRIES')),
  };
}

/** Whether the screening index is kept beside an embedded store for the next process (screen/index-snapshot.ts); `ROOM39_INDEX_SNAPSHOT=0` turns it off. */
export function indexSnapshotEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.ROOM39_INDEX_SNAPSHOT !== '0';
}

export function readDocumentSettings(env: NodeJS.ProcessEnv = process.env): DocumentSettings {
  return {
    timeoutMs: Math.round(positive(env.ROOM39_EXTRACT_TIMEOUT_S, 30, 'ROOM39_EXTRACT_TIMEOUT_S') * 1000),
    memoryMb: extractionMemoryMb(env.ROOM39_EXTRACT_MEMORY_MB),
    workers: Math.max(1, Math.round(positive(env.ROOM39_EXTRACT_WORKERS, 2, 'ROOM39_EXTRACT_WORKERS'))),
    pdfMaxPages: Math.round(positive(env.ROOM39_PDF_MAX_PAGES, 1000, 'ROOM39_PDF_MAX_PAGES')),
    pdfMaxChars: Math.round(positive(env.ROOM39_PDF_MAX_CHARS, 5_000_000, 'ROOM39_PDF_MAX_CHARS')),
    warm: flag(env.ROOM39_EXTRACT_WARM, false),
    publicSuggest: flag(env.ROOM39_PUBLIC_SUGGEST, false),
  };
}

/** Two levels above this module: the checkout, or its dist/ when running the compiled build (scripts/build-cli.js). */
const MODULE_ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
export const REPO_ROOT = import.meta.url.endsWith('.js') && path.basename(MODULE_ROOT) === 'dist' ? path.dirname(MODULE_ROOT) : MODULE_ROOT;

export function readSettings(overrides: Partial<Settings> = {}, env: NodeJS.ProcessEnv = process.env): Settings {
  const port = overrides.port ?? (env.ROOM39_PORT ? Number(env.ROOM39_PORT) : 3939);
  return {
    dataDir: path.resolve(overrides.dataDir ?? env.ROOM39_DATA ?? path.join(process.cwd(), '.room39')),
    databaseUrl: overrides.databaseUrl !== undefined ? overrides.databaseUrl : (env.DATABASE_URL || null),
    port,
    host: overrides.host ?? env.ROOM39_HOST ?? '127.0.0.1',
    bundleRoot: overrides.bundleRoot ?? env.ROOM39_BUNDLE ?? REPO_ROOT,
    security: overrides.security ?? readSecuritySettings(env),
    lists: overrides.lists ?? readListSettings(env),
    documents: overrides.documents ?? readDocumentSettings(env),
  };
}
