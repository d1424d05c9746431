import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { groupsFromClaim, roleFromGroups, type SsoRefusal } from '@liftoff/shared';
import { hashToken, newSecret } from '../auth/credentials';
import { SessionsService } from '../auth/sessions.service';
import { Person } from '../people/person.entity';
import { OidcClient, type CompanyIdentity } from './oidc-client';
import { SsoSettingsService } from './sso-settings.service';
import { SsoSignInAttempt } from './sso-sign-in-attempt.entity';

/** How long a person may take at the identity provider before the sign-in must start again. */
export const ATTEMPT_TTL_MS = 10 * 60_000;

export type SsoOutcome = { session: string; returnTo: string } | { refusal: SsoRefusal };

/** Only a path on this site is followed after sign-in, never an address someone put in the link. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') && value.length <= 500 ? value : '/';
}

@Injectable()
export class SsoSignInService {
  private readonly logger = new Logger(SsoSignInService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly oidc: OidcClient,
    private readonly settings: SsoSettingsService,
    private readonly sessions: SessionsService,
  ) {}

  /** Starts a sign-in: the identity provider's address, and the token for the browser's attempt cookie. */
  async start(returnTo: unknown): Promise<{ url: string; attemptToken: string }> {
    const { url, checks } = await this.oidc.authorizationUrl();
    const { token, hash } = newSecret();
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(SsoSignInAttempt, { expiresAt: LessThan(new Date()) });
      await manager.insert(SsoSignInAttempt, { tokenHash: hash, ...checks, returnTo: safeReturnTo(returnTo), expiresAt: new Date(Date.now() + ATTEMPT_TTL_MS) });
    });
    return { url, attemptToken: token };
  }

  /**
   * Finishes a sign-in: the attempt is used up whatever happens; the code exchange checks state, nonce, PKCE and
   * the ID token; then the person is linked or created and their role set from their groups.
   */
  async complete(attemptToken: string | undefined, callbackQuery: string, userAgent: string | undefined): Promise<SsoOutcome> {
    const attempt = attemptToken ? await this.consume(attemptToken) : null;
    if (!attempt) return { refusal: 'failed' };
    let identity: CompanyIdentity;
    try {
      identity = await this.oidc.identify(callbackQuery, attempt);
    } catch (error) {
      // The library's message says which check failed; it never contains the code or the tokens.
      this.logger.warn(`Company sign-in refused: ${error instanceof Error ? error.message : String(error)}`);
      return { refusal: 'failed' };
    }
    return this.dataSource.transaction(async (manager) => {
      const person = await this.linkOrCreate(manager, identity);
      if ('refusal' in person) return person;
      return { session: await this.sessions.open(manager, person.id, userAgent), returnTo: attempt.returnTo };
    });
  }

  private async consume(token: string): Promise<SsoSignInAttempt | null> {
    const [rows]: [SsoSignInAttempt[], number] = await this.dataSource.query(
      `DELETE FROM sso_sign_in_attempts WHERE token_hash = $1 AND expires_at > now()
       RETURNING state, nonce, code_verifier AS "codeVerifier", return_to AS "returnTo"`,
      [hashToken(token)],
    );
    return rows[0] ?? null;
  }

  private async linkOrCreate(manager: EntityManager, identity: CompanyIdentity): Promise<Person | { refusal: SsoRefusal }> {
    const { mappings } = await this.settings.record(manager);
    const role = roleFromGroups(groupsFromClaim(identity.groups), mappings);
    const select = { id: true, name: true, email: true, role: true, deactivatedAt: true, ssoSubject: true, version: true } as const;
    let person = await manager.findOne(Person, { where: { ssoSubject: identity.subject }, select, lock: { mode: 'pessimistic_write' } });
    if (!person) {
      if (!identity.email) return { refusal: 'no_email' };
      person = await manager.findOne(Person, { where: { email: identity.email }, select, lock: { mode: 'pessimistic_write' } });
      // Another company account already linked to this person: an email alone must not take it over.
      if (person?.ssoSubject && person.ssoSubject !== identity.subject) return { refusal: 'failed' };
    }
    if (person?.deactivatedAt) return { refusal: 'deactivated' };
    // Groups decide access at every sign-in: someone taken out of every mapped group no longer gets in this way.
    if (!role) return { refusal: 'no_role' };
    if (!person) {
      const created = manager.create(Person, { name: identity.name ?? identity.email!, email: identity.email!, role, ssoSubject: identity.subject, businessUnitId: null, deactivatedAt: null });
      return manager.save(created);
    }
    const changes: Partial<Person> = {};
    if (role !== person.role) changes.role = role;
    if (!person.ssoSubject) changes.ssoSubject = identity.subject;
    if (Object.keys(changes).length) {
      Object.assign(person, changes);
      person = await manager.save(person);
    }
    return person;
  }
}
