import type ExcelJS from 'exceljs';

let loaded: typeof ExcelJS | undefined;

/**
 * ExcelJS, loaded on the first spreadsheet request: with its zip libraries it took longer to load
 * than any other dependency, a cost every start paid for a feature most starts never use (issue 11).
 */
export function excelJs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('exceljs') as typeof ExcelJS;
  return loaded;
}
