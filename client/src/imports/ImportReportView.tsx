import type { ReactNode } from 'react';
import type { ImportReport, ImportRowAction } from '@liftoff/shared';

/** Rows shown in the table; the counts above it cover the whole file. */
const SHOWN_ROWS = 200;
const ACTION_LABELS: Record<ImportRowAction, string> = { create: 'Create', update: 'Update', unchanged: 'Unchanged' };

/** What a dry run found (or a confirm did): the counts, every error with its row and column, and the rows. */
export function ImportReportView({ report, children }: { report: ImportReport; children?: ReactNode }) {
  const verb = report.committed ? 'Imported' : 'Would import';
  return (
    <section className="card form-section" aria-labelledby="import-report-title">
      <h2 id="import-report-title" className="form-section-title">
        {report.committed ? 'Import done' : report.errorCount > 0 ? `${report.errorCount} problem${report.errorCount === 1 ? '' : 's'} to fix` : 'Dry run: nothing written yet'}
      </h2>
      <p>
        {report.rowCount} rows read from the {report.format.toUpperCase()} file. {verb}: {report.created} new, {report.updated} changed, {report.unchanged} unchanged.
        {report.unitsCreated.length > 0 && ` New business units: ${report.unitsCreated.join(', ')}.`}
        {report.peopleCreated.length > 0 && ` New people: ${report.peopleCreated.join(', ')}.`}
      </p>
      {report.errorCount > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Problems in the file">
            <caption className="visually-hidden">Problems in the file; nothing is imported until they are fixed</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((error, index) => (
                <tr key={index}>
                  <td>{error.row}</td>
                  <td>{error.column ?? '(whole row)'}</td>
                  <td>{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.errorCount > report.errors.length && <p className="field-hint">Showing the first {report.errors.length} of {report.errorCount} problems.</p>}
        </div>
      )}
      {children}
      {report.rows.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Rows of the file">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Action</th>
                <th scope="col">What</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.slice(0, SHOWN_ROWS).map((row) => (
                <tr key={row.row}>
                  <td>{row.row}</td>
                  <td>{ACTION_LABELS[row.action]}</td>
                  <td>{row.subject}</td>
                  <td>{row.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.rows.length > SHOWN_ROWS && <p className="field-hint">Showing the first {SHOWN_ROWS} of {report.rows.length} rows.</p>}
        </div>
      )}
    </section>
  );
}
