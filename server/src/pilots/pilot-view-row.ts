import type { Complexity, Pilot as PilotView, Stage, UseCaseCategory } from '@liftoff/shared';
import { pilotFactsSql, toPilotFacts, type PilotFactsRow } from './pilot-facts';

/**
 * A pilot as the API shows it, read by hand-written SQL over `pilots pilot` rather than through TypeORM
 * entities: the names and facts are scalar subqueries, so under an ORDER BY … LIMIT PostgreSQL computes
 * them for the page's rows only (joins ran for every matching pilot before the sort), and the rows
 * need no entity hydration. Dates come as text, as the entity's `date` columns read.
 */
export const PILOT_VIEW_COLUMNS = `pilot.id, pilot.name, pilot.summary, pilot.business_unit_id,
  (SELECT bu.name FROM business_units bu WHERE bu.id = pilot.business_unit_id) AS business_unit_name,
  pilot.use_case_category, pilot.lead_id, (SELECT l.name FROM people l WHERE l.id = pilot.lead_id) AS lead_name,
  pilot.sponsor_id, (SELECT s.name FROM people s WHERE s.id = pilot.sponsor_id) AS sponsor_name,
  pilot.stage, pilot.stage_entered_at, to_char(pilot.start_date, 'YYYY-MM-DD') AS start_date,
  to_char(pilot.target_production_date, 'YYYY-MM-DD') AS target_production_date, pilot.complexity,
  pilot.integration_systems, pilot.annual_value_at_scale, pilot.cost_to_date, pilot.cost_to_scale,
  pilot.pivoted_from_id, pilot.version, pilot.created_at, pilot.updated_at, ${pilotFactsSql('pilot.id')} AS facts`;

/** A row of `PILOT_VIEW_COLUMNS` as pg hands it over (numeric as text, timestamptz as Date). */
export interface PilotViewRow {
  id: string;
  name: string;
  summary: string;
  business_unit_id: string;
  business_unit_name: string | null;
  use_case_category: UseCaseCategory;
  lead_id: string;
  lead_name: string | null;
  sponsor_id: string | null;
  sponsor_name: string | null;
  stage: Stage;
  stage_entered_at: Date;
  start_date: string;
  target_production_date: string | null;
  complexity: Complexity;
  integration_systems: string[];
  annual_value_at_scale: string;
  cost_to_date: string;
  cost_to_scale: string;
  pivoted_from_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  facts: PilotFactsRow | null;
}

/** The same view, key for key, as the entity mapping it replaces. */
export function toPilotViewFromRow(row: PilotViewRow): PilotView {
  return {
    id: row.id,
    name: row.name,
    summary: row.summary,
    businessUnitId: row.business_unit_id,
    businessUnitName: row.business_unit_name ?? '',
    useCaseCategory: row.use_case_category,
    lead: { id: row.lead_id, name: row.lead_name ?? '' },
    sponsor: row.sponsor_id ? { id: row.sponsor_id, name: row.sponsor_name ?? '' } : null,
    stage: row.stage,
    stageEnteredAt: row.stage_entered_at.toISOString(),
    startDate: row.start_date,
    targetProductionDate: row.target_production_date,
    complexity: row.complexity,
    integrationSystems: row.integration_systems,
    annualValueAtScale: Number(row.annual_value_at_scale),
    costToDate: Number(row.cost_to_date),
    costToScale: Number(row.cost_to_scale),
    pivotedFromId: row.pivoted_from_id,
    ...toPilotFacts(row.facts),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
