import { Client } from 'pg';
import { poolLimits } from './connection-limits';
import { PREPARED_STATEMENTS_PER_CONNECTION, preparedStatementName, preparingStatements } from './prepared-statements';

const url = process.env.DATABASE_URL;
// Prepared statements are a real PostgreSQL's (the embedded database never gets this client).
const onPostgres = url ? describe : describe.skip;

const PreparingClient = preparingStatements(Client);
const preparedOn = async (client: Client) =>
  (await client.query<{ name: string; statement: string }>('SELECT name, statement FROM pg_prepared_statements ORDER BY name')).rows;

onPostgres('a client that prepares statements', () => {
  let client: Client;
  beforeEach(async () => {
    client = new PreparingClient({ connectionString: url });
    await client.connect();
  });
  afterEach(() => client.end());

  it('prepares a parameterised statement once, under a name made from its text, and answers as before', async () => {
    const text = 'SELECT $1::int + 1 AS next';
    expect((await client.query(text, [1])).rows).toEqual([{ next: 2 }]);
    expect((await client.query(text, [41])).rows).toEqual([{ next: 42 }]);
    expect(await preparedOn(client)).toEqual([{ name: preparedStatementName(text), statement: text }]);
  });

  it('leaves statements without parameters unprepared (transaction control, several statements in one text)', async () => {
    await client.query('BEGIN');
    await client.query('SELECT 1; SELECT 2');
    await client.query('SELECT 1', []);
    await client.query('COMMIT');
    expect(await preparedOn(client)).toEqual([]);
  });

  it('a statement that failed to prepare is prepared again once it can be', async () => {
    const table = `prepared_spec_${process.pid}_${Date.now()}`;
    const text = `SELECT count(*)::int AS n FROM ${table} WHERE id > $1`;
    await expect(client.query(text, [0])).rejects.toThrow(/does not exist/);
    try {
      await client.query(`CREATE TABLE ${table} (id int)`);
      await client.query(`INSERT INTO ${table} VALUES (1), (2)`);
      expect((await client.query(text, [0])).rows).toEqual([{ n: 2 }]);
      // A column added after the plan was made: PostgreSQL plans the statement again.
      await client.query(`ALTER TABLE ${table} ADD COLUMN note text`);
      expect((await client.query(text, [1])).rows).toEqual([{ n: 1 }]);
    } finally {
      await client.query(`DROP TABLE IF EXISTS ${table}`);
    }
  });

  it('a statement reading * from a table that gained a column fails once, then runs unnamed', async () => {
    const table = `prepared_shape_${process.pid}_${Date.now()}`;
    const text = `SELECT * FROM ${table} WHERE id >= $1 ORDER BY id`;
    try {
      await client.query(`CREATE TABLE ${table} (id int)`);
      await client.query(`INSERT INTO ${table} VALUES (1)`);
      expect((await client.query(text, [0])).rows).toEqual([{ id: 1 }]);
      await client.query(`ALTER TABLE ${table} ADD COLUMN note text`);
      await expect(client.query(text, [0])).rejects.toThrow(/cached plan must not change result type/);
      expect((await client.query(text, [0])).rows).toEqual([{ id: 1, note: null }]);
    } finally {
      await client.query(`DROP TABLE IF EXISTS ${table}`);
    }
  });

  it(`keeps at most ${PREPARED_STATEMENTS_PER_CONNECTION} statements per connection and sends the rest unnamed`, async () => {
    const total = PREPARED_STATEMENTS_PER_CONNECTION + 20;
    for (let i = 0; i < total; i++) {
      expect((await client.query(`SELECT $1::int + ${i} AS v`, [1])).rows).toEqual([{ v: 1 + i }]);
    }
    // Past the cap the first ones are still reused, the new ones are not kept.
    expect((await client.query('SELECT $1::int + 0 AS v', [5])).rows).toEqual([{ v: 5 }]);
    expect((await client.query(`SELECT $1::int + ${total - 1} AS v`, [0])).rows).toEqual([{ v: total - 1 }]);
    expect(await preparedOn(client)).toHaveLength(PREPARED_STATEMENTS_PER_CONNECTION);
  });

  it('a failed statement inside a transaction leaves the connection usable after the rollback', async () => {
    await client.query('BEGIN');
    await expect(client.query('SELECT 1 / $1::int AS v', [0])).rejects.toThrow(/division by zero/);
    await expect(client.query('SELECT $1::int AS v', [3])).rejects.toThrow(/aborted/);
    await client.query('ROLLBACK');
    expect((await client.query('SELECT $1::int AS v', [3])).rows).toEqual([{ v: 3 }]);
    expect((await client.query('SELECT 1 / $1::int AS v', [1])).rows).toEqual([{ v: 1 }]);
  });
});

onPostgres('the pool options of a real database', () => {
  it.each([
    [{ prepareStatements: true }, 1],
    [{ prepareStatements: false }, 0],
    [{ embedded: true, prepareStatements: true }, 0],
  ])('%j: %i statement prepared', async (limits, expected) => {
    const PoolClient = poolLimits(limits).Client as typeof Client;
    const client = new PoolClient({ connectionString: url });
    await client.connect();
    try {
      await client.query('SELECT $1::text AS v', ['x']);
      expect(await preparedOn(client)).toHaveLength(expected);
    } finally {
      await client.end();
    }
  });
});
