import {
  isValidIsoWeek,
  type Blocker,
  type BlockerCategory,
  type CreateWeeklyUpdateRequest,
  type FieldError,
  type Health,
  type ReportedBlockerInput,
  type ResolvedBlockerInput,
} from '@liftoff/shared';

/** What happens to an open blocker this week. */
export type BlockerAction = 'confirm' | 'resolve' | 'reword';
export type YesNo = '' | 'yes' | 'no';

export interface OpenBlockerRow {
  blocker: Blocker;
  action: BlockerAction;
  /** Used when rewording. */
  text: string;
  category: BlockerCategory;
}

/** An open blocker the form asks about: "Same as '<text>'?". */
export interface OfferedBlocker {
  blockerId: string;
  text: string;
}

/** The lead's answer to the prompt: '' not answered, `NEW_BLOCKER`, or the id of the open blocker it is. */
export const NEW_BLOCKER = 'new';

export interface NewBlockerRow {
  key: string;
  text: string;
  category: BlockerCategory | '';
  /** Open blockers the typed text resembles, as offered right now (empty: no prompt). */
  offered: OfferedBlocker[];
  sameAs: string;
}

/** Form state as typed: numbers stay strings until submit so half-typed input isn't lost. */
export interface UpdateFormValues {
  week: string;
  health: Health | '';
  summary: string;
  confidence: string;
  activeUsers: string;
  activeUsersOutsideTeam: string;
  scaleQuestionAsked: YesNo;
  resourcesRedirected: YesNo;
  /** Optional: the lead thinks another user group or workflow would fit better (a pivot condition). */
  pivotSuggested: YesNo;
  kpiValues: Record<string, string>;
  openBlockers: OpenBlockerRow[];
  newBlockers: NewBlockerRow[];
}

/**
 * Errors keyed by form field. Scalar fields use the request body's key (`confidence`); list items use
 * `kpi:<kpiId>`, `blocker:<blockerId>` and `new-blocker:<rowKey>`; `form` holds what fits nowhere else.
 */
export type FormErrors = Record<string, string[]>;

export const FORM_ERROR_KEY = 'form';
export const kpiKey = (kpiId: string) => `kpi:${kpiId}`;
export const openBlockerKey = (blockerId: string) => `blocker:${blockerId}`;
export const newBlockerKey = (rowKey: string) => `new-blocker:${rowKey}`;
export const sameAsKey = (rowKey: string) => `new-blocker-same:${rowKey}`;

export function emptyNewBlocker(key: string): NewBlockerRow {
  return { key, text: '', category: '', offered: [], sameAs: '' };
}

/**
 * The row after the offer changed: an answer naming a blocker no longer offered is dropped (the
 * text changed), "new" stands while something is still offered.
 */
export function withOffer(row: NewBlockerRow, offered: OfferedBlocker[]): NewBlockerRow {
  const stillValid = row.sameAs === NEW_BLOCKER ? offered.length > 0 : offered.some((o) => o.blockerId === row.sameAs);
  return { ...row, offered, sameAs: stillValid ? row.sameAs : '' };
}

export function sameOffer(a: readonly OfferedBlocker[], b: readonly OfferedBlocker[]): boolean {
  return a.length === b.length && a.every((item, i) => item.blockerId === b[i].blockerId && item.text === b[i].text);
}

const SCALAR_FIELDS = [
  'week',
  'health',
  'summary',
  'confidence',
  'activeUsers',
  'activeUsersOutsideTeam',
  'scaleQuestionAsked',
  'resourcesRedirected',
  'pivotSuggested',
] as const;

/** Limits the server enforces (CreateWeeklyUpdateDto); the server stays authoritative. */
export const LIMITS = { summary: 4000, blockerText: 500, users: 10_000_000 };

/** The author is whoever is signed in: the server takes it from the session. */
export function initialFormValues(args: { week: string; openBlockers: Blocker[] }): UpdateFormValues {
  return {
    week: args.week,
    health: '',
    summary: '',
    confidence: '',
    activeUsers: '',
    activeUsersOutsideTeam: '',
    scaleQuestionAsked: '',
    resourcesRedirected: '',
    pivotSuggested: '',
    kpiValues: {},
    // Open blockers are carried forward by default: the lead only acts on what changed.
    openBlockers: args.openBlockers.map((blocker) => ({ blocker, action: 'confirm', text: blocker.text, category: blocker.category })),
    newBlockers: [],
  };
}

const toNumber = (value: string): number | null => (value.trim() === '' ? null : Number(value));

