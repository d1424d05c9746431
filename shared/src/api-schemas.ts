/**
 * The named types the OpenAPI document describes, by the name it gives them. `npm run openapi:schemas`
 * turns this interface into JSON Schemas (`api-schemas.gen.json`), which the server's document uses for
 * its success responses, its error shape and its webhook payloads. Add a type here before naming it in
 * `@ApiResult(...)`.
 */
import type { ApiErrorBody, BusinessUnit, HealthStatus, InvitedPerson, Kpi, Page, Person, Pilot, StageChange, WeeklyUpdate, Blocker, PortfolioBlocker } from './api';
import type { AccountLinkInspection, ApiTokenView, CreatedApiToken, IssuedAccountLink, SessionUser, SessionView } from './api-auth';
import type { AnalysisSettings, SavedAnalysisSettings, PatternGuidanceView, PilotDiagnosis, PortfolioSummary, ReadinessAssessment, SignalFlag, StuckPilot, SweepResult } from './api-analysis';
import type { BlockerMatch, BlockerMention, SplitBlockerResponse } from './api-blockers';
import type { AuditEventView, DecisionOutcomes, DecisionView, ScaleQueueItem } from './api-decisions';
import type { PortfolioOverview } from './api-portfolio';
import type { SignInOptions, SsoSettings } from './sso';
import type { ImportReport } from './api-imports';
import type { Pack, PackSummary } from './packs';
import type { JobsOverview } from './api-jobs';
import type { ChannelTestResult, DeliveryView, NotificationChannelView, NotificationChannelWithSecret } from './api-notifications';
import type { NotificationSettings, NotificationUnsubscribed } from './notifications';
import type { DueUpdates, ReminderSettings } from './api-reminders';
import type { DigestPreview, DigestSettings } from './digest';
import type {
  DecisionRecordedEvent,
  ImportCompletedEvent,
  PortfolioDigestEvent,
  RecommendationChangedEvent,
  StuckSignOpenedEvent,
  StuckSignResolvedEvent,
  ThresholdsChangedEvent,
  UpdatePostedEvent,
  UpdateReminderEvent,

} from './webhook-events';

// One name per page type: generic instantiations get no readable schema name of their own.
export type AuditEventPage = Page<AuditEventView>;
export type DecisionPage = Page<DecisionView>;
export type PersonPage = Page<Person>;
export type PilotPage = Page<Pilot>;
export type ScaleQueuePage = Page<ScaleQueueItem>;
export type PackSummaryPage = Page<PackSummary>;
export type PortfolioBlockerPage = Page<PortfolioBlocker>;
export type SignalFlagPage = Page<SignalFlag>;
export type StuckPilotPage = Page<StuckPilot>;
export type WeeklyUpdatePage = Page<WeeklyUpdate>;
export type DeliveryPage = Page<DeliveryView>;

export interface ApiSchemas {
  ApiError: ApiErrorBody;
  SignInOptions: SignInOptions;
  ImportReport: ImportReport;
  Pack: Pack;
  PackSummaryPage: PackSummaryPage;
  ScaleQueuePage: ScaleQueuePage;
  SsoSettings: SsoSettings;
  ReminderSettings: ReminderSettings;
  DueUpdates: DueUpdates;
  DigestSettings: DigestSettings;
  DigestPreview: DigestPreview;
  AccountLinkInspection: AccountLinkInspection;
  AnalysisSettings: AnalysisSettings;
  SavedAnalysisSettings: SavedAnalysisSettings;
  JobsOverview: JobsOverview;
  ApiTokenView: ApiTokenView;
  AuditEventPage: AuditEventPage;
  Blocker: Blocker;
  BlockerMatch: BlockerMatch;
  BlockerMention: BlockerMention;
  BusinessUnit: BusinessUnit;
  CreatedApiToken: CreatedApiToken;
  DecisionOutcomes: DecisionOutcomes;
  DecisionPage: DecisionPage;
  DecisionView: DecisionView;
  HealthStatus: HealthStatus;
  InvitedPerson: InvitedPerson;
  IssuedAccountLink: IssuedAccountLink;
  Kpi: Kpi;
  NotificationSettings: NotificationSettings;
  NotificationUnsubscribed: NotificationUnsubscribed;
  PatternGuidanceView: PatternGuidanceView;
  Person: Person;
  PersonPage: PersonPage;
  Pilot: Pilot;
  PilotDiagnosis: PilotDiagnosis;
  PilotPage: PilotPage;
  PortfolioBlockerPage: PortfolioBlockerPage;
  PortfolioOverview: PortfolioOverview;
  PortfolioSummary: PortfolioSummary;
  ReadinessAssessment: ReadinessAssessment;
  ScaleQueueItem: ScaleQueueItem;
  SessionUser: SessionUser;
  SessionView: SessionView;
  SignalFlag: SignalFlag;
  SignalFlagPage: SignalFlagPage;
  SplitBlockerResponse: SplitBlockerResponse;
  StageChange: StageChange;
  StuckPilotPage: StuckPilotPage;
  SweepResult: SweepResult;
  WeeklyUpdate: WeeklyUpdate;
  WeeklyUpdatePage: WeeklyUpdatePage;
  NotificationChannelView: NotificationChannelView;
  NotificationChannelWithSecret: NotificationChannelWithSecret;
  ChannelTestResult: ChannelTestResult;
  DeliveryPage: DeliveryPage;
  // Outbound webhook payloads (see webhook-events.ts).
  UpdatePostedEvent: UpdatePostedEvent;
  StuckSignOpenedEvent: StuckSignOpenedEvent;
  StuckSignResolvedEvent: StuckSignResolvedEvent;
  RecommendationChangedEvent: RecommendationChangedEvent;
  DecisionRecordedEvent: DecisionRecordedEvent;
  UpdateReminderEvent: UpdateReminderEvent;
  PortfolioDigestEvent: PortfolioDigestEvent;
  ImportCompletedEvent: ImportCompletedEvent;
  ThresholdsChangedEvent: ThresholdsChangedEvent;
}

export type ApiSchemaName = keyof ApiSchemas;
