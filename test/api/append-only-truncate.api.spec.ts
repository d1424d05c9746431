import { createBasicPortfolio } from './support/fixtures';
import { countRows, startTestApp, type TestApp } from './support/test-app';

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describe('the decision log and the audit trail refuse TRUNCATE', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const { pilot } = await createBasicPortfolio(t);
    await t.http.post(`/api/pilots/${pilot.id}/decisions`).send({ kind: 'continue', rationale: 'Four more weeks', nextReviewDate: inAMonth() }).expect(201);
  });
  afterAll(() => t.close());

  it.each([
    ['TRUNCATE audit_events', 'audit_events'],
    ['TRUNCATE decisions CASCADE', 'decisions'],
    ['TRUNCATE pilots CASCADE', 'decisions'],
    ['TRUNCATE people, audit_events CASCADE', 'audit_events'],
  ])('%s fails and leaves every row', async (statement, guarded) => {
    const decisions = await countRows(t.dataSource, 'decisions');
    const audit = await countRows(t.dataSource, 'audit_events');
    const pilots = await countRows(t.dataSource, 'pilots');
    expect(decisions).toBeGreaterThan(0);
    expect(audit).toBeGreaterThan(0);
    await expect(t.dataSource.query(statement)).rejects.toThrow(new RegExp(`${guarded} is append-only`));
    expect(await countRows(t.dataSource, 'decisions')).toBe(decisions);
    expect(await countRows(t.dataSource, 'audit_events')).toBe(audit);
    expect(await countRows(t.dataSource, 'pilots')).toBe(pilots);
  });
});
