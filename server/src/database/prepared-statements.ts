import { createHash } from 'node:crypto';
import type { Client } from 'pg';

/**
 * How many distinct statement texts one connection keeps prepared. The app's hot statements are a few
 * dozen; query-builder statements whose text varies with their arguments (an `IN` list of n values)
 * could otherwise grow a connection's prepared statements without end. Past the cap a statement is
 * sent unnamed, as before: planned every time, never kept.
 */
export const PREPARED_STATEMENTS_PER_CONNECTION = 256;

/** The name a statement text is prepared under: stable, unique per text, within PostgreSQL's 63 bytes. */
export function preparedStatementName(text: string): string {
  return `lq_${createHash('sha1').update(text).digest('hex')}`;
}

type ClientClass = typeof Client;

/** SQLSTATE feature_not_supported, which PostgreSQL raises for a prepared plan whose result type changed. */
const RESULT_TYPE_CHANGED = '0A000';

/**
 * A pg client that prepares each parameterised statement by name, once per connection: PostgreSQL then
 * parses and plans it once and the later executions skip both (a post's dozen statements cost
 * 0.2-0.55 ms of planning each; issue 11). Statements without parameters (transaction control, DDL,
 * several statements in one text) go as before. pg keeps track of what each connection prepared and
 * forgets a statement whose preparation failed; PostgreSQL re-plans a prepared statement when a table it
 * reads changes. Not for the embedded database, whose one session several clients may share.
 */
export function preparingStatements(Base: ClientClass): ClientClass {
  class PreparingClient extends Base {
    /** Statement text to the name it was prepared under on this connection. */
    readonly preparedNames = new Map<string, string>();

    /**
     * A statement that reads `*` from a table which gained a column since it was prepared (a newer
     * instance's migration while this one runs) fails with "cached plan must not change result type",
     * and would on every execution: from then on it is sent unnamed on this connection.
     */
    forgetChangedShape(text: string, error: unknown): void {
      if ((error as { code?: string }).code === RESULT_TYPE_CHANGED) this.preparedNames.set(text, '');
    }
  }
  const baseQuery = Base.prototype.query as (this: Client, ...args: unknown[]) => unknown;
  // Assigned rather than declared: pg's overloads of `query` cannot be restated in a subclass.
  Object.defineProperty(PreparingClient.prototype, 'query', {
    configurable: true,
    writable: true,
    value(this: PreparingClient, ...args: unknown[]): unknown {
      const [text, values] = args;
      if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
        const name = nameOnConnection(this.preparedNames, text);
        if (name) {
          args[0] = { name, text };
          const result = baseQuery.apply(this, args);
          if (result instanceof Promise) result.catch((error: unknown) => this.forgetChangedShape(text, error));
          return result;
        }
      }
      return baseQuery.apply(this, args);
    },
  });
  return PreparingClient;
}

function nameOnConnection(prepared: Map<string, string>, text: string): string | undefined {
  const known = prepared.get(text);
  // '' marks a statement this connection sends unnamed (see `forgetChangedShape`).
  if (known !== undefined || prepared.size >= PREPARED_STATEMENTS_PER_CONNECTION) return known;
  const name = preparedStatementName(text);
  prepared.set(text, name);
  return name;
}
