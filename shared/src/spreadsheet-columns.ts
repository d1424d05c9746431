/**
 * Columns of the spreadsheet files Liftoff exports and imports. The export writes exactly these
 * columns in this order, the import reads them by header, and docs/IMPORT.md describes each one.
 */

/** How a cell is written: XLSX keeps numbers as numbers and dates as dates; CSV writes them as text. */
export type SpreadsheetCellType = 'text' | 'number' | 'integer' | 'date' | 'boolean';

export interface SpreadsheetColumn {
  /** Header in the first row; the import matches it ignoring case and surrounding spaces. */
  header: string;
  type: SpreadsheetCellType;
  /** A row without a value here is refused. */
  required: boolean;
}

/** Cells that hold several items (systems, readings, blockers) put one item on each line. */
export const SPREADSHEET_LIST_SEPARATOR = '\n';

/**
 * Pilots file: one row per KPI of a pilot (pilot columns repeat on each of its rows); a pilot without
 * KPIs has one row with the KPI columns empty. Natural key of a pilot: business_unit + pilot_name.
 */
export const PILOT_FILE_COLUMNS = [
  { header: 'business_unit', type: 'text', required: true },
  { header: 'pilot_name', type: 'text', required: true },
  { header: 'summary', type: 'text', required: false },
  { header: 'use_case_category', type: 'text', required: true },
  { header: 'stage', type: 'text', required: true },
  { header: 'stage_entered_on', type: 'date', required: false },
  { header: 'start_date', type: 'date', required: true },
  { header: 'target_production_date', type: 'date', required: false },
  { header: 'complexity', type: 'text', required: true },
  { header: 'lead_email', type: 'text', required: true },
  { header: 'lead_name', type: 'text', required: false },
  { header: 'sponsor_email', type: 'text', required: false },
  { header: 'sponsor_name', type: 'text', required: false },
  { header: 'integration_systems', type: 'text', required: false },
  { header: 'annual_value_at_scale', type: 'number', required: false },
  { header: 'cost_to_date', type: 'number', required: false },
  { header: 'cost_to_scale', type: 'number', required: false },
  { header: 'kpi_name', type: 'text', required: false },
  { header: 'kpi_unit', type: 'text', required: false },
  { header: 'kpi_direction', type: 'text', required: false },
  { header: 'kpi_baseline', type: 'number', required: false },
  { header: 'kpi_target', type: 'number', required: false },
  { header: 'kpi_min', type: 'number', required: false },
  { header: 'kpi_max', type: 'number', required: false },
] as const satisfies readonly SpreadsheetColumn[];

/**
 * Weekly updates file: one row per update. Natural key: business_unit + pilot_name + week.
 * `kpi_readings` holds one `KPI name: value` per line; `blockers` one `category: text` per line;
 * `resolved_blockers` the text of each blocker this update resolved, one per line.
 */
export const UPDATE_FILE_COLUMNS = [
  { header: 'business_unit', type: 'text', required: true },
  { header: 'pilot_name', type: 'text', required: true },
  { header: 'week', type: 'text', required: true },
  { header: 'author_email', type: 'text', required: true },
  { header: 'author_name', type: 'text', required: false },
  { header: 'health', type: 'text', required: true },
  { header: 'summary', type: 'text', required: true },
  { header: 'confidence', type: 'integer', required: true },
  { header: 'active_users', type: 'integer', required: true },
  { header: 'active_users_outside_team', type: 'integer', required: true },
  { header: 'scale_question_asked', type: 'boolean', required: false },
  { header: 'resources_redirected', type: 'boolean', required: false },
  { header: 'pivot_suggested', type: 'boolean', required: false },
  { header: 'kpi_readings', type: 'text', required: false },
  { header: 'blockers', type: 'text', required: false },
  { header: 'resolved_blockers', type: 'text', required: false },
] as const satisfies readonly SpreadsheetColumn[];

export type PilotFileHeader = (typeof PILOT_FILE_COLUMNS)[number]['header'];
export type UpdateFileHeader = (typeof UPDATE_FILE_COLUMNS)[number]['header'];

export const SPREADSHEET_FORMATS = ['csv', 'xlsx'] as const;
export type SpreadsheetFormat = (typeof SPREADSHEET_FORMATS)[number];

/** How dates written as text are read: ISO (YYYY-MM-DD) only, or also day/month/year. */
export const DATE_ORDERS = ['iso', 'day_first'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** The decimal separator of numbers written as text; `auto` is a comma in semicolon-separated files. */
export const DECIMAL_SEPARATORS = ['auto', 'point', 'comma'] as const;
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];
