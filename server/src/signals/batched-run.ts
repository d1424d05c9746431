import type { RunQuery } from './history-queries';

interface Queued {
  sql: string;
  params: unknown[];
  resolve: (rows: unknown[]) => void;
  reject: (error: unknown) => void;
}

/**
 * A `RunQuery` that sends the statements issued together (in the same synchronous pass, as a
 * parallel history load does) as one statement: each becomes a subquery aggregated to a JSON array,
 * so a transaction's single connection makes one round trip instead of one per table. Fit only for
 * statements whose columns read the same from JSON as from pg (the history queries cast every
 * column to text, float8, int, json or an array) and whose parameters carry explicit casts.
 */
export function batchedRun(run: RunQuery): RunQuery {
  let queue: Queued[] = [];
  const flush = async () => {
    const batch = queue;
    queue = [];
    if (batch.length === 1) {
      const [only] = batch;
      run(only.sql, only.params).then(only.resolve, only.reject);
      return;
    }
    const params: unknown[] = [];
    const columns = batch.map((item, index) => {
      const offset = params.length;
      params.push(...item.params);
      const sql = item.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
      return `(SELECT coalesce(json_agg(q), '[]'::json) FROM (${sql}) q)::text AS r${index}`;
    });
    try {
      const [row]: Record<string, string>[] = await run(`SELECT ${columns.join(', ')}`, params);
      batch.forEach((item, index) => item.resolve(JSON.parse(row[`r${index}`]) as unknown[]));
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  };
  return (sql, params = []) =>
    new Promise((resolve, reject) => {
      if (queue.length === 0) queueMicrotask(() => void flush());
      queue.push({ sql, params, resolve, reject });
    });
}
