import { Initial1795587698895 } from './1795587698895-Initial';
import { StuckDetection1795589567321 } from './1795589567321-StuckDetection';
import { AccountsDecisionsAudit1795590201229 } from './1795590201229-AccountsDecisionsAudit';
import { DecisionOverdueSignal1795592000000 } from './1795592000000-DecisionOverdueSignal';
import { AnalysisCurrent1795600000000 } from './1795600000000-AnalysisCurrent';
import { ProgressSignals1795620000000 } from './1795620000000-ProgressSignals';
import { FlagConditionSince1795660000000 } from './1795660000000-FlagConditionSince';

/** Migrations in the order they run; a new migration is added here as well as in this folder. */
export const MIGRATIONS: Function[] = [
  Initial1795587698895, StuckDetection1795589567321, AccountsDecisionsAudit1795590201229,
  DecisionOverdueSignal1795592000000, AnalysisCurrent1795600000000, ProgressSignals1795620000000,
  FlagConditionSince1795660000000,
];
