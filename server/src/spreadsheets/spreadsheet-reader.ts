import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { excelJs } from './exceljs';
import type { SpreadsheetFormat } from '@liftoff/shared';

/** A cell as the file holds it: XLSX keeps numbers, booleans and dates typed; CSV gives text. */
export type RawCell = string | number | boolean | Date | null;

export interface RawRow {
  /** The row number a spreadsheet program shows: the header is row 1. */
  rowNumber: number;
  cells: RawCell[];
}

/** A file that cannot be read at all (not a row's mistake): answered as a 400 naming the file. */
export class UnreadableFileError extends Error {}

const CSV_DELIMITERS = [',', ';', '\t'] as const;

/** The format a file name or its first bytes say: XLSX files are ZIP archives ("PK"). */
export function detectFormat(fileName: string, body: Buffer): SpreadsheetFormat {
  if (body.length >= 2 && body[0] === 0x50 && body[1] === 0x4b) return 'xlsx';
  if (/\.xlsx$/i.test(fileName)) throw new UnreadableFileError('The file is named .xlsx but is not an XLSX workbook');
  return 'csv';
}

/**
 * The separator of a CSV file, from its first line (outside quotes): spreadsheet programs in
 * European locales write semicolons, others commas; tabs come from copy and paste.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: string = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

function isBlank(cells: RawCell[]): boolean {
  return cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));
}

async function* csvRows(body: Buffer): AsyncGenerator<RawRow> {
  const head = body.subarray(0, 64 * 1024).toString('utf8').replace(/^\ufeff/, '');
  if (head.includes('\ufffd')) throw new UnreadableFileError('The file is not UTF-8 text: save it as "CSV UTF-8" or as XLSX');
  const parser = Readable.from([body]).pipe(
    parse({ bom: true, delimiter: detectDelimiter(head), relax_column_count: true, skip_empty_lines: false }),
  );
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      const cells = record.map((cell) => (cell === '' ? null : cell));
      if (!isBlank(cells)) yield { rowNumber, cells };
    }
  } catch (error) {
    throw new UnreadableFileError(`The CSV file cannot be read after row ${rowNumber}: ${(error as Error).message}`);
  }
}

/** Plain value of an ExcelJS cell: formulas give their cached result, rich text its text, links their text. */
function plainCell(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plainCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return null;
  return null;
}

async function* xlsxRows(body: Buffer): AsyncGenerator<RawRow> {
  // The streaming reader never holds the whole sheet; styles are read so date cells come back as dates.
  const reader = new (excelJs().stream.xlsx.WorkbookReader)(Readable.from([body]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        const cells = Array.from(values.slice(1), (value) => plainCell(value));
        if (!isBlank(cells)) yield { rowNumber: row.number, cells };
      }
      return; // Only the first worksheet is read.
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(`The XLSX workbook cannot be read: ${(error as Error).message}`);
  }
}

/** The non-blank rows of a CSV or XLSX file, header first, streamed. */
export function readSpreadsheet(format: SpreadsheetFormat, body: Buffer): AsyncGenerator<RawRow> {
  return format === 'xlsx' ? xlsxRows(body) : csvRows(body);
}
