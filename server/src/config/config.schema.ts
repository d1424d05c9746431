import { validateCronExpression } from 'cron';
import * as Joi from 'joi';
import { DEFAULT_EMBEDDED_SHARED_BUFFERS, EMBEDDED_SHARED_BUFFERS_PATTERN } from '../database/embedded-settings';

export interface AppConfig {
  NODE_ENV: 'development' | 'production' | 'test';
  PORT: number;
  HOST: string;
  /** Where browsers reach the app (scheme://host[:port]); writes from any other origin are refused. */
  PUBLIC_URL: string;
  /** Largest accepted request body, in bytes. */
  BODY_LIMIT_BYTES: number;
  DATABASE_URL?: string;
  DATA_DIR: string;
  EMBEDDED_SHARED_BUFFERS: string;
  DB_POOL_SIZE: number;
  /** Processes serving the app on a real PostgreSQL (one per core uses the machine); the embedded database takes 1. */
  SERVER_WORKERS: number;
  /** Longest a single SQL statement may run on a real PostgreSQL, in ms; 0 turns the limit off. */
  DB_STATEMENT_TIMEOUT_MS: number;
  /** Prepare parameterised statements once per connection on a real PostgreSQL; false behind a pooler that cannot keep them. */
  DB_PREPARED_STATEMENTS: boolean;
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Unset: on for the embedded default, off on a real database. */
  SEED_DEMO?: boolean;
  CLIENT_DIST_DIR?: string;
  SWEEP_CRON: string;
  SWEEP_ENABLED: boolean;
  /** false: no hourly reminder or digest run is scheduled on this instance (tests, a staging copy of real data). */
  SCHEDULED_MESSAGES_ENABLED: boolean;
  /** How often each worker of the job queue looks for new jobs, in seconds. */
  JOBS_POLL_SECONDS: number;
  /** How often an instance checks whether a schedule of the job queue is due, in seconds. */
  JOBS_CRON_CHECK_SECONDS: number;
  SESSION_TTL_HOURS: number;
  COOKIE_SECURE: boolean;
  ADMIN_EMAIL?: string;
  ADMIN_PASSWORD?: string;
  ADMIN_NAME: string;
  LOGIN_RATE_LIMIT: number;
  /** Company sign-in (OpenID Connect): all three of issuer, client id and secret, or none. */
  OIDC_ISSUER_URL?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SECRET?: string;
  OIDC_SCOPES: string;
  /** The claim of the ID token (or userinfo) that lists the person's groups. */
  OIDC_GROUPS_CLAIM: string;
  /** The company name on the sign-in button. */
  OIDC_PROVIDER_NAME: string;
  /** Tries per delivery to a channel before it is marked failed (the first one included). */
  DELIVERY_MAX_ATTEMPTS: number;
  /** Wait before the first retry, in ms; doubled for each retry after it. */
  DELIVERY_RETRY_BASE_MS: number;
  /** Longest a receiver may take to answer, in ms. */
  DELIVERY_TIMEOUT_MS: number;
  /** Days dispatched outbox events (and their delivery log) are kept. */
  OUTBOX_RETENTION_DAYS: number;
  /** Outgoing mail (smtp:// or smtps://, credentials in the URL); unset: Liftoff sends no email. */
  SMTP_URL?: string;
  /** The sender of every email (`Liftoff <liftoff@example.com>`); defaults to liftoff@ the PUBLIC_URL host. */
  MAIL_FROM?: string;
  /** Longest one SMTP conversation may take, in ms. */
  SMTP_TIMEOUT_MS: number;
  /** Signs unsubscribe links; unset: a random key kept in the database. At least 32 characters. */
  NOTIFICATION_SECRET?: string;
}

