import type { ReactNode } from 'react';

export interface PackColumn {
  label: string;
  numeric?: boolean;
}

/** A table of a pack section, or one muted line when it has no rows. */
export function PackTable<T>({
  rows,
  emptyText,
  columns,
  rowKey,
  cells,
}: {
  rows: readonly T[];
  emptyText: string;
  columns: readonly PackColumn[];
  rowKey: (row: T, index: number) => string;
  /** The row's cells, in the order of `columns`. */
  cells: (row: T) => ReactNode;
}) {
  if (rows.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <div className="table-wrap">
      <table className="table pack-table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)}>{cells(row)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
