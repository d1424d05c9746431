import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type ExcelJS from 'exceljs';
import { excelJs } from './exceljs';
import type { SpreadsheetCellType, SpreadsheetFormat } from '@liftoff/shared';
import { csvCell, worksheetName, xlsxCell, type SpreadsheetCell } from './spreadsheet-writer';

/** The writer's cell types, and a moment in time (written in UTC). */
export type StreamCellType = SpreadsheetCellType | 'datetime';

/** A column of a list's export: its header, how its cells are written, and where a row's value comes from. */
export interface ExportColumn<T> {
  header: string;
  type: StreamCellType;
  value: (row: T) => SpreadsheetCell;
}

/** `2026-07-01 09:30:00`: the form spreadsheet programs read as a date and time (ISO's `T` and `Z` they do not). */
function csvDateTime(value: string | Date): string {
  return new Date(value).toISOString().slice(0, 19).replace('T', ' ');
}

function csvValue<T>(column: ExportColumn<T>, row: T): string {
  const value = column.value(row);
  if (column.type !== 'datetime') return csvCell({ header: column.header, type: column.type }, value);
  return value === null || value === undefined || value === '' ? '' : csvDateTime(value instanceof Date ? value : String(value));
}

function xlsxValue<T>(column: ExportColumn<T>, row: T): ExcelJS.CellValue {
  const value = column.value(row);
  if (column.type !== 'datetime') return xlsxCell({ header: column.header, type: column.type }, value);
  return value === null || value === undefined || value === '' ? null : new Date(value instanceof Date ? value : String(value));
}

const NUMBER_FORMATS: Partial<Record<StreamCellType, string>> = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm:ss', integer: '0' };

/**
 * Waits while `stream`'s buffer is full, so a slow download does not pile the list up in memory; a
 * download cancelled meanwhile ends the wait too.
 */
async function drained(stream: Writable, destination: Writable): Promise<void> {
  if (!stream.writableNeedDrain || destination.destroyed) return;
  const abort = new AbortController();
  await Promise.race([once(stream, 'drain', { signal: abort.signal }), once(destination, 'close', { signal: abort.signal })]).catch(() => undefined);
  abort.abort();
}

/** RFC 4180 CSV (CRLF, UTF-8 with a byte order mark), written row by row as the batches arrive. */
async function streamCsv<T>(destination: Writable, columns: readonly ExportColumn<T>[], batches: AsyncIterable<T[]>): Promise<void> {
  const csv = stringify({ record_delimiter: '\r\n' });
  csv.pipe(destination);
  destination.write('\ufeff');
  csv.write(columns.map((column) => column.header));
  for await (const batch of batches) {
    if (destination.destroyed) return;
    for (const row of batch) csv.write(columns.map((column) => csvValue(column, row)));
    await drained(csv, destination);
  }
  csv.end();
  // The file is complete once the destination has taken the last row (or the download was cancelled).
  await finished(destination).catch(() => undefined);
}

/** One worksheet written with ExcelJS's streaming writer: each row is committed as it comes. */
async function streamXlsx<T>(destination: Writable, columns: readonly ExportColumn<T>[], batches: AsyncIterable<T[]>, sheetName: string): Promise<void> {
  const workbook = new (excelJs().stream.xlsx.WorkbookWriter)({ stream: destination, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Liftoff';
  const sheet = workbook.addWorksheet(worksheetName(sheetName));
  sheet.columns = columns.map((column) => ({
    header: column.header,
    key: column.header,
    width: Math.max(12, column.header.length + 2, column.type === 'datetime' ? 20 : 0),
    style: NUMBER_FORMATS[column.type] ? { numFmt: NUMBER_FORMATS[column.type] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for await (const batch of batches) {
    if (destination.destroyed) return;
    for (const row of batch) sheet.addRow(columns.map((column) => xlsxValue(column, row))).commit();
    await drained(destination, destination);
  }
  sheet.commit();
  await workbook.commit();
}

/** Writes the whole list to `destination` in the format asked for; resolves once the file is complete. */
export function streamSpreadsheet<T>(
  format: SpreadsheetFormat,
  destination: Writable,
  columns: readonly ExportColumn<T>[],
  batches: AsyncIterable<T[]>,
  sheetName: string,
): Promise<void> {
  return format === 'csv' ? streamCsv(destination, columns, batches) : streamXlsx(destination, columns, batches, sheetName);
}
