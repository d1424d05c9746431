import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type * as OpenIdClient from 'openid-client' with { 'resolution-mode': 'import' };
import type { AppConfig } from '../config/config.schema';

type Library = typeof OpenIdClient;

/** Seconds of clock difference tolerated on the ID token's times: short, so an expired token is refused. */
const CLOCK_TOLERANCE_S = 5;

/** What the callback must find again: the values sent to the identity provider with the browser. */
export interface AuthorizationChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Who the identity provider says signed in. */
export interface CompanyIdentity {
  subject: string;
  email: string | null;
  name: string | null;
  groups: unknown;
}

/** An issuer on this machine may speak plain HTTP (a provider started by the tests or a local trial); never another. */
function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * The OpenID Connect relying party, on openid-client: discovery (cached), the authorization URL with PKCE, state
 * and nonce, and the code exchange that checks them together with the ID token's signature, audience and times.
 */
@Injectable()
export class OidcClient {
  private readonly logger = new Logger(OidcClient.name);
  private library?: Promise<Library>;
  private discovered?: Promise<OpenIdClient.Configuration>;

  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  get configured(): boolean {
    return Boolean(this.config.get('OIDC_ISSUER_URL', { infer: true }));
  }

  get callbackUrl(): string {
    return `${this.config.get('PUBLIC_URL', { infer: true })}/api/auth/sso/callback`;
  }

  async authorizationUrl(): Promise<{ url: string; checks: AuthorizationChecks }> {
    const [lib, configuration] = await Promise.all([this.load(), this.configuration()]);
    const checks = { state: lib.randomState(), nonce: lib.randomNonce(), codeVerifier: lib.randomPKCECodeVerifier() };
    const url = lib.buildAuthorizationUrl(configuration, {
      redirect_uri: this.callbackUrl,
      scope: this.config.get('OIDC_SCOPES', { infer: true }),
      code_challenge: await lib.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce,
    });
    return { url: url.href, checks };
  }

  /** Exchanges the code; throws when the state, nonce, PKCE verifier or ID token does not check out. */
  async identify(callbackQuery: string, checks: AuthorizationChecks): Promise<CompanyIdentity> {
    const [lib, configuration] = await Promise.all([this.load(), this.configuration()]);
    const tokens = await lib.authorizationCodeGrant(configuration, new URL(`${this.callbackUrl}?${callbackQuery}`), {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    const groupsClaim = this.config.get('OIDC_GROUPS_CLAIM', { infer: true });
    let source: Record<string, unknown> = claims;
    // Many providers keep the ID token small and give email and groups at the userinfo endpoint only.
    if ((claims.email === undefined || claims[groupsClaim] === undefined) && configuration.serverMetadata().userinfo_endpoint) {
      source = { ...(await lib.fetchUserInfo(configuration, tokens.access_token, claims.sub)), ...claims };
    }
    const email = typeof source.email === 'string' ? source.email.trim().toLowerCase() : null;
    const name = typeof source.name === 'string' ? source.name.trim() : null;
    return { subject: claims.sub, email: email || null, name: name || null, groups: source[groupsClaim] };
  }

  private load(): Promise<Library> {
    // openid-client is an ES module; the server is CommonJS.
    this.library ??= import('openid-client');
    return this.library;
  }

  private configuration(): Promise<OpenIdClient.Configuration> {
    if (!this.configured) throw new ServiceUnavailableException('Company sign-in is not configured');
    this.discovered ??= this.discover().catch((error: unknown) => {
      this.discovered = undefined; // try again on the next sign-in
      this.logger.warn(`Discovery at the identity provider failed: ${error instanceof Error ? error.message : String(error)}`);
      throw new ServiceUnavailableException('The identity provider cannot be reached; try again in a moment');
    });
    return this.discovered;
  }

  private async discover(): Promise<OpenIdClient.Configuration> {
    const lib = await this.load();
    const issuer = new URL(this.config.get('OIDC_ISSUER_URL', { infer: true })!);
    return lib.discovery(
      issuer,
      this.config.get('OIDC_CLIENT_ID', { infer: true })!,
      { client_secret: this.config.get('OIDC_CLIENT_SECRET', { infer: true })!, [lib.clockTolerance]: CLOCK_TOLERANCE_S },
      undefined,
      isLoopback(issuer) && issuer.protocol === 'http:' ? { execute: [lib.allowInsecureRequests] } : undefined,
    );
  }
}
