import type { Pool } from 'pg';
import type { RawRequest } from './api-client';
import { Obj, RealId, RecordVersion, Verbatim, type Gen } from './hostile-values';
import type { HostileRequest } from './hostile-requests';

/** Real ids present in the database now, per table, to aim requests at rows that exist. */
export class IdPool {
  private ids = new Map<string, string[]>();
  private versioned = new Set<string>();
  tables = new Set<string>();

  /** `protectedIds` are never put into a path (the fuzzer's own account: demoting it would end the run, not test the server). */
  constructor(
    private readonly pg: Pool,
    private readonly protectedIds: Set<string>,
  ) {}

  async refresh(): Promise<void> {
    const { rows: columns } = await this.pg.query<{ table: string; column: string }>(
      `SELECT table_name AS table, column_name AS column FROM information_schema.columns
       WHERE table_schema = 'public' AND ((column_name = 'id' AND data_type = 'uuid') OR column_name = 'version')`,
    );
    this.versioned = new Set(columns.filter((c) => c.column === 'version').map((c) => c.table));
    const tables = [...new Set(columns.filter((c) => c.column === 'id').map((c) => c.table))].sort();
    this.tables = new Set(tables);
    this.ids = new Map();
    for (const table of tables) {
      const { rows } = await this.pg.query<{ id: string }>(`SELECT id FROM "${table}" ORDER BY id`);
      this.ids.set(table, rows.map((r) => r.id));
    }
  }

  count(table: string): number {
    return this.ids.get(table)?.length ?? 0;
  }

  /** The `pick`-th id of the table (of all tables when it has none); an unknown well-formed id when the database has none. */
  idOf(ref: RealId, inPath: boolean): string {
    const candidates = (ref.table && this.count(ref.table) > 0 ? this.ids.get(ref.table)! : [...this.ids.values()].flat()).filter((id) => !inPath || !this.protectedIds.has(id));
    return candidates.length ? candidates[ref.pick % candidates.length] : '00000000-0000-4000-8000-000000000000';
  }

  async versionOf(table: string | undefined, id: string | undefined): Promise<number> {
    if (!table || !id || !this.versioned.has(table)) return 1;
    const { rows } = await this.pg.query<{ version: number }>(`SELECT version FROM "${table}" WHERE id::text = $1`, [id]);
    return rows[0]?.version ?? 1;
  }
}

/** encodeURIComponent, but a lone surrogate (which it refuses) goes out as the UTF-8 bytes Node would send. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
}

/** JSON text of a generated value; entries keep their order and any key (`__proto__`, duplicates). */
function toJson(value: Gen, fill: (v: RealId | RecordVersion) => string): string {
  if (value instanceof Verbatim) return value.text;
  if (value instanceof RealId || value instanceof RecordVersion) return fill(value);
  if (value instanceof Obj) return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${toJson(v, fill)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map((v) => toJson(v, fill)).join(',')}]`;
  return JSON.stringify(value) ?? 'null';
}

/** A query or path value as text: strings as they are, other values as their JSON. */
function asText(value: Gen, fill: (v: RealId | RecordVersion) => string): string {
  if (typeof value === 'string') return value;
  if (value instanceof RealId || value instanceof RecordVersion) return fill(value);
  return toJson(value, fill);
}

/** The request as it goes on the wire, placeholders filled with what the database holds now. */
export async function resolveRequest(request: HostileRequest, pool: IdPool, tableOfPathParam: (name: string) => string | undefined): Promise<RawRequest> {
  const { operation } = request;
  let lastPathId: { table: string | undefined; id: string } | undefined;
  let url = operation.path;
  for (const param of operation.pathParams) {
    const value = request.path[param.name];
    let segment: string;
    if (value instanceof Verbatim) segment = value.text;
    else if (value instanceof RealId) {
      segment = pool.idOf(value, true);
      lastPathId = { table: tableOfPathParam(param.name), id: segment };
    } else segment = encode(asText(value, () => ''));
    url = url.replace(`{${param.name}}`, segment);
  }
  const version = await pool.versionOf(lastPathId?.table, lastPathId?.id);
  const fill = (v: RealId | RecordVersion) => (v instanceof RealId ? JSON.stringify(pool.idOf(v, false)) : String(version + v.offset));
  const fillText = (v: RealId | RecordVersion) => (v instanceof RealId ? pool.idOf(v, false) : String(version + v.offset));
  const query = request.query
    .map(([key, value]) => {
      if (key instanceof Verbatim) return key.text;
      const values = Array.isArray(value) ? value : [value];
      return values.map((v) => `${encode(key)}=${v instanceof Verbatim ? v.text : encode(asText(v, fillText))}`).join('&');
    })
    .filter((part) => part.length > 0)
    .join('&');
  if (query) url += `?${query}`;
  const body = request.body.kind === 'json' ? toJson(request.body.value, fill) : request.body.kind === 'raw' ? request.body.text : undefined;
  return { method: operation.method, url, body, headers: body === undefined ? {} : { 'Content-Type': request.contentType } };
}
