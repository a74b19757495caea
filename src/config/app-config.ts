import { resolve } from 'node:path';
import { isLocalDate } from '../common/local-date.js';

/** How to trust an OpenID Connect provider's access tokens. */
export interface OidcSettings {
  issuer: string;
  audience: string;
  /** Where the provider publishes its signing keys; found through discovery when not given. */
  jwksUri?: string;
  /** The claim that names the person: `sub` by default (`email`, `preferred_username`, …). */
  subjectClaim: string;
}

/** A key that signs (or once signed) the history: its id, stored with every signature, and its secret. */
export interface SigningKey {
  id: string;
  secret: string;
}

/** The signing keys: the current one signs new events; older ones only verify what they signed. */
export interface SigningKeys {
  current: SigningKey;
  old: SigningKey[];
}

/** The service's settings, read once from the environment at start. See docs/operations.md, "Configuration". */
export interface AppConfig {
  /** HTTP port. `PORT`, default 3000. */
  port: number;
  /** Interface to listen on. `HOST`, default 127.0.0.1 (set 0.0.0.0 in a container). */
  host: string;
  /** PostgreSQL connection string. `DATABASE_URL`; unset → the embedded database. */
  databaseUrl: string | undefined;
  /** Where the embedded database keeps its files. `DATA_DIR`, default ./data. */
  dataDir: string;
  /** Connections in the pool for a PostgreSQL server. `DB_POOL_SIZE`, default 10. */
  dbPoolSize: number;
  /** Folders of the process owner's files. `WORKFLOWS_DIR`, `RULES_DIR`. */
  workflowsDir: string;
  rulesDir: string;
  /** `NODE_ENV=production`: no development conveniences. */
  production: boolean;
  /** Apply pending migrations at start on a PostgreSQL server. `MIGRATE_ON_START=true`. The embedded database always does. */
  migrateOnStart: boolean;
  /** The deployment's own closed days, besides the Swedish holidays. `CLOSED_DAYS=2026-05-15,2026-06-05`. */
  closedDays: string[];
  /** On the embedded database outside production: load the seed organisations and demo cases at first start. `SEED_DEMO`, default true. */
  seedDemo: boolean;
  /** The identity provider whose access tokens are accepted (OIDC_ISSUER, OIDC_AUDIENCE, OIDC_JWKS_URI, OIDC_SUBJECT_CLAIM). */
  oidc: OidcSettings | undefined;
  /** Origins a browser may call the API from (CORS_ORIGINS, comma-separated). Closed by default. */
  corsOrigins: string[];
  /** Requests per minute per signed-in person, or per address without a valid sign-in (RATE_LIMIT_PER_MINUTE, default 600). */
  rateLimitPerMinute: number;
  /** Failed sign-ins per minute per address before 429 (RATE_LIMIT_FAILED_SIGNINS_PER_MINUTE, default 30). */
  failedSignInsPerMinute: number;
  /** HTTP server timeouts: HTTP_HEADERS_TIMEOUT_SECONDS (10), HTTP_REQUEST_TIMEOUT_SECONDS (60, the whole request; a 10 MB file needs 1.4 Mbit/s), HTTP_KEEP_ALIVE_SECONDS (5). */
  http: { headersTimeoutMs: number; requestTimeoutMs: number; keepAliveTimeoutMs: number };
  /** Run the timed jobs on this instance. `SCHEDULER_ENABLED`, default true. */
  schedulerEnabled: boolean;
  /**
   * Seconds between two escalation sweeps of this instance (the first runs at start).
   * `ESCALATION_SWEEP_SECONDS`, default 30: a level fires at most this long after it falls due.
   */
  escalationSweepSeconds: number;
  /** Kolada's API for live indicator values, e.g. https://api.kolada.se. `KOLADA_BASE_URL`; unset: files only. */
  koladaBaseUrl: string | undefined;
  /** Limits of one Kolada answer: `KOLADA_TIMEOUT_MS` (default 10000) and `KOLADA_MAX_BYTES` (default 5 MB). Redirects are never followed. */
  kolada: { timeoutMs: number; maxBytes: number };
  /** All stored document files of one case together, at most `CASE_FILES_MAX_MB` megabytes (default 500). */
  caseFilesMaxBytes: number;
  /** Outgoing e-mail: `SMTP_URL` (smtp:// or smtps://, credentials in the URL) and `MAIL_FROM`. Unset: mail is written to the log. */
  smtp: SmtpConfig | undefined;
  /** Receivers told of every escalation: `WEBHOOK_URLS` (comma-separated) and `WEBHOOK_SECRET`. Unset: none. */
  webhooks: WebhookConfig | undefined;
  /** Delivery attempts of a notification before it is marked failed. `NOTIFY_MAX_ATTEMPTS`, default 12 (about six hours of retries). */
  notifyMaxAttempts: number;
  /** The built web interface (`npm run build` writes it), served at `/app/`. `WEB_DIR`, default ./dist/web. */
  webDir: string;
  /** Where people report accessibility problems (the accessibility statement's feedback address). `ACCESSIBILITY_CONTACT`, an e-mail address or https URL. */
  accessibilityContact: string;
  /**
   * Keys that sign the history, kept outside the database (docs/access-and-security.md, "The signed chain"): `HISTORY_SIGNING_KEY`
   * (`<key id>:<secret>`) signs; `HISTORY_SIGNING_KEYS_OLD` (the same, comma-separated) only verify.
   * Required in production; unset elsewhere: a development key kept in DATA_DIR.
   */
  historySigning: SigningKeys | undefined;
}

