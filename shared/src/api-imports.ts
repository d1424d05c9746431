/** The REST contract of spreadsheet imports and exports (see docs/IMPORT.md). */
import type { DateOrder, DecimalSeparator, SpreadsheetFormat } from './spreadsheet-columns';
import type { ReanalysisSummary } from './webhook-events';

/** What a file holds; also the path segment of its routes (`/imports/pilots`, `/exports/weekly-updates`). */
export const IMPORT_KINDS = ['pilots', 'weekly-updates'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Form fields sent with the file (multipart), all optional. */
export interface ImportOptions {
  /** Default `iso`. */
  dateOrder?: DateOrder;
  /** Default `auto`: a comma when the file is semicolon-separated, otherwise a point. */
  decimalSeparator?: DecimalSeparator;
  /** Create people named by email who do not exist yet (default false: an unknown email is an error). */
  createPeople?: boolean;
  /** Create business units named in the file that do not exist yet (default false). */
  createUnits?: boolean;
  /** Confirm only: the `fileSha256` of the dry run; a different file is refused with 409. */
  expectedSha256?: string;
}

export const IMPORT_ROW_ACTIONS = ['create', 'update', 'unchanged'] as const;
export type ImportRowAction = (typeof IMPORT_ROW_ACTIONS)[number];

export interface ImportRowOutcome {
  /** Row number as a spreadsheet program shows it (the header is row 1). */
  row: number;
  action: ImportRowAction;
  /** What the row is about, e.g. `Finance / Invoice triage / 2026-W10`. */
  subject: string;
  /** What would change, in words: `new pilot; new KPI "Hours saved"`, `summary, health changed`. */
  detail: string;
}

export interface ImportError {
  row: number;
  /** Header of the offending column; null when the problem is the whole row or file. */
  column: string | null;
  message: string;
}

export interface ImportReport {
  kind: ImportKind;
  /** True for a dry run: nothing was written. */
  dryRun: boolean;
  /** True when the import was written (confirm without errors). */
  committed: boolean;
  format: SpreadsheetFormat;
  /** SHA-256 of the file, hex: the confirm can insist on the very file the dry run read. */
  fileSha256: string;
  /** Data rows read (blank rows are skipped and not counted). */
  rowCount: number;
  created: number;
  updated: number;
  unchanged: number;
  peopleCreated: string[];
  unitsCreated: string[];
  rows: ImportRowOutcome[];
  /** At most `MAX_REPORTED_IMPORT_ERRORS`; `errorCount` has them all. */
  errors: ImportError[];
  errorCount: number;
  /**
   * What re-analysing the imported pilots found: stuck signs opened and cleared, the pilots found
   * stuck, changed recommendations. Null for a dry run (nothing is analysed until the confirm).
   */
  analysis: ReanalysisSummary | null;
}

export const MAX_REPORTED_IMPORT_ERRORS = 500;

export interface ExportQuery {
  /** Default `csv`. */
  format?: SpreadsheetFormat;
}
