import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import { excelJs } from './exceljs';
import type { SpreadsheetCellType, SpreadsheetFormat } from '@liftoff/shared';

/** A cell as the caller has it. Date columns take `YYYY-MM-DD` strings or Dates; empty is null/undefined/''. */
export type SpreadsheetCell = string | number | boolean | Date | null | undefined;
export type SpreadsheetRow = Readonly<Record<string, SpreadsheetCell>>;

export interface WriterColumn {
  header: string;
  type: SpreadsheetCellType;
}

export interface SpreadsheetFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

export const CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A spreadsheet program runs a cell that starts with one of these as a formula. */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * Text a spreadsheet would run as a formula gets a leading apostrophe, which every spreadsheet
 * program shows as plain text. The import takes the apostrophe off again (see `restoreNeutralised`).
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/** The reverse of `neutraliseFormula`, for reading a file Liftoff (or a careful person) wrote. */
export function restoreNeutralised(text: string): string {
  return text.startsWith("'") && FORMULA_TRIGGER.test(text.slice(1)) ? text.slice(1) : text;
}

function isEmpty(value: SpreadsheetCell): value is null | undefined | '' {
  return value === null || value === undefined || value === '';
}

function dateText(value: string | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

export function csvCell(column: WriterColumn, value: SpreadsheetCell): string {
  if (isEmpty(value)) return '';
  if (column.type === 'date' && (typeof value === 'string' || value instanceof Date)) return dateText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return neutraliseFormula(value);
}

/** RFC 4180 CSV: comma separated, CRLF line ends, a UTF-8 byte order mark so spreadsheet programs read accents right. */
export function toCsv(columns: readonly WriterColumn[], rows: Iterable<SpreadsheetRow>): string {
  const records: string[][] = [columns.map((column) => column.header)];
  for (const row of rows) records.push(columns.map((column) => csvCell(column, row[column.header])));
  return '\ufeff' + stringify(records, { record_delimiter: '\r\n' });
}

export function xlsxCell(column: WriterColumn, value: SpreadsheetCell): ExcelJS.CellValue {
  if (isEmpty(value)) return null;
  if (column.type === 'date' && (typeof value === 'string' || value instanceof Date)) {
    return new Date(`${dateText(value)}T00:00:00.000Z`);
  }
  if (typeof value === 'string') return neutraliseFormula(value);
  return value;
}

/** One worksheet, a bold header row; numbers stay numbers and dates are real dates shown as YYYY-MM-DD. */
/** Excel refuses sheet names over 31 characters; cut here so the name is ours, not the library's guess. */
export const worksheetName = (name: string) => name.slice(0, 31);

export async function toXlsx(columns: readonly WriterColumn[], rows: Iterable<SpreadsheetRow>, sheetName = 'Sheet1'): Promise<Buffer> {
  const workbook = new (excelJs().Workbook)();
  workbook.creator = 'Liftoff';
  const sheet = workbook.addWorksheet(worksheetName(sheetName));
  sheet.columns = columns.map((column) => ({
    header: column.header,
    key: column.header,
    width: Math.max(12, column.header.length + 2),
    style: column.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((column) => xlsxCell(column, row[column.header])));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The file for a download: body, content type and a file name with the right extension. */
export async function writeSpreadsheet(
  format: SpreadsheetFormat,
  baseName: string,
  columns: readonly WriterColumn[],
  rows: Iterable<SpreadsheetRow>,
): Promise<SpreadsheetFile> {
  const body = format === 'csv' ? Buffer.from(toCsv(columns, rows), 'utf8') : await toXlsx(columns, rows, baseName);
  return { body, contentType: CONTENT_TYPES[format], fileName: `${baseName}.${format}` };
}
