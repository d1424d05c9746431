import type { ImportError, SpreadsheetColumn, SpreadsheetFormat } from '@liftoff/shared';
import { booleanCell, dateCell, integerCell, numberCell, textCell, type CellOptions } from '../spreadsheets/cell-parsers';
import { readSpreadsheet, UnreadableFileError, type RawCell } from '../spreadsheets/spreadsheet-reader';

export type TypedValue = string | number | boolean | null;

/** One data row with each known column's value parsed by its type (text: '' when empty). */
export interface TypedRow<H extends string> {
  row: number;
  values: Record<H, TypedValue>;
  /** The raw cells, for list columns that need their own parsing. */
  raw: Record<H, RawCell>;
}

/** Collects a file's errors in reading order. */
export class ErrorList {
  readonly items: ImportError[] = [];
  add(row: number, column: string | null, message: string): void {
    this.items.push({ row, column, message });
  }
  has(row: number): boolean {
    return this.items.some((error) => error.row === row);
  }
}

function canonicalHeader(cell: RawCell): string {
  return textCell(cell).toLowerCase().replace(/[\s-]+/g, '_');
}

function typedCell(column: SpreadsheetColumn, cell: RawCell, options: CellOptions): { value: TypedValue } | { message: string } {
  const parsed =
    column.type === 'number'
      ? numberCell(cell, options)
      : column.type === 'integer'
        ? integerCell(cell, options)
        : column.type === 'date'
          ? dateCell(cell, options)
          : column.type === 'boolean'
            ? booleanCell(cell)
            : { ok: true as const, value: textCell(cell) };
  if (!parsed.ok) return { message: parsed.message };
  const empty = parsed.value === null || parsed.value === '';
  if (column.required && empty) return { message: `${column.header} is required` };
  return { value: parsed.value };
}

/**
 * Streams a file's rows and parses each known column by its type. The header row must name every
 * required column; unknown and repeated columns are refused (a typo would otherwise lose data quietly).
 * Errors land in `errors` with the row and column; rows with a cell error are still yielded so that the
 * caller can check the rest of the row.
 */
export async function* typedRows<H extends string>(
  format: SpreadsheetFormat,
  body: Buffer,
  columns: readonly (SpreadsheetColumn & { header: H })[],
  options: CellOptions,
  errors: ErrorList,
): AsyncGenerator<TypedRow<H>> {
  const byHeader = new Map<string, SpreadsheetColumn & { header: H }>(columns.map((column) => [column.header, column]));
  let positions: (SpreadsheetColumn & { header: H })[] | null = null;
  let width = 0;
  for await (const { rowNumber, cells } of readSpreadsheet(format, body)) {
    if (positions === null) {
      positions = readHeader(rowNumber, cells, byHeader, errors);
      width = cells.length;
      if (errors.items.length > 0) return;
      continue;
    }
    if (cells.length > width && cells.slice(width).some((cell) => textCell(cell) !== '')) {
      errors.add(rowNumber, null, `the row has ${cells.length} cells but the header names ${width} columns`);
    }
    const values = {} as Record<H, TypedValue>;
    const raw = {} as Record<H, RawCell>;
    positions.forEach((column, index) => {
      const cell = index < width ? (cells[index] ?? null) : null;
      if (column === UNNAMED) {
        if (textCell(cell) !== '') errors.add(rowNumber, null, `cell ${index + 1} has a value but its column has no header`);
        return;
      }
      raw[column.header] = cell;
      const typed = typedCell(column, cell, options);
      if ('message' in typed) errors.add(rowNumber, column.header, typed.message);
      values[column.header] = 'value' in typed ? typed.value : null;
    });
    yield { row: rowNumber, values, raw };
  }
  if (positions === null) throw new UnreadableFileError('The file is empty: it needs a header row and at least one data row');
}

/** A header cell left empty (spreadsheets often carry empty columns along): its cells must be empty too. */
const UNNAMED: SpreadsheetColumn = { header: '', type: 'text', required: false };

function readHeader<H extends string>(
  rowNumber: number,
  cells: RawCell[],
  byHeader: Map<string, SpreadsheetColumn & { header: H }>,
  errors: ErrorList,
): (SpreadsheetColumn & { header: H })[] {
  const positions: (SpreadsheetColumn & { header: H })[] = [];
  const seen = new Set<string>();
  cells.forEach((cell) => {
    const header = canonicalHeader(cell);
    const column = byHeader.get(header);
    if (header === '') {
      positions.push(UNNAMED as SpreadsheetColumn & { header: H });
    } else if (!column) {
      errors.add(rowNumber, textCell(cell), `unknown column "${textCell(cell)}"; the columns are ${[...byHeader.keys()].join(', ')}`);
    } else if (seen.has(header)) {
      errors.add(rowNumber, header, `the column ${header} appears twice`);
    } else {
      seen.add(header);
      positions.push(column);
    }
  });
  for (const column of byHeader.values()) {
    if (column.required && !seen.has(column.header)) errors.add(rowNumber, column.header, `the required column ${column.header} is missing`);
  }
  // Optional columns left out of the file read as empty cells.
  for (const column of byHeader.values()) if (!seen.has(column.header)) positions.push(column);
  return positions;
}
