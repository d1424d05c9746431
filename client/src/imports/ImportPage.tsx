import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { IMPORT_KINDS, type DateOrder, type DecimalSeparator, type ImportKind, type ImportReport } from '@liftoff/shared';
import { isApiError } from '../api/http';
import { Field } from '../components/form/Field';
import { PageHeader } from '../components/PageHeader';
import { useDocumentTitle } from '../components/use-document-title';
import { ReanalysisFindings } from '../components/ReanalysisFindings';
import { ImportReportView } from './ImportReportView';
import { exportUrl, templateUrl, useConfirmImport, useImportDryRun, type ImportRequest } from './import-queries';

const KIND_LABELS: Record<ImportKind, string> = { pilots: 'Pilots and their KPIs', 'weekly-updates': 'Weekly updates (history)' };

/** Upload a spreadsheet, read what it would do, then import it in one go (program office). */
export default function ImportPage() {
  useDocumentTitle('Import');
  const [kind, setKind] = useState<ImportKind>('pilots');
  const [file, setFile] = useState<File | null>(null);
  const [dateOrder, setDateOrder] = useState<DateOrder>('iso');
  const [decimalSeparator, setDecimalSeparator] = useState<DecimalSeparator>('auto');
  const [createPeople, setCreatePeople] = useState(false);
  const [createUnits, setCreateUnits] = useState(false);
  const [missingFile, setMissingFile] = useState(false);
  const dryRun = useImportDryRun();
  const confirm = useConfirmImport();
  const [checked, setChecked] = useState<{ request: ImportRequest; report: ImportReport } | null>(null);

  // Any change to the file or the options makes the last dry run stale.
  const changed = () => {
    setChecked(null);
    dryRun.reset();
    confirm.reset();
  };
  const check = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setMissingFile(true);
    const request: ImportRequest = { kind, file, dateOrder, decimalSeparator, createPeople, createUnits };
    confirm.reset();
    dryRun.mutate(request, { onSuccess: (report) => setChecked({ request, report }) });
  };
  const rejected = isApiError(confirm.error) ? confirm.error.body.importReport : undefined;
  const shown = confirm.data ?? rejected ?? checked?.report ?? null;

  return (
    <>
      <PageHeader title="Import" subtitle="Bring pilots and their weekly history in from a spreadsheet (CSV or XLSX)." />
      <form className="card form-section" onSubmit={check} noValidate aria-label="Import a spreadsheet">
        <fieldset className="form-row">
          <legend className="field-label">What the file holds</legend>
          {IMPORT_KINDS.map((value) => (
            <label key={value} className="checkbox">
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => (setKind(value), changed())} /> {KIND_LABELS[value]}
            </label>
          ))}
        </fieldset>
        <p className="field-hint">
          Templates: <a href={templateUrl(kind, 'csv')}>CSV</a> · <a href={templateUrl(kind, 'xlsx')}>XLSX</a>. Current data in the same columns:{' '}
          <a href={exportUrl(kind, 'csv')}>CSV</a> · <a href={exportUrl(kind, 'xlsx')}>XLSX</a>. Every column is described in docs/IMPORT.md.
        </p>
        <Field id="import-file" label="File" errors={missingFile ? ['Choose a CSV or XLSX file'] : undefined}>
          {(props) => (
            <input
              {...props}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => (setFile(e.target.files?.[0] ?? null), setMissingFile(false), changed())}
            />
          )}
        </Field>
        <div className="form-grid">
          <Field id="import-date-order" label="Dates written as text" hint="ISO dates (2026-03-31) are always understood.">
            {(props) => (
              <select {...props} className="input" value={dateOrder} onChange={(e) => (setDateOrder(e.target.value as DateOrder), changed())}>
                <option value="iso">ISO only (YYYY-MM-DD)</option>
                <option value="day_first">Day first (31/03/2026, 31.03.2026)</option>
              </select>
            )}
          </Field>
          <Field id="import-decimal" label="Decimal separator" hint="Automatic: a comma in semicolon-separated files, otherwise a point.">
            {(props) => (
              <select {...props} className="input" value={decimalSeparator} onChange={(e) => (setDecimalSeparator(e.target.value as DecimalSeparator), changed())}>
                <option value="auto">Automatic</option>
                <option value="point">Point (1234.5)</option>
                <option value="comma">Comma (1234,5)</option>
              </select>
            )}
          </Field>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={createPeople} onChange={(e) => (setCreatePeople(e.target.checked), changed())} /> Create missing people (by email; they can sign in once invited)
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={createUnits} onChange={(e) => (setCreateUnits(e.target.checked), changed())} /> Create missing business units
        </label>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={dryRun.isPending}>
            {dryRun.isPending ? 'Checking…' : 'Check file'}
          </button>
        </div>
        {dryRun.error && (
          <p className="form-error" role="alert">
            {dryRun.error.message}
          </p>
        )}
      </form>
      {shown && (
        <ImportReportView report={shown}>
          {confirm.data ? (
            <p className="notice" role="status">
              Imported: {confirm.data.created} rows created, {confirm.data.updated} updated, {confirm.data.unchanged} unchanged.{' '}
              <Link to={kind === 'pilots' ? '/pilots' : '/'}>{kind === 'pilots' ? 'See the pilots' : 'See the portfolio'}</Link>
            </p>
          ) : null}
          {confirm.data?.analysis && <ReanalysisFindings title="What the analysis found" analysis={confirm.data.analysis} />}
          {confirm.data ? null : confirm.error ? (
            <p className="form-error" role="alert">
              {confirm.error.message}
            </p>
          ) : checked && checked.report.errorCount === 0 && checked.report.created + checked.report.updated > 0 ? (
            <button
              type="button"
              className="button button-primary"
              disabled={confirm.isPending}
              onClick={() => confirm.mutate({ request: checked.request, fileSha256: checked.report.fileSha256 })}
            >
              {confirm.isPending ? 'Importing…' : `Import ${checked.report.created + checked.report.updated} rows`}
            </button>
          ) : checked && checked.report.errorCount === 0 ? (
            <p className="notice" role="status">
              Everything in this file is already in Liftoff: nothing to import.
            </p>
          ) : null}
        </ImportReportView>
      )}
    </>
  );
}
