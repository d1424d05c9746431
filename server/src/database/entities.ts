import { BusinessUnit } from '../business-units/business-unit.entity';
import { Person } from '../people/person.entity';
import { Pilot } from '../pilots/pilot.entity';
import { StageChange } from '../pilots/stage-change.entity';
import { Kpi } from '../kpis/kpi.entity';
import { WeeklyUpdate } from '../updates/weekly-update.entity';
import { KpiReading } from '../updates/kpi-reading.entity';
import { Blocker } from '../blockers/blocker.entity';
import { BlockerWording } from '../blockers/blocker-wording.entity';
import { SignalFlag } from '../signals/signal-flag.entity';
import { PilotDiagnosisRecord } from '../signals/pilot-diagnosis.entity';
import { ReadinessAssessmentRecord } from '../assessments/readiness-assessment.entity';
import { AnalysisSettingsRecord } from '../settings/analysis-settings.entity';
import { ApiToken } from '../auth/api-token.entity';
import { Session } from '../auth/session.entity';
import { AccountLink } from '../auth/account-link.entity';
import { Decision } from '../decisions/decision.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { SsoSettingsRecord } from '../sso/sso-settings.entity';
import { SsoSignInAttempt } from '../sso/sso-sign-in-attempt.entity';
import { PackRecord } from '../packs/pack.entity';
import { OutboxEvent } from '../notifications/outbox-event.entity';
import { NotificationChannel } from '../notifications/notification-channel.entity';
import { Delivery } from '../notifications/delivery.entity';
import { DeliveryAttempt } from '../notifications/delivery-attempt.entity';
import { NotificationKey, NotificationPreference } from '../notifications/email/notification-preference.entity';
import { ReminderSettingsRecord } from '../reminders/reminder-settings.entity';
import { ReminderSent } from '../reminders/reminder-sent.entity';
import { DigestSettingsRecord } from '../digest/digest-settings.entity';
import { DigestSent } from '../digest/digest-sent.entity';
import { WeeklyHealthCount } from '../portfolio/weekly-health-count.entity';
import { AttemptWindow } from '../auth/attempt-window.entity';

/** Every entity the application maps; the CLI data source and the Nest module share this list. */
export const ENTITIES = [BusinessUnit, Person, Pilot, StageChange, Kpi, WeeklyUpdate, KpiReading, Blocker, BlockerWording,
  SignalFlag, PilotDiagnosisRecord, ReadinessAssessmentRecord, AnalysisSettingsRecord,
  ApiToken, Session, AccountLink, Decision, AuditEvent, SsoSettingsRecord, SsoSignInAttempt, PackRecord,
  OutboxEvent, NotificationChannel, Delivery, DeliveryAttempt, NotificationPreference, NotificationKey, ReminderSettingsRecord, ReminderSent, DigestSettingsRecord, DigestSent,
  WeeklyHealthCount, AttemptWindow];
