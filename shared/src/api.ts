import type { ImportReport } from './api-imports';
/**
 * The REST contract: every response and request body the server speaks and the client reads.
 * Dates are ISO-8601 strings (timestamps) or `YYYY-MM-DD` (calendar dates); weeks are ISO weeks.
 */
import type {
  BlockerCategory,
  BlockerStatus,
  Complexity,
  Health,
  KpiDirection,
  Role,
  Stage,
  UseCaseCategory,
} from './enums';
import type { SignalFlag } from './api-analysis';
import type { IssuedAccountLink } from './api-auth';
import type { Pattern, RecommendationAction } from './analysis/types';

/** One shape for every error the API returns. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** Present on validation errors: each offending field with what is wrong with it. */
  fieldErrors?: FieldError[];
  /** Present on a 409 for a stale version: who last changed the record and when, if the audit trail knows. */
  staleEdit?: StaleEdit;
  /** Present when a confirmed import is refused: the row-by-row report of what is wrong. */
  importReport?: ImportReport;
}

export interface StaleEdit {
  currentVersion: number;
  changedBy: PersonRef | null;
  changedAt: string | null;
}

export interface FieldError {
  field: string;
  messages: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export interface HealthStatus {
  status: 'ok';
  database: 'embedded' | 'external';
  version: string;
}

// ---- Business units ----
export interface BusinessUnit {
  id: string;
  name: string;
  version: number;
}
export interface CreateBusinessUnitRequest {
  name: string;
}
export interface UpdateBusinessUnitRequest {
  name?: string;
  version: number;
}

// ---- People ----
export interface Person {
  id: string;
  name: string;
  email: string;
  role: Role;
  businessUnitId: string | null;
  /** IANA time zone (`Europe/Berlin`): reminders follow their own weekday and hour. */
  timeZone: string;
  /** False once the program office deactivates them: they cannot sign in and leave the pickers, but stay in the history. */
  active: boolean;
  deactivatedAt: string | null;
  /** Whether they have set a password (through an invite, a reset or the first-admin setup). */
  hasPassword: boolean;
  /** The invite or reset link still waiting to be used, if any. */
  pendingLink: { kind: 'invite' | 'reset'; expiresAt: string } | null;
  version: number;
}
export interface CreatePersonRequest {
  name: string;
  email: string;
  role: Role;
  businessUnitId?: string | null;
  /** IANA time zone; UTC when left out. */
  timeZone?: string;
}
export interface UpdatePersonRequest extends Partial<CreatePersonRequest> {
  version: number;
}
/** `active=true` lists only people who can still be picked (pickers); without it, everyone. */
export interface PersonListQuery extends PageQuery {
  role?: Role;
  businessUnitId?: string;
  active?: boolean;
}
export interface InvitedPerson {
  person: Person;
  link: IssuedAccountLink;
}

/** A short reference to a person, embedded where a name is displayed. */
export interface PersonRef {
  id: string;
  name: string;
}

// ---- Pilots ----
export interface Pilot {
  id: string;
  name: string;
  summary: string;
  businessUnitId: string;
  businessUnitName: string;
  useCaseCategory: UseCaseCategory;
  lead: PersonRef;
  sponsor: PersonRef | null;
  stage: Stage;
  stageEnteredAt: string;
  startDate: string;
  targetProductionDate: string | null;
  complexity: Complexity;
  integrationSystems: string[];
  annualValueAtScale: number;
  costToDate: number;
  costToScale: number;
  pivotedFromId: string | null;
  lastUpdateWeek: string | null;
  /** When the latest update was posted (silence is measured from it). */
  lastUpdateAt?: string | null;
  lastHealth?: Health | null;
  openFlagCount?: number;
  recommendation?: RecommendationAction | null;
  readinessScore?: number | null;
  patterns?: Pattern[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreatePilotRequest {
  name: string;
  summary?: string;
  businessUnitId: string;
  useCaseCategory: UseCaseCategory;
  leadId: string;
  sponsorId?: string | null;
  stage?: Stage;
  /**
   * When the pilot entered its current stage, for a pilot that was underway before it was entered
   * in Liftoff (calendar date or ISO timestamp, not in the future). Defaults to now. Program office only.
   */
  stageEnteredAt?: string;
  startDate: string;
  targetProductionDate?: string | null;
  complexity: Complexity;
  integrationSystems?: string[];
  annualValueAtScale?: number;
  costToDate?: number;
  costToScale?: number;
  pivotedFromId?: string | null;
}

/** Stage is changed through its own endpoint so that each move is recorded. */
export interface UpdatePilotRequest extends Partial<Omit<CreatePilotRequest, 'stage'>> {
  version: number;
}

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface ChangeStageRequest {
  stage: Stage;
  version: number;
  note?: string;
}

export interface StageChange {
  id: string;
  pilotId: string;
  fromStage: Stage | null;
  toStage: Stage;
  changedAt: string;
  changedBy: PersonRef | null;
  note: string | null;
}

// ---- KPIs ----
export interface Kpi {
  id: string;
  pilotId: string;
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  direction: KpiDirection;
  /** Lowest reading the KPI can take (0 for a count or a duration); null when unbounded. */
  minValue: number | null;
  /** Highest reading the KPI can take (100 for a percentage); null when unbounded. */
  maxValue: number | null;
  version: number;
}
export interface CreateKpiRequest {
  name: string;
  unit: string;
  baseline?: number | null;
  target?: number | null;
  direction: KpiDirection;
  minValue?: number | null;
  maxValue?: number | null;
}
export interface UpdateKpiRequest extends Partial<CreateKpiRequest> {
  version: number;
}

// ---- Blockers ----
export interface Blocker {
  id: string;
  pilotId: string;
  text: string;
  category: BlockerCategory;
  status: BlockerStatus;
  firstSeenWeek: string;
  lastSeenWeek: string;
  /** Number of weekly updates that reported this blocker. */
  mentionCount: number;
  resolvedAt: string | null;
  /** How it was resolved, as the person who resolved it said. */
  resolutionNote: string | null;
  version: number;
}

/** A blocker in the portfolio-wide list, with the pilot and unit it belongs to. */
export interface PortfolioBlocker extends Blocker {
  pilotName: string;
  businessUnitId: string;
  businessUnitName: string;
}

export interface BlockerListQuery extends PageQuery {
  category?: BlockerCategory;
  status?: BlockerStatus;
  businessUnitId?: string;
  /** The pilot's current stage, as the overview filters its blocker chart. */
  stage?: Stage;
  /** The pilot's sponsor. */
  sponsorId?: string;
}

export interface ResolveBlockerRequest {
  version: number;
  note?: string;
}

// ---- Weekly updates ----
export interface KpiReading {
  kpiId: string;
  kpiName: string;
  value: number;
}

export interface UpdateBlockerRef {
  id: string;
  text: string;
  category: BlockerCategory;
  status: BlockerStatus;
}

export interface WeeklyUpdate {
  id: string;
  pilotId: string;
  pilotName: string;
  week: string;
  author: PersonRef;
  health: Health;
  summary: string;
  confidence: number;
  activeUsers: number;
  activeUsersOutsideTeam: number;
  scaleQuestionAsked: boolean;
  resourcesRedirected: boolean;
  pivotSuggested: boolean;
  kpiReadings: KpiReading[];
  blockers: UpdateBlockerRef[];
  version: number;
  createdAt: string;
  /** On the response of a post or an edit: the pilot's stuck flags after this update. */
  analysis?: WriteAnalysis;
}

/** What a write that re-analyses a pilot reports back. */
export interface WriteAnalysis {
  newFlags: SignalFlag[];
  openFlags: SignalFlag[];
}

/**
 * A blocker reported in an update: an existing one by id (with `text`, the words the lead used this
 * week, kept as one of its wordings), a new one (`isNew` with `text`: never linked automatically),
 * or only `text` (linked to an open blocker when it matches one above the automatic-link threshold).
 */
export interface ReportedBlockerInput {
  blockerId?: string;
  text?: string;
  category?: BlockerCategory;
  /** The lead says this is a new blocker, not one of the open ones; not together with blockerId. */
  isNew?: boolean;
}

export interface KpiReadingInput {
  kpiId: string;
  value: number;
}

export interface CreateWeeklyUpdateRequest {
  week: string;
  /** Defaults to the signed-in person. */
  authorId?: string;
  health: Health;
  summary: string;
  confidence: number;
  activeUsers: number;
  activeUsersOutsideTeam: number;
  scaleQuestionAsked: boolean;
  resourcesRedirected: boolean;
  /** The lead suggests a different user group or workflow would fit better. */
  pivotSuggested?: boolean;
  kpiReadings?: KpiReadingInput[];
  blockers?: ReportedBlockerInput[];
  /** Open blockers of the pilot this update reports as resolved (in the same transaction). */
  resolvedBlockers?: ResolvedBlockerInput[];
}

export interface ResolvedBlockerInput {
  blockerId: string;
  note?: string;
}

export interface EditWeeklyUpdateRequest extends Partial<Omit<CreateWeeklyUpdateRequest, 'week' | 'authorId'>> {
  version: number;
}

export interface UpdateListQuery extends PageQuery {
  businessUnitId?: string;
  fromWeek?: string;
  toWeek?: string;
}
