import type { DateOrder } from '@liftoff/shared';
import type { RawCell } from './spreadsheet-reader';
import { restoreNeutralised } from './spreadsheet-writer';

/** A cell's value, or the message a person reads when it is wrong. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(message: string): CellResult<T> => ({ ok: false, message });

export interface CellOptions {
  dateOrder: DateOrder;
  /** Resolved from the upload's choice (`auto` is decided by the file's separator). */
  decimalSeparator: 'point' | 'comma';
}

/** Text of a cell, trimmed, with the apostrophe an export put before formula-like text taken off. */
export function textCell(cell: RawCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return restoreNeutralised(String(cell).trim());
}

/** Digits grouped in threes by `group`, with an optional fraction after `decimal`. */
function groupedNumber(group: string, decimal: string): RegExp {
  const g = group === '.' ? '\\.' : group;
  const d = decimal === '.' ? '\\.' : decimal;
  return new RegExp(`^-?\\d{1,3}(${g}\\d{3})+(${d}\\d+)?$`);
}
const PLAIN_POINT = /^-?\d+(\.\d+)?$/;
const PLAIN_COMMA = /^-?\d+(,\d+)?$/;

export function numberCell(cell: RawCell, options: CellOptions): CellResult<number | null> {
  if (cell === null) return ok(null);
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail('is not a number');
  if (typeof cell !== 'string') return fail('must be a number');
  const text = cell.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (text === '') return ok(null);
  const comma = options.decimalSeparator === 'comma';
  let normalised: string | null = null;
  if (comma && PLAIN_COMMA.test(text)) normalised = text.replace(',', '.');
  else if (comma && groupedNumber('.', ',').test(text)) normalised = text.replace(/\./g, '').replace(',', '.');
  else if (!comma && PLAIN_POINT.test(text)) normalised = text;
  else if (!comma && groupedNumber(',', '.').test(text)) normalised = text.replace(/,/g, '');
  if (normalised === null) {
    const hint = comma ? 'with a decimal comma, like 1234,5' : 'with a decimal point, like 1234.5';
    return fail(`"${cell}" is not a number ${hint} (the decimal separator is chosen when uploading)`);
  }
  return ok(Number(normalised));
}

export function integerCell(cell: RawCell, options: CellOptions): CellResult<number | null> {
  const parsed = numberCell(cell, options);
  if (!parsed.ok || parsed.value === null) return parsed;
  return Number.isInteger(parsed.value) ? parsed : fail(`must be a whole number, not ${parsed.value}`);
}

function isoDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 9999 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_FIRST_DATE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;

/** A day as `YYYY-MM-DD`. ISO dates are always read; `31/12/2026` only when day-first was chosen. */
export function dateCell(cell: RawCell, options: CellOptions): CellResult<string | null> {
  if (cell === null) return ok(null);
  // Spreadsheet dates are days at midnight UTC as read from the file.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? fail('is not a valid date') : ok(cell.toISOString().slice(0, 10));
  if (typeof cell !== 'string') return fail('must be a date');
  const text = cell.trim();
  if (text === '') return ok(null);
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const day = isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return day ? ok(day) : fail(`"${text}" is not a real day`);
  }
  const dayFirst = DAY_FIRST_DATE.exec(text);
  if (dayFirst && options.dateOrder === 'day_first') {
    const day = isoDay(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
    return day ? ok(day) : fail(`"${text}" is not a real day (read as day/month/year)`);
  }
  if (dayFirst) return fail(`"${text}" is not an ISO date (YYYY-MM-DD); choose "day first" when uploading to read it as day/month/year`);
  return fail(`"${text}" is not a date: write YYYY-MM-DD${options.dateOrder === 'day_first' ? ' or DD/MM/YYYY' : ''}`);
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/** Empty is false; true/false, yes/no, y/n and 1/0 in any case. */
export function booleanCell(cell: RawCell): CellResult<boolean> {
  if (cell === null) return ok(false);
  if (typeof cell === 'boolean') return ok(cell);
  const text = String(cell).trim().toLowerCase();
  if (text === '' || FALSE_WORDS.has(text)) return ok(false);
  if (TRUE_WORDS.has(text)) return ok(true);
  return fail(`"${String(cell)}" is not yes or no (write true or false)`);
}

/** The non-empty lines of a list cell, trimmed. */
export function listCell(cell: RawCell): string[] {
  return textCell(cell)
    .split(/\r?\n/)
    .map((line) => restoreNeutralised(line.trim()))
    .filter((line) => line !== '');
}
