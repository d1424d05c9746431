import { Initial1795587698895 } from './1795587698895-Initial';
import { StuckDetection1795589567321 } from './1795589567321-StuckDetection';
import { AccountsDecisionsAudit1795590201229 } from './1795590201229-AccountsDecisionsAudit';
import { DecisionOverdueSignal1795592000000 } from './1795592000000-DecisionOverdueSignal';
import { AnalysisCurrent1795600000000 } from './1795600000000-AnalysisCurrent';
import { BlockerWordings1795610000000 } from './1795610000000-BlockerWordings';
import { ProgressSignals1795620000000 } from './1795620000000-ProgressSignals';
import { SessionsInvitesDeactivation1795630000000 } from './1795630000000-SessionsInvitesDeactivation';
import { KpiBounds1795650000000 } from './1795650000000-KpiBounds';
import { FlagConditionSince1795660000000 } from './1795660000000-FlagConditionSince';
import { AppendOnlyTruncate1795670000000 } from './1795670000000-AppendOnlyTruncate';
import { Packs1795680000000 } from './1795680000000-Packs';
import { StoredReadiness1795680500000 } from './1795680500000-StoredReadiness';
import { HealthCountIndex1795680600000 } from './1795680600000-HealthCountIndex';
import { CompanySignIn1795680700000 } from './1795680700000-CompanySignIn';
import { PersonTimeZone1795689000000 } from './1795689000000-PersonTimeZone';
import { JobQueueSchema1795690000000 } from './1795690000000-JobQueueSchema';
import { Notifications1795690100000 } from './1795690100000-Notifications';
import { NotificationPreferences1795690200000 } from './1795690200000-NotificationPreferences';
import { UpdateReminders1795690300000 } from './1795690300000-UpdateReminders';
import { Digest1795690400000 } from './1795690400000-Digest';
import { OverviewCounts1795690500000 } from './1795690500000-OverviewCounts';
import { SweepDigests1795690600000 } from './1795690600000-SweepDigests';
import { SummaryEvents1795690700000 } from './1795690700000-SummaryEvents';
import { SummaryEventPreferences1795690800000 } from './1795690800000-SummaryEventPreferences';
import { AttemptWindows1795690900000 } from './1795690900000-AttemptWindows';

/** Migrations in the order they run; a new migration is added here as well as in this folder. */
export const MIGRATIONS: Function[] = [
  Initial1795587698895, StuckDetection1795589567321, AccountsDecisionsAudit1795590201229,
  DecisionOverdueSignal1795592000000, AnalysisCurrent1795600000000, BlockerWordings1795610000000, ProgressSignals1795620000000,
  SessionsInvitesDeactivation1795630000000, KpiBounds1795650000000, FlagConditionSince1795660000000,
  AppendOnlyTruncate1795670000000, Packs1795680000000, StoredReadiness1795680500000, HealthCountIndex1795680600000,
  CompanySignIn1795680700000, PersonTimeZone1795689000000, JobQueueSchema1795690000000, Notifications1795690100000,
  NotificationPreferences1795690200000,
  UpdateReminders1795690300000,
  Digest1795690400000,
  OverviewCounts1795690500000,
  SweepDigests1795690600000,
  SummaryEvents1795690700000,
  SummaryEventPreferences1795690800000,
  AttemptWindows1795690900000,
];