/** Where e-mail goes out. */
export interface SmtpConfig {
  /** Connection URL as nodemailer reads it, e.g. `smtps://user:password@smtp.example.org:465`. Never logged. */
  url: string;
  /** Sender, e.g. `Samverkan <noreply@region.example>`. */
  from: string;
}

/** Where escalations are posted as signed JSON. */
export interface WebhookConfig {
  urls: string[];
  /** HMAC-SHA256 key the receivers share; the signature is in `X-Samverkan-Signature`. Never logged. */
  secret: string;
}

/** A setting with a value the service cannot use; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the settings from environment variables, refusing values it cannot use (a port that is
 * not a number, …) with a message that names the variable. Pure apart from reading `cwd`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const root = process.cwd();
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    dataDir: resolve(root, env.DATA_DIR?.trim() || 'data'),
    dbPoolSize: integer(env, 'DB_POOL_SIZE', 10, 1, 200),
    workflowsDir: resolve(root, env.WORKFLOWS_DIR?.trim() || 'workflows'),
    rulesDir: resolve(root, env.RULES_DIR?.trim() || 'rules'),
    production: env.NODE_ENV === 'production',
    migrateOnStart: boolean(env, 'MIGRATE_ON_START', false),
    closedDays: dates(env, 'CLOSED_DAYS'),
    koladaBaseUrl: url(env, 'KOLADA_BASE_URL'),
    kolada: {
      timeoutMs: integer(env, 'KOLADA_TIMEOUT_MS', 10_000, 100, 120_000),
      maxBytes: integer(env, 'KOLADA_MAX_BYTES', 5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    },
    caseFilesMaxBytes: integer(env, 'CASE_FILES_MAX_MB', 500, 1, 100_000) * 1024 * 1024,
    schedulerEnabled: boolean(env, 'SCHEDULER_ENABLED', true),
    escalationSweepSeconds: integer(env, 'ESCALATION_SWEEP_SECONDS', 30, 1, 3600),
    seedDemo: boolean(env, 'SEED_DEMO', true),
    oidc: oidc(env),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean)
      .map((o) => url(env, 'CORS_ORIGINS', o)!.replace(/\/$/, '')),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
    failedSignInsPerMinute: integer(env, 'RATE_LIMIT_FAILED_SIGNINS_PER_MINUTE', 30, 1, 1_000_000),
    http: httpTimeouts(env),
    smtp: smtp(env),
    webhooks: webhooks(env, env.NODE_ENV === 'production'),
    notifyMaxAttempts: integer(env, 'NOTIFY_MAX_ATTEMPTS', 12, 1, 100),
    webDir: resolve(root, env.WEB_DIR?.trim() || 'dist/web'),
    accessibilityContact: env.ACCESSIBILITY_CONTACT?.trim() || 'tillganglighet@samverkan.example',
    historySigning: historySigning(env, env.NODE_ENV === 'production'),
  };
}

const MAIL_ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

function smtp(env: NodeJS.ProcessEnv): SmtpConfig | undefined {
  const raw = env.SMTP_URL?.trim();
  const from = env.MAIL_FROM?.trim();
  if (!raw) {
    if (from) throw new ConfigError('MAIL_FROM is set but SMTP_URL is not: set SMTP_URL too, or unset MAIL_FROM to write mail to the log');
    return undefined;
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(raw);
  } catch {
    parsed = undefined;
  }
  // The value may carry a password: the message shows the variable, never the value.
  if (!parsed || (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') || !parsed.hostname) {
    throw new ConfigError(
      'SMTP_URL must be smtp://[user:password@]host[:port] or smtps://… (implicit TLS); the value given is not (it is not repeated here: it may hold a password)',
    );
  }
  if (!from) throw new ConfigError('MAIL_FROM must be set with SMTP_URL: the sender of the e-mails, e.g. "Samverkan <noreply@region.example>"');
  const address = /<([^>]*)>\s*$/.exec(from)?.[1] ?? from;
  if (!MAIL_ADDRESS.test(address))
    throw new ConfigError(`MAIL_FROM must be an e-mail address, optionally with a name ("Samverkan <noreply@region.example>"), but is "${from}"`);
  return { url: raw, from };
}

function webhooks(env: NodeJS.ProcessEnv, production: boolean): WebhookConfig | undefined {
  const raw = env.WEBHOOK_URLS?.trim();
  const secret = env.WEBHOOK_SECRET?.trim();
  if (!raw) return undefined;
  const urls = raw
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  for (const u of urls) {
    let parsed: URL;
    try {
      parsed = new URL(u);
    } catch {
      throw new ConfigError(`WEBHOOK_URLS must be http(s) URLs separated by commas; not a URL: "${u}"`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
      throw new ConfigError(`WEBHOOK_URLS must be http(s) URLs separated by commas; not http(s): "${u}"`);
    if (production && parsed.protocol !== 'https:') throw new ConfigError(`WEBHOOK_URLS must use https in production (NODE_ENV=production): "${u}"`);
    if (parsed.username || parsed.password)
      throw new ConfigError(`WEBHOOK_URLS must not carry credentials in the URL; receivers verify the signature instead: "${parsed.host}"`);
  }
  if (!secret || secret.length < 32)
    throw new ConfigError(
      'WEBHOOK_SECRET must be set with WEBHOOK_URLS, at least 32 characters (e.g. `openssl rand -hex 32`): receivers check the HMAC-SHA256 signature with it',
    );
  return { urls: [...new Set(urls)], secret };
}

function httpTimeouts(env: NodeJS.ProcessEnv): AppConfig['http'] {
  const headers = integer(env, 'HTTP_HEADERS_TIMEOUT_SECONDS', 10, 1, 600);
  const request = integer(env, 'HTTP_REQUEST_TIMEOUT_SECONDS', 60, 1, 3600);
  if (headers > request)
    throw new ConfigError(
      `HTTP_HEADERS_TIMEOUT_SECONDS (${headers}) must not exceed HTTP_REQUEST_TIMEOUT_SECONDS (${request}): the headers are part of the request`,
    );
  return { headersTimeoutMs: headers * 1000, requestTimeoutMs: request * 1000, keepAliveTimeoutMs: integer(env, 'HTTP_KEEP_ALIVE_SECONDS', 5, 1, 3600) * 1000 };
}

const SIGNING_KEY = /^([A-Za-z0-9._-]{1,32}):(.{32,})$/;

function historySigning(env: NodeJS.ProcessEnv, production: boolean): SigningKeys | undefined {
  const format = '"<key id>:<secret>", the id 1–32 letters, digits, ".", "_" or "-", the secret at least 32 characters (e.g. `2026-1:$(openssl rand -hex 32)`)';
  const parse = (name: string, raw: string) => {
    const match = SIGNING_KEY.exec(raw.trim());
    // The value is a secret: the message names the variable, never repeats the value.
    if (!match) throw new ConfigError(`${name} must be ${format}; the value given is not (it is not repeated here)`);
    return { id: match[1]!, secret: match[2]! };
  };
  const raw = env.HISTORY_SIGNING_KEY?.trim();
  const oldRaw = env.HISTORY_SIGNING_KEYS_OLD?.trim();
  if (!raw) {
    if (production)
      throw new ConfigError(
        `HISTORY_SIGNING_KEY must be set in production (NODE_ENV=production): ${format}. It signs the case history so that someone with access to the database cannot rewrite it unnoticed; keep it outside the database`,
      );
    if (oldRaw) throw new ConfigError('HISTORY_SIGNING_KEYS_OLD is set but HISTORY_SIGNING_KEY is not: set the current key too');
    return undefined;
  }
  const current = parse('HISTORY_SIGNING_KEY', raw);
  const old = (oldRaw ?? '')
    .split(',')
    .filter((k) => k.trim())
    .map((k) => parse('HISTORY_SIGNING_KEYS_OLD', k));
  const ids = [current.id, ...old.map((k) => k.id)];
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new ConfigError(`HISTORY_SIGNING_KEY and HISTORY_SIGNING_KEYS_OLD name the key id "${twice}" twice: every key needs an id of its own`);
  return { current, old };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, but is "${raw}"`);
  }
  return value;
}

function dates(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = env[name]?.trim();
  if (!raw) return [];
  const list = raw
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  const bad = list.filter((d) => !isLocalDate(d));
  if (bad.length) throw new ConfigError(`${name} must be dates YYYY-MM-DD separated by commas; not dates: ${bad.join(', ')}`);
  return list;
}

function oidc(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  const audience = env.OIDC_AUDIENCE?.trim();
  if (!audience) throw new ConfigError('OIDC_AUDIENCE must be set with OIDC_ISSUER: the audience (client id) access tokens are issued for');
  const jwksUri = url(env, 'OIDC_JWKS_URI');
  return { issuer, audience, ...(jwksUri ? { jwksUri } : {}), subjectClaim: env.OIDC_SUBJECT_CLAIM?.trim() || 'sub' };
}

function url(env: NodeJS.ProcessEnv, name: string, value?: string): string | undefined {
  const raw = (value ?? env[name])?.trim();
  if (!raw) return undefined;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error();
    return parsed.toString();
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, but is "${raw}"`);
  }
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, but is "${env[name]}"`);
}
