import { createHash, randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';

export const SESSION_COOKIE = 'liftoff_session';
const TOKEN_PREFIX = 'lft_';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A new API token: the secret to show once, and the hash and prefix to keep. */
export function newApiToken(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, 10) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Ties a session to the password it was opened with: changing the password ends other sessions. */
export function passwordStamp(passwordHash: string | null | undefined): string {
  return createHash('sha256').update(passwordHash ?? '').digest('hex').slice(0, 16);
}