function countErrors(label: string, value: string): string[] {
  const n = toNumber(value);
  if (n === null) return [`Enter the number of ${label} (0 if none)`];
  if (!Number.isInteger(n) || n < 0) return [`${capitalize(label)} must be a whole number, 0 or more`];
  if (n > LIMITS.users) return [`${capitalize(label)} must be at most ${LIMITS.users.toLocaleString('en-GB')}`];
  return [];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Mirrors the server's validation so most mistakes are caught before a round trip. */
export function validateUpdateForm(values: UpdateFormValues): FormErrors {
  const errors: FormErrors = {};
  const add = (key: string, messages: string[]) => {
    if (messages.length) errors[key] = [...(errors[key] ?? []), ...messages];
  };

  if (!isValidIsoWeek(values.week)) add('week', ['Choose the week this update reports on']);
  if (!values.health) add('health', ['Choose the pilot’s health this week']);
  if (!values.summary.trim()) add('summary', ['Write a short summary of the week']);
  else if (values.summary.length > LIMITS.summary) add('summary', [`Keep the summary under ${LIMITS.summary} characters`]);

  const confidence = toNumber(values.confidence);
  if (confidence === null || !Number.isInteger(confidence) || confidence < 1 || confidence > 5) {
    add('confidence', ['Confidence must be a whole number from 1 to 5']);
  }

  add('activeUsers', countErrors('active users', values.activeUsers));
  add('activeUsersOutsideTeam', countErrors('users outside the team', values.activeUsersOutsideTeam));
  const active = toNumber(values.activeUsers);
  const outside = toNumber(values.activeUsersOutsideTeam);
  if (!errors.activeUsers && !errors.activeUsersOutsideTeam && outside !== null && active !== null && outside > active) {
    add('activeUsersOutsideTeam', ['Users outside the team can’t be more than active users']);
  }

  if (!values.scaleQuestionAsked) add('scaleQuestionAsked', ['Answer yes or no']);
  if (!values.resourcesRedirected) add('resourcesRedirected', ['Answer yes or no']);

  for (const [kpiId, raw] of Object.entries(values.kpiValues)) {
    const n = toNumber(raw);
    if (n !== null && !Number.isFinite(n)) add(kpiKey(kpiId), ['Enter a number, or leave it empty if not measured']);
  }
  for (const row of values.openBlockers) {
    if (row.action !== 'reword') continue;
    if (!row.text.trim()) add(openBlockerKey(row.blocker.id), ['Write the new wording, or keep the blocker as it is']);
    else if (row.text.length > LIMITS.blockerText) add(openBlockerKey(row.blocker.id), [`Keep it under ${LIMITS.blockerText} characters`]);
  }
  for (const row of values.newBlockers) {
    const messages: string[] = [];
    const linked = row.sameAs !== '' && row.sameAs !== NEW_BLOCKER;
    if (!row.text.trim()) messages.push('Describe the blocker, or remove it');
    else if (row.text.length > LIMITS.blockerText) messages.push(`Keep it under ${LIMITS.blockerText} characters`);
    if (!row.category && !linked) messages.push('Choose a category');
    add(newBlockerKey(row.key), messages);
    if (row.offered.length > 0 && row.sameAs === '') add(sameAsKey(row.key), ['Say whether this is one of the open blockers or a new one']);
  }
  return errors;
}

export interface BuiltRequest {
  body: CreateWeeklyUpdateRequest;
  /** Request path prefix (`blockers.1`, `kpiReadings.0`) -> form error key, to place server errors. */
  fieldMap: Map<string, string>;
}

/** Turns valid form values into the request body; call only after `validateUpdateForm` passed. */
export function toCreateRequest(values: UpdateFormValues): BuiltRequest {
  const fieldMap = new Map<string, string>();
  const kpiReadings = Object.entries(values.kpiValues)
    .filter(([, raw]) => raw.trim() !== '')
    .map(([kpiId, raw], index) => {
      fieldMap.set(`kpiReadings.${index}`, kpiKey(kpiId));
      return { kpiId, value: Number(raw) };
    });

  const blockers: ReportedBlockerInput[] = [];
  // Resolved in the same request and transaction as the update that reports them gone.
  const resolvedBlockers: ResolvedBlockerInput[] = [];
  for (const row of values.openBlockers) {
    if (row.action === 'resolve') {
      fieldMap.set(`resolvedBlockers.${resolvedBlockers.length}`, openBlockerKey(row.blocker.id));
      resolvedBlockers.push({ blockerId: row.blocker.id });
      continue;
    }
    fieldMap.set(`blockers.${blockers.length}`, openBlockerKey(row.blocker.id));
    // A rewording names its blocker: the new words are kept as one of its wordings, never matched.
    blockers.push(row.action === 'confirm' ? { blockerId: row.blocker.id } : { blockerId: row.blocker.id, text: row.text.trim() });
  }
  for (const row of values.newBlockers) {
    fieldMap.set(`blockers.${blockers.length}`, newBlockerKey(row.key));
    const text = row.text.trim();
    const category = row.category || undefined;
    if (row.sameAs === NEW_BLOCKER) blockers.push({ text, category, isNew: true });
    else if (row.sameAs) blockers.push({ blockerId: row.sameAs, text });
    else blockers.push({ text, category });
  }

  return {
    body: {
      week: values.week,
      health: values.health as Health,
      summary: values.summary.trim(),
      confidence: Number(values.confidence),
      activeUsers: Number(values.activeUsers),
      activeUsersOutsideTeam: Number(values.activeUsersOutsideTeam),
      scaleQuestionAsked: values.scaleQuestionAsked === 'yes',
      resourcesRedirected: values.resourcesRedirected === 'yes',
      pivotSuggested: values.pivotSuggested === 'yes',
      kpiReadings,
      blockers,
      resolvedBlockers,
    },
    fieldMap,
  };
}

/** Places the server's field errors on the form fields they belong to. */
export function mapServerFieldErrors(fieldErrors: FieldError[], fieldMap: Map<string, string>): FormErrors {
  const errors: FormErrors = {};
  for (const { field, messages } of fieldErrors) {
    const key = formKeyFor(field, fieldMap);
    errors[key] = [...(errors[key] ?? []), ...messages];
  }
  return errors;
}

function formKeyFor(field: string, fieldMap: Map<string, string>): string {
  if ((SCALAR_FIELDS as readonly string[]).includes(field)) return field;
  const item = /^(blockers|resolvedBlockers|kpiReadings)\.\d+/.exec(field);
  if (item) return fieldMap.get(item[0]) ?? FORM_ERROR_KEY;
  return FORM_ERROR_KEY;
}
