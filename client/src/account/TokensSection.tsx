import { useState, type FormEvent } from 'react';
import type { CreatedApiToken } from '@liftoff/shared';
import { isApiError } from '../api/http';
import { Field } from '../components/form/Field';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { formatDate } from '../format/dates';
import { useCreateToken, useMyTokens, useRevokeToken } from './account-api';
import { CopyableSecret } from './CopyableSecret';

/** Personal API tokens for scripts: created (shown once), listed by prefix, revoked. */
export function TokensSection() {
  const tokens = useMyTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const nameErrors = isApiError(create.error) ? create.error.fieldErrors.find((e) => e.field === 'name')?.messages : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: (token) => {
          setCreated(token);
          setName('');
        },
      },
    );
  };

  return (
    <section className="card account-section" aria-labelledby="tokens-title">
      <h2 id="tokens-title" className="card-title">
        API tokens
      </h2>
      <p className="card-description">For scripts: send one as <code>Authorization: Bearer …</code>. A token acts as you.</p>
      <form className="account-form account-form-inline" onSubmit={submit} noValidate>
        <Field id="token-name" label="Token name" errors={nameErrors}>
          {(props) => <input {...props} className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="Weekly import script" />}
        </Field>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Create token
        </button>
      </form>
      {created && <CopyableSecret label={`New token ${created.name}`} value={created.token} />}
      {tokens.isPending ? (
        <LoadingState label="Loading tokens…" />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <p className="muted">No API tokens yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Your API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts with</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{formatDate(token.createdAt)}</td>
                  <td>{formatDate(token.lastUsedAt)}</td>
                  <td>
                    {token.revokedAt ? (
                      `Revoked ${formatDate(token.revokedAt)}`
                    ) : (
                      <button type="button" className="button button-small" disabled={revoke.isPending} onClick={() => revoke.mutate(token.id)} aria-label={`Revoke token ${token.name}`}>
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
