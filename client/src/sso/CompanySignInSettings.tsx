import { useState, type FormEvent } from 'react';
import { ROLES, type GroupRoleMapping, type Role, type SsoSettings } from '@liftoff/shared';
import { isApiError } from '../api/http';
import { usePeople } from '../api/people';
import { ROLE_LABELS } from '../auth/session';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { useSaveSsoSettings, useSsoSettings } from './sso-api';

/** The program office's part of Settings: which identity-provider groups get which role, and the password switch. */
export function CompanySignInSettings() {
  const settings = useSsoSettings(true);
  if (settings.isPending) return <LoadingState label="Loading company sign-in…" />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} title="Could not load company sign-in" />;
  return <CompanySignInForm key={settings.data.version} settings={settings.data} onReload={() => settings.refetch()} />;
}

function CompanySignInForm({ settings, onReload }: { settings: SsoSettings; onReload: () => void }) {
  const save = useSaveSsoSettings();
  const officers = usePeople({ role: 'program_office', active: true, pageSize: 100 });
  const [mappings, setMappings] = useState<GroupRoleMapping[]>(settings.mappings);
  const [passwordSignIn, setPasswordSignIn] = useState(settings.passwordSignIn);
  const [breakGlass, setBreakGlass] = useState(settings.breakGlassPersonId ?? '');
  const fieldError = (field: string) => (isApiError(save.error) ? save.error.fieldErrors.filter((e) => e.field === field || e.field.startsWith(`${field}.`)).flatMap((e) => e.messages) : []);
  const conflict = isApiError(save.error) && save.error.status === 409;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cleaned = mappings.map((m) => ({ group: m.group.trim(), role: m.role })).filter((m) => m.group);
    save.mutate({ version: settings.version, mappings: cleaned, passwordSignIn, breakGlassPersonId: breakGlass || null });
  };
  const setRow = (index: number, change: Partial<GroupRoleMapping>) => setMappings((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <form className="card settings-form" onSubmit={submit} noValidate aria-labelledby="sso-title">
      <h2 id="sso-title">Company sign-in</h2>
      {settings.configured ? (
        <p className="muted">People sign in with {settings.providerName}. At every sign-in their groups set their role; someone in none of the groups below is refused.</p>
      ) : (
        <p className="settings-note">Company sign-in is not configured on this server (OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET). The table below is kept for when it is.</p>
      )}
      {conflict && (
        <div className="form-error" role="alert">
          Someone else changed these settings meanwhile.{' '}
          <button type="button" className="button button-small" onClick={onReload}>Load their values</button>
        </div>
      )}
      {save.error && !conflict && <p className="form-error" role="alert">{save.error.message}</p>}
      {/* Scrolls on its own on a narrow screen; focusable so the keyboard can scroll it too. */}
      <div className="table-wrap" role="region" aria-label="Groups and the role they give" tabIndex={0}>
        <table className="table">
          <caption className="visually-hidden">Groups and the role they give</caption>
          <thead>
            <tr><th scope="col">Group at the identity provider</th><th scope="col">Role in Liftoff</th><th scope="col"><span className="visually-hidden">Remove</span></th></tr>
          </thead>
          <tbody>
            {mappings.map((row, index) => (
              <tr key={index}>
                <td><input className="input" aria-label={`Group ${index + 1}`} value={row.group} onChange={(e) => setRow(index, { group: e.target.value })} /></td>
                <td>
                  <select className="input" aria-label={`Role for group ${index + 1}`} value={row.role} onChange={(e) => setRow(index, { role: e.target.value as Role })}>
                    {ROLES.map((role) => <option key={role} value={role}>{ROLE_LABELS[role]}</option>)}
                  </select>
                </td>
                <td><button type="button" className="button button-small" onClick={() => setMappings((rows) => rows.filter((_, i) => i !== index))}>Remove</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {fieldError('mappings').length > 0 && <p className="form-error">{fieldError('mappings').join(' ')}</p>}
      <div className="form-actions-inline">
        <button type="button" className="button" onClick={() => setMappings((rows) => [...rows, { group: '', role: 'viewer' }])}>Add a group</button>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={passwordSignIn} onChange={(e) => setPasswordSignIn(e.target.checked)} disabled={!settings.configured} /> Passwords still work for everyone
      </label>
      {fieldError('passwordSignIn').length > 0 && <p className="form-error">{fieldError('passwordSignIn').join(' ')}</p>}
      <label htmlFor="break-glass">Break-glass account (keeps its password when passwords are off)</label>
      <select id="break-glass" className="input" value={breakGlass} onChange={(e) => setBreakGlass(e.target.value)} aria-describedby={fieldError('breakGlassPersonId').length ? 'break-glass-errors' : undefined}>
        <option value="">None</option>
        {officers.data?.items.map((person) => <option key={person.id} value={person.id}>{person.name} ({person.email})</option>)}
      </select>
      {fieldError('breakGlassPersonId').length > 0 && <p id="break-glass-errors" className="form-error">{fieldError('breakGlassPersonId').join(' ')}</p>}
      <div className="form-actions-inline">
        <button type="submit" className="button button-primary" disabled={save.isPending}>{save.isPending ? 'Saving…' : 'Save company sign-in'}</button>
        {save.isSuccess && <span className="muted" role="status">Saved.</span>}
      </div>
    </form>
  );
}
