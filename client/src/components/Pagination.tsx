import { formatInteger } from '../format/numbers';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  /** What is being counted, e.g. "pilots". */
  noun?: string;
}

export function Pagination({ page, pageSize, total, onPageChange, noun = 'items' }: PaginationProps) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label="Pagination">
      <span className="pagination-summary">
        {formatInteger(first)}–{formatInteger(last)} of {formatInteger(total)} {noun}
      </span>
      <div className="pagination-buttons">
        <button type="button" className="button button-small" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
          Previous
        </button>
        <span className="pagination-page" aria-current="page">
          Page {page} of {pageCount}
        </span>
        <button type="button" className="button button-small" disabled={page >= pageCount} onClick={() => onPageChange(page + 1)}>
          Next
        </button>
      </div>
    </nav>
  );
}
