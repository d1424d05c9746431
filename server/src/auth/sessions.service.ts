import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import type { Role, SessionView } from '@liftoff/shared';
import type { AppConfig } from '../config/config.schema';
import type { Actor } from './actor';
import { hashToken, newSecret } from './credentials';
import { Session } from './session.entity';

/** last_seen_at is refreshed at most this often, so reading pages does not write on every request. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

function toSessionView(session: Session, currentId: string | undefined): SessionView {
  return {
    id: session.id,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    userAgent: session.userAgent,
    current: session.id === currentId,
  };
}

/**
 * Ends every way a person is signed in: all their sessions and (unless told otherwise) their API
 * tokens. Runs inside the caller's transaction, so the change and the sign-out commit together.
 */
export async function endAccess(manager: EntityManager, personId: string, options: { tokens: boolean }): Promise<void> {
  await manager.query('UPDATE sessions SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL', [personId]);
  if (options.tokens) await manager.query('UPDATE api_tokens SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL', [personId]);
}

/** Who a session cookie belongs to, when it is live and the person is active. */
export interface SessionOwner {
  sessionId: string;
  person: { id: string; name: string; email: string; role: Role; businessUnitId: string | null };
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** Opens a session and returns the token for the cookie (never stored as is). */
  async open(manager: EntityManager, personId: string, userAgent: string | undefined): Promise<string> {
    // Ended sessions are kept a while for the record, then dropped as the person signs in again.
    await manager.query("DELETE FROM sessions WHERE person_id = $1 AND expires_at < now() - interval '30 days'", [personId]);
    const { token, hash } = newSecret();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.get('SESSION_TTL_HOURS', { infer: true }) * 3_600_000);
    await manager.insert(Session, { personId, tokenHash: hash, lastSeenAt: now, expiresAt, revokedAt: null, userAgent: userAgent?.slice(0, 300) ?? null });
    return token;
  }

  async identify(token: string): Promise<SessionOwner | null> {
    const [row]: { session_id: string; last_seen_at: Date; id: string; name: string; email: string; role: Role; business_unit_id: string | null }[] = await this.dataSource.query(
      `SELECT s.id AS session_id, s.last_seen_at, p.id, p.name, p.email, p.role, p.business_unit_id
         FROM sessions s JOIN people p ON p.id = s.person_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND p.deactivated_at IS NULL`,
      [hashToken(token)],
    );
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > LAST_SEEN_RESOLUTION_MS) {
      await this.dataSource.query('UPDATE sessions SET last_seen_at = now() WHERE id = $1', [row.session_id]);
    }
    return { sessionId: row.session_id, person: { id: row.id, name: row.name, email: row.email, role: row.role, businessUnitId: row.business_unit_id } };
  }

  /** Logout: ends the session the cookie names (whoever it belongs to, live or not). */
  async endByToken(token: string): Promise<void> {
    await this.dataSource.query('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [hashToken(token)]);
  }

  async list(actor: Actor): Promise<SessionView[]> {
    const sessions = await this.dataSource.manager.find(Session, {
      where: { personId: actor.id, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { lastSeenAt: 'DESC' },
    });
    return sessions.map((s) => toSessionView(s, actor.sessionId));
  }

  end(actor: Actor, id: string): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const session = await manager.findOne(Session, { where: { id, personId: actor.id }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw new NotFoundException(`Session ${id} was not found among your sessions`);
      if (session.revokedAt) throw new ConflictException(`Session ${id} has already ended`);
      session.revokedAt = new Date();
      await manager.save(session);
    });
  }
}
