/** The REST contract of accounts: sign-in, session, password, API tokens. */
import type { Role } from './enums';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  businessUnitId: string | null;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** Passwords are at least this long (and not on the common-passwords list, which the server checks). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** A signed-in browser: the cookie holds a random token, the server keeps its hash and this record. */
export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  /** The session this request came with. */
  current: boolean;
}

/** Single-use links that let a person set a password: an invite for a new account, or a reset. */
export const ACCOUNT_LINK_KINDS = ['invite', 'reset'] as const;
export type AccountLinkKind = (typeof ACCOUNT_LINK_KINDS)[number];

/** How long an invite or reset link works. */
export const ACCOUNT_LINK_TTL_DAYS = 7;

/** A freshly issued link: the token appears in this response only (Liftoff keeps just its hash). */
export interface IssuedAccountLink {
  id: string;
  kind: AccountLinkKind;
  personId: string;
  expiresAt: string;
  token: string;
  /** Where the person opens it, relative to the app's address. The token sits after '#', so it never reaches a server log. */
  path: string;
  /** True when Liftoff emailed the link to the person; otherwise hand it over yourself. */
  mailed: boolean;
}

/** The app page that opens a link; the token is in the fragment. */
export function accountLinkPath(token: string): string {
  return `/welcome#token=${encodeURIComponent(token)}`;
}

export interface AccountLinkRequest {
  token: string;
}

export interface AcceptAccountLinkRequest extends AccountLinkRequest {
  password: string;
}

export type AccountLinkStatus = 'valid' | 'expired' | 'used' | 'revoked';

/** What a link is for, shown before the person sets a password. */
export interface AccountLinkInspection {
  kind: AccountLinkKind;
  name: string;
  email: string;
  expiresAt: string;
  status: AccountLinkStatus;
}

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreateApiTokenRequest {
  name: string;
}

/** The token itself appears in this response only; Liftoff keeps just its hash. */
export interface CreatedApiToken extends ApiTokenView {
  token: string;
}

/** Demo accounts the embedded default creates (documented in the README). */
export const DEMO_ACCOUNTS = [
  { name: 'Priya Office', email: 'po@liftoff.demo', role: 'program_office', password: 'liftoff-office' },
  { name: 'Leo Lead', email: 'lead@liftoff.demo', role: 'pilot_lead', password: 'liftoff-lead' },
  { name: 'Erin Executive', email: 'exec@liftoff.demo', role: 'executive', password: 'liftoff-exec' },
  { name: 'Vic Viewer', email: 'viewer@liftoff.demo', role: 'viewer', password: 'liftoff-viewer' },
] as const satisfies readonly { name: string; email: string; role: Role; password: string }[];
