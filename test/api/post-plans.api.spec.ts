import { randomUUID } from 'node:crypto';
import { loadPostContext } from '../../server/src/updates/post-context';
import { createBasicPortfolio, postUpdate, updateBody } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A post's transaction switches itself to generic plans (post-context.ts): the switch must end with
 * that transaction, or every later statement on the pooled connection would run with it.
 */
describe("a post's plan setting stays inside its transaction", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each(['commit', 'rollback'] as const)('generic plans inside, the default again after a %s', async (end) => {
    const runner = t.dataSource.createQueryRunner();
    try {
      const planMode = async () => (await runner.query('SHOW plan_cache_mode'))[0].plan_cache_mode as string;
      const before = await planMode();
      expect(before).toBe('auto');
      await runner.startTransaction();
      await loadPostContext(runner.manager, randomUUID(), null, '2026-W01');
      expect(await planMode()).toBe('force_generic_plan');
      if (end === 'commit') await runner.commitTransaction();
      else await runner.rollbackTransaction();
      expect(await planMode()).toBe(before);
    } finally {
      await runner.release();
    }
  });

  it('after posts, no connection of the pool is left with it', async () => {
    const { pilot, lead } = await createBasicPortfolio(t);
    for (const week of ['2026-W20', '2026-W21', '2026-W22']) await postUpdate(t, pilot.id, updateBody(lead.id, { week }));
    // As many reads at once as the pool has connections, so each connection answers one.
    const modes = await Promise.all(Array.from({ length: 10 }, () => t.dataSource.query('SHOW plan_cache_mode')));
    expect(new Set(modes.map((rows) => rows[0].plan_cache_mode))).toEqual(new Set(['auto']));
  });
});
