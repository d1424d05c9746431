import type { QueryParams } from '../api/http';
import { exportHref, type ExportList } from './export-links';

/**
 * "Export CSV · Export XLSX" for a list page: plain links, so the browser downloads the file with the
 * session it already has and nothing is held in the page's memory.
 */
export function ExportLinks({ list, query, label }: { list: ExportList; query: QueryParams; label: string }) {
  return (
    <span className="export-links" role="group" aria-label={`Export ${label}`}>
      <a className="button button-quiet" href={exportHref(list, 'csv', query)} download>
        Export CSV
      </a>
      <a className="button button-quiet" href={exportHref(list, 'xlsx', query)} download>
        Export XLSX
      </a>
    </span>
  );
}