const schema = Joi.object<AppConfig>({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  PORT: Joi.number().port().default(3000),
  HOST: Joi.string().hostname().default('127.0.0.1'),
  PUBLIC_URL: Joi.string().uri({ scheme: ['http', 'https'] }).optional(),
  BODY_LIMIT_BYTES: Joi.number().integer().min(1024).max(100 * 1024 * 1024).default(1024 * 1024),
  DATABASE_URL: Joi.string().uri({ scheme: ['postgres', 'postgresql'] }).optional(),
  DATA_DIR: Joi.string().default('./data'),
  EMBEDDED_SHARED_BUFFERS: Joi.string()
    .pattern(EMBEDDED_SHARED_BUFFERS_PATTERN)
    .default(DEFAULT_EMBEDDED_SHARED_BUFFERS)
    .messages({ 'string.pattern.base': '"EMBEDDED_SHARED_BUFFERS" must be a size from 1 to 9999 in kB, MB or GB, such as 32MB' }),
  DB_POOL_SIZE: Joi.number().integer().min(1).max(100).default(10),
  SERVER_WORKERS: Joi.number()
    .integer()
    .min(1)
    .max(64)
    .default(1)
    .when('DATABASE_URL', { not: Joi.exist(), then: Joi.valid(1).messages({ 'any.only': '"SERVER_WORKERS" must be 1 with the embedded database (set DATABASE_URL for more)' }) }),
  DB_STATEMENT_TIMEOUT_MS: Joi.alternatives()
    .try(Joi.number().valid(0), Joi.number().integer().min(100).max(60 * 60_000))
    .default(15_000)
    .messages({ 'alternatives.match': '"DB_STATEMENT_TIMEOUT_MS" must be 0 (no limit) or a whole number of milliseconds from 100 to 3600000' }),
  DB_PREPARED_STATEMENTS: Joi.boolean().default(true),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  SEED_DEMO: Joi.boolean().optional(),
  CLIENT_DIST_DIR: Joi.string().optional(),
  SWEEP_CRON: Joi.string()
    .default('0 2 * * *')
    .custom((value: string, helpers) => (validateCronExpression(value).valid ? value : helpers.error('any.invalid'))),
  SWEEP_ENABLED: Joi.boolean().default(true),
  SCHEDULED_MESSAGES_ENABLED: Joi.boolean().default(true),
  JOBS_POLL_SECONDS: Joi.number().min(0.5).max(60).default(2),
  JOBS_CRON_CHECK_SECONDS: Joi.number().integer().min(1).max(45).default(30),
  SESSION_TTL_HOURS: Joi.number().integer().min(1).max(24 * 30).default(12),
  COOKIE_SECURE: Joi.boolean().default(false),
  ADMIN_EMAIL: Joi.string().email().optional(),
  ADMIN_PASSWORD: Joi.string().min(12).optional(),
  ADMIN_NAME: Joi.string().default('Program Office Admin'),
  LOGIN_RATE_LIMIT: Joi.number().integer().min(1).default(10),
  OIDC_ISSUER_URL: Joi.string().uri({ scheme: ['http', 'https'] }).optional(),
  OIDC_CLIENT_ID: Joi.string().max(300).optional(),
  OIDC_CLIENT_SECRET: Joi.string().max(1000).optional(),
  OIDC_SCOPES: Joi.string()
    .pattern(/(^|\s)openid(\s|$)/)
    .default('openid email profile')
    .messages({ 'string.pattern.base': '"OIDC_SCOPES" must include openid' }),
  OIDC_GROUPS_CLAIM: Joi.string().max(200).default('groups'),
  OIDC_PROVIDER_NAME: Joi.string().max(80).default('your company account'),
  DELIVERY_MAX_ATTEMPTS: Joi.number().integer().min(1).max(20).default(5),
  DELIVERY_RETRY_BASE_MS: Joi.number().integer().min(10).max(24 * 3600_000).default(30_000),
  DELIVERY_TIMEOUT_MS: Joi.number().integer().min(100).max(120_000).default(10_000),
  OUTBOX_RETENTION_DAYS: Joi.number().integer().min(1).max(3650).default(30),
  SMTP_URL: Joi.string()
    .uri({ scheme: ['smtp', 'smtps'] })
    .optional()
    .messages({ 'string.uriCustomScheme': '"SMTP_URL" must be an smtp:// or smtps:// address', 'string.uri': '"SMTP_URL" must be an smtp:// or smtps:// address' }),
  MAIL_FROM: Joi.alternatives()
    .try(Joi.string().email({ tlds: false }), Joi.string().pattern(/^[^<>]{1,100} <[^\s<>@]+@[^\s<>@]+>$/))
    .optional()
    .messages({ 'alternatives.match': '"MAIL_FROM" must be an address or a name followed by <address>' }),
  SMTP_TIMEOUT_MS: Joi.number().integer().min(1000).max(120_000).default(15_000),
  NOTIFICATION_SECRET: Joi.string().min(32).max(500).optional(),
})
  .and('OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET')
  .messages({ 'object.and': 'OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together (company sign-in), or none of them' }).unknown(true);

/** Validates the environment; the error names every bad variable so a misconfiguration is obvious at start. */
export function validateConfig(env: Record<string, unknown>): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const { error, value } = schema.validate(cleaned, { abortEarly: false, convert: true });
  if (error) {
    const problems = error.details.map((d) => `${d.path.join('.')}: ${d.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const config = value as AppConfig;
  config.PUBLIC_URL = new URL(config.PUBLIC_URL ?? defaultPublicUrl(config.HOST, config.PORT)).origin;
  return config;
}

/** Without PUBLIC_URL: the address the server prints at start (localhost for the loopback default). */
function defaultPublicUrl(host: string, port: number): string {
  return `http://${host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host}:${port}`;
}
