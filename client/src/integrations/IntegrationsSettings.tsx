import { useState } from 'react';
import { Link } from 'react-router-dom';
import { CHANNEL_KIND_LABELS, WEBHOOK_EVENT_LABELS, type ChannelTestResult, type NotificationChannelView, type NotificationChannelWithSecret } from '@liftoff/shared';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { ChannelDialog } from './ChannelDialog';
import { useDeleteChannel, useNotificationChannels, useRotateSecret, useTestChannel } from './integrations-api';

export const DELIVERY_LOG_PATH = '/settings/deliveries';

type Open = { kind: 'add' } | { kind: 'edit'; channel: NotificationChannelView } | { kind: 'delete'; channel: NotificationChannelView } | null;

/** What a test send did, in a sentence. */
export function describeTest(name: string, result: ChannelTestResult): string {
  if (result.ok) return `${name} answered ${result.responseCode}: the test message arrived.`;
  return `The test to ${name} failed: ${result.error ?? 'no reason given'}${result.responseCode && !result.error?.includes(String(result.responseCode)) ? ` (${result.responseCode})` : ''}.`;
}

/** The program office's part of Settings: Slack, Teams and webhook channels, with a test button and the delivery log. */
export function IntegrationsSettings() {
  const channels = useNotificationChannels();
  const test = useTestChannel();
  const rotate = useRotateSecret();
  const remove = useDeleteChannel();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);

  const showSecret = (channel: NotificationChannelWithSecret) => {
    if (channel.signingSecret) setSecret({ name: channel.name, value: channel.signingSecret });
  };
  const sendTest = (channel: NotificationChannelView) => {
    setNotice(`Sending a test to ${channel.name}…`);
    test.mutate(channel.id, {
      onSuccess: (result) => setNotice(describeTest(channel.name, result)),
      onError: (error) => setNotice(`The test to ${channel.name} could not be sent: ${error.message}`),
    });
  };

  return (
    <section className="card settings-form" aria-labelledby="integrations-title">
      <h2 id="integrations-title">Integrations</h2>
      <p className="muted">
        Post what happens in the portfolio to Slack, Microsoft Teams or your own systems (signed JSON webhooks, see docs/WEBHOOKS.md).{' '}
        <Link to={DELIVERY_LOG_PATH}>Delivery log</Link>
      </p>
      {notice && <p role="status" className="settings-note">{notice}</p>}
      {secret && (
        <div className="settings-note" role="alert">
          <p>
            Signing secret of {secret.name}. Copy it now into the receiving system: it will not be shown again.
          </p>
          <code aria-label={`Signing secret of ${secret.name}`}>{secret.value}</code>{' '}
          <button type="button" className="button button-small" onClick={() => setSecret(null)}>Done</button>
        </div>
      )}
      {channels.isPending && <LoadingState label="Loading the channels…" />}
      {channels.isError && <ErrorState error={channels.error} onRetry={() => channels.refetch()} title="Could not load the channels" />}
      {channels.data && channels.data.length === 0 && <p>No channel yet.</p>}
      {channels.data && channels.data.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">Notification channels</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Address</th>
              <th scope="col">Events</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {channels.data.map((channel) => (
              <tr key={channel.id}>
                <th scope="row">
                  {channel.name}
                  {!channel.enabled && <span className="muted"> (off)</span>}
                </th>
                <td>{CHANNEL_KIND_LABELS[channel.kind]}</td>
                <td><code>{channel.maskedUrl}</code></td>
                <td>{channel.eventTypes.map((type) => WEBHOOK_EVENT_LABELS[type]).join(', ')}</td>
                <td className="table-actions">
                  <button type="button" className="button button-small" disabled={test.isPending} onClick={() => sendTest(channel)} aria-label={`Send a test to ${channel.name}`}>Send a test</button>{' '}
                  <button type="button" className="button button-small" onClick={() => setOpen({ kind: 'edit', channel })} aria-label={`Edit ${channel.name}`}>Edit</button>{' '}
                  {channel.kind === 'webhook' && (
                    <>
                      <button
                        type="button"
                        className="button button-small"
                        disabled={rotate.isPending}
                        aria-label={`Rotate the signing secret of ${channel.name}`}
                        onClick={() => rotate.mutate({ id: channel.id, version: channel.version }, { onSuccess: showSecret, onError: (error) => setNotice(error.message) })}
                      >
                        Rotate secret
                      </button>{' '}
                    </>
                  )}
                  <button type="button" className="button button-small" onClick={() => setOpen({ kind: 'delete', channel })} aria-label={`Delete ${channel.name}`}>Delete</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-actions-inline">
        <button type="button" className="button" onClick={() => setOpen({ kind: 'add' })}>Add a channel</button>
      </div>
      {open?.kind === 'add' && (
        <ChannelDialog
          onClose={() => setOpen(null)}
          onCreated={(channel) => {
            setOpen(null);
            setNotice(`Added ${channel.name}.`);
            showSecret(channel);
          }}
        />
      )}
      {open?.kind === 'edit' && <ChannelDialog key={open.channel.id} channel={open.channel} onClose={() => setOpen(null)} onCreated={() => setOpen(null)} />}
      {open?.kind === 'delete' && (
        <ConfirmDialog
          titleId="delete-channel-title"
          title={`Delete ${open.channel.name}?`}
          confirmLabel="Delete channel"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          error={remove.error}
          onClose={() => setOpen(null)}
          onConfirm={() =>
            remove.mutate(open.channel.id, {
              onSuccess: () => {
                setNotice(`Deleted ${open.channel.name}.`);
                setOpen(null);
              },
            })
          }
        >
          <p>Nothing more is sent to it. What was already sent stays in the delivery log.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
