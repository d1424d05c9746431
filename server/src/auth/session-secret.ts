import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The key that signs session cookies: JWT_SECRET when set; for the embedded default a key kept beside
 * the data (so sessions survive restarts); otherwise a per-process key, with a warning.
 */
export function resolveSessionSecret(configured: string | undefined, embedded: boolean, dataDir: string): string {
  if (configured) return configured;
  if (embedded && dataDir !== ':memory:') {
    const dir = resolve(dataDir);
    const file = join(dir, 'session-secret');
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    mkdirSync(dir, { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
  new Logger('Auth').warn('JWT_SECRET is not set: sessions will not survive a restart or work across instances');
  return randomBytes(48).toString('base64url');
}
