import { createHash, randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';

export const SESSION_COOKIE = 'liftoff_session';
const TOKEN_PREFIX = 'lft_';

/**
 * Checked when the email is unknown, has no password or belongs to a deactivated person, so a failed
 * sign-in costs the same argon2 work either way and emails cannot be told apart by timing. Made with
 * the same parameters as hashPassword from a random password nobody kept.
 */
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$VfEOfp2FHfHNuvSJMtnk2Q$wh1Np69TbPW9fMX/JSXfneIE6Kglm+H9caN/4WJAUwg';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** Verifies against `hash`, or against the dummy hash when there is none (always false then, same cost). */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  try {
    const matches = await argon2.verify(hash || DUMMY_HASH, password);
    return Boolean(hash) && matches;
  } catch {
    return false;
  }
}

/** A random secret and the SHA-256 hex digest that is all the database keeps of it. */
export function newSecret(prefix = ''): { token: string; hash: string } {
  const token = `${prefix}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

/** A new API token: the secret to show once, and the hash and prefix to keep. */
export function newApiToken(): { token: string; hash: string; prefix: string } {
  const { token, hash } = newSecret(TOKEN_PREFIX);
  return { token, hash, prefix: token.slice(0, 10) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
