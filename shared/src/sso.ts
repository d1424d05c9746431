/** Company sign-in (OpenID Connect): the contract and the group-to-role rule both sides apply. */
import type { Role } from './enums';

/** One line of the program office's table: people in `group` at the identity provider get `role`. */
export interface GroupRoleMapping {
  group: string;
  role: Role;
}

export interface SsoSettings {
  /** True when the server is configured with an identity provider (OIDC_* variables). */
  configured: boolean;
  /** The company name on the sign-in button ("Sign in with Acme"). */
  providerName: string | null;
  mappings: GroupRoleMapping[];
  /** False: only the break-glass account may still sign in with a password. */
  passwordSignIn: boolean;
  /** The one program-office account that keeps its password while password sign-in is off. */
  breakGlassPersonId: string | null;
  version: number;
}

export interface UpdateSsoSettingsRequest {
  version: number;
  mappings?: GroupRoleMapping[];
  passwordSignIn?: boolean;
  breakGlassPersonId?: string | null;
}

/** What the sign-in page offers, asked before anyone is signed in. */
export interface SignInOptions {
  sso: { providerName: string; startUrl: string } | null;
  passwordSignIn: boolean;
}

/** Why a company sign-in was refused; the sign-in page explains each one. */
export const SSO_REFUSALS = ['no_role', 'deactivated', 'failed', 'no_email'] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];

export const SSO_REFUSAL_TEXT: Record<SsoRefusal, string> = {
  no_role: 'Your company account is not in any group that has access to Liftoff. Ask the AI program office to add you.',
  deactivated: 'Your Liftoff account has been deactivated. Ask the AI program office if you need access again.',
  failed: 'Company sign-in did not complete. Please try again.',
  no_email: 'Your company account did not share an email address, so Liftoff cannot tell who you are.',
};

/** When several groups map to roles, the one that may do most wins. */
export const ROLE_PRECEDENCE: readonly Role[] = ['program_office', 'executive', 'pilot_lead', 'viewer'];

/** The role a person's groups give them, or null when none of their groups is mapped. Group names match exactly. */
export function roleFromGroups(groups: readonly string[], mappings: readonly GroupRoleMapping[]): Role | null {
  const theirs = new Set(groups);
  const granted = new Set(mappings.filter((m) => theirs.has(m.group)).map((m) => m.role));
  return ROLE_PRECEDENCE.find((role) => granted.has(role)) ?? null;
}

/** Reads the groups claim, which providers send as a list or, now and then, as one string. */
export function groupsFromClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  if (typeof value === 'string' && value.trim()) return [value];
  return [];
}



/** Whether a person may sign in with a password: always, unless passwords are off while company sign-in is on. */
export function mayUsePassword(policy: { ssoConfigured: boolean; passwordSignIn: boolean; breakGlassPersonId: string | null }, personId: string): boolean {
  return !policy.ssoConfigured || policy.passwordSignIn || policy.breakGlassPersonId === personId;
}
