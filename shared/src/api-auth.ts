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
