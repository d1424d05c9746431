import { useId, useState, type FormEvent } from 'react';
import {
  CHANNEL_KIND_LABELS,
  CHANNEL_KINDS,
  CHANNEL_NAME_MAX,
  CHANNEL_URL_MAX,
  isChannelUrl,
  WEBHOOK_EVENT_LABELS,
  WEBHOOK_EVENT_TYPES,
  type ChannelKindConfigured,
  type NotificationChannelView,
  type NotificationChannelWithSecret,
  type WebhookEventType,
} from '@liftoff/shared';
import { isApiError } from '../api/http';
import { FormDialog } from '../components/Dialog';
import { Field } from '../components/form/Field';
import { useCreateChannel, useEditChannel } from './integrations-api';

/** Events a new channel starts with: the news, not the personal reminders. */
const DEFAULT_EVENTS: WebhookEventType[] = ['update.posted', 'stuck_sign.opened', 'stuck_sign.resolved', 'recommendation.changed', 'decision.recorded', 'portfolio.digest', 'import.completed', 'thresholds.changed'];

interface Draft {
  kind: ChannelKindConfigured;
  name: string;
  url: string;
  eventTypes: WebhookEventType[];
  enabled: boolean;
}

/** The client's checks, the same rules the API applies (field -> messages). */
export function channelDraftErrors(draft: Draft, creating: boolean): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (!draft.name.trim()) errors.name = ['Give the channel a name.'];
  else if (draft.name.trim().length > CHANNEL_NAME_MAX) errors.name = [`At most ${CHANNEL_NAME_MAX} characters.`];
  if (creating || draft.url.trim()) {
    if (!isChannelUrl(draft.url.trim())) errors.url = ['Enter the full address, starting with https:// (or http://).'];
    else if (draft.url.trim().length > CHANNEL_URL_MAX) errors.url = [`At most ${CHANNEL_URL_MAX} characters.`];
  }
  if (draft.eventTypes.length === 0) errors.eventTypes = ['Pick at least one event.'];
  return errors;
}

interface ChannelDialogProps {
  /** The channel to edit; left out, the dialog adds one. */
  channel?: NotificationChannelView;
  onClose: () => void;
  onCreated: (channel: NotificationChannelWithSecret) => void;
}

export function ChannelDialog({ channel, onClose, onCreated }: ChannelDialogProps) {
  const titleId = useId();
  const create = useCreateChannel();
  const edit = useEditChannel();
  const mutation = channel ? edit : create;
  const [draft, setDraft] = useState<Draft>(() =>
    channel
      ? { kind: channel.kind, name: channel.name, url: '', eventTypes: channel.eventTypes, enabled: channel.enabled }
      : { kind: 'slack', name: '', url: '', eventTypes: DEFAULT_EVENTS, enabled: true },
  );
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const serverErrors = isApiError(mutation.error) ? Object.fromEntries(mutation.error.fieldErrors.map((e) => [e.field, e.messages])) : {};
  const shown = { ...serverErrors, ...errors };
  const conflict = isApiError(mutation.error) && mutation.error.status === 409;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = channelDraftErrors(draft, !channel);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const url = draft.url.trim();
    if (channel) {
      edit.mutate(
        { id: channel.id, body: { version: channel.version, name: draft.name.trim(), eventTypes: draft.eventTypes, enabled: draft.enabled, ...(url ? { url } : {}) } },
        { onSuccess: onClose },
      );
    } else {
      create.mutate({ kind: draft.kind, name: draft.name.trim(), url, eventTypes: draft.eventTypes, enabled: draft.enabled }, { onSuccess: onCreated });
    }
  };
  const toggleEvent = (type: WebhookEventType, on: boolean) =>
    setDraft((d) => ({ ...d, eventTypes: on ? WEBHOOK_EVENT_TYPES.filter((t) => t === type || d.eventTypes.includes(t)) : d.eventTypes.filter((t) => t !== type) }));

  return (
    <FormDialog titleId={titleId} title={channel ? `Edit ${channel.name}` : 'Add a channel'} onClose={onClose} onSubmit={submit}>
      {conflict && <p className="form-error" role="alert">Someone else changed this channel meanwhile. Close and open it again to see their changes.</p>}
      {mutation.error && !conflict && Object.keys(serverErrors).length === 0 && <p className="form-error" role="alert">{mutation.error.message}</p>}
      {!channel && (
        <Field id={`${titleId}-kind`} label="Kind" errors={shown.kind}>
          {(props) => (
            <select {...props} className="input" value={draft.kind} onChange={(e) => setDraft((d) => ({ ...d, kind: e.target.value as ChannelKindConfigured }))}>
              {CHANNEL_KINDS.map((kind) => (
                <option key={kind} value={kind}>{CHANNEL_KIND_LABELS[kind]}</option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id={`${titleId}-name`} label="Name" errors={shown.name}>
        {(props) => <input {...props} className="input" value={draft.name} maxLength={CHANNEL_NAME_MAX} onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))} />}
      </Field>
      <Field
        id={`${titleId}-url`}
        label="Webhook address"
        hint={channel ? `Now ${channel.maskedUrl} — leave empty to keep it.` : 'The incoming webhook URL the service gave you. It is stored as a secret and shown masked.'}
        errors={shown.url}
      >
        {(props) => <input {...props} className="input" type="url" autoComplete="off" value={draft.url} onChange={(e) => setDraft((d) => ({ ...d, url: e.target.value }))} />}
      </Field>
      <fieldset className="field" aria-describedby={shown.eventTypes ? `${titleId}-events-error` : undefined}>
        <legend className="field-label">Events it receives</legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className="checkbox">
            <input type="checkbox" checked={draft.eventTypes.includes(type)} onChange={(e) => toggleEvent(type, e.target.checked)} /> {WEBHOOK_EVENT_LABELS[type]}
          </label>
        ))}
        {shown.eventTypes && <p id={`${titleId}-events-error`} className="form-error">{shown.eventTypes.join(' ')}</p>}
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => setDraft((d) => ({ ...d, enabled: e.target.checked }))} /> Send to this channel
      </label>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>Cancel</button>
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? 'Saving…' : channel ? 'Save channel' : 'Add channel'}
        </button>
      </div>
    </FormDialog>
  );
}
