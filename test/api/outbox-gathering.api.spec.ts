import type { EntityManager } from 'typeorm';
import { DomainEvents } from '../../server/src/events/domain-events.service';
import { createBasicPortfolio, postUpdate, updateBody } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Outbox messages gathered in a transaction are written at its commit, and a rollback (of the whole
 * transaction or of a savepoint inside it) drops what was gathered in the rolled-back part only.
 */
describe('outbox messages gathered for the commit', () => {
  let t: TestApp;
  let events: DomainEvents;
  let pilotId: string;
  let updateId: string;
  beforeAll(async () => {
    t = await startTestApp();
    events = t.app.get(DomainEvents);
    const { pilot, lead } = await createBasicPortfolio(t);
    pilotId = pilot.id;
    updateId = (await postUpdate(t, pilot.id, updateBody(lead.id, { week: '2026-W30' }))).id;
  });
  afterAll(() => t.close());

  const posted = async () => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_events WHERE event_type = 'update.posted'`))[0].n);
  const announce = (manager: EntityManager) =>
    events.emit(manager, { type: 'pilot.changed', change: 'update_posted', pilotId, actorId: null, subjectId: updateId });
  const failing = new Error('the write fails after announcing');

  it('writes what a committed transaction gathered, with the update and its pilot', async () => {
    const before = await posted();
    await t.dataSource.transaction((manager) => announce(manager));
    expect(await posted()).toBe(before + 1);
    const [row] = await t.dataSource.query(`SELECT event FROM outbox_events WHERE event_type = 'update.posted' ORDER BY created_at DESC, id LIMIT 1`);
    expect(row.event.data).toMatchObject({ pilot: { id: pilotId }, update: { id: updateId, week: '2026-W30' } });
  });

  it('writes nothing for a transaction that rolls back', async () => {
    const before = await posted();
    await expect(
      t.dataSource.transaction(async (manager) => {
        await announce(manager);
        throw failing;
      }),
    ).rejects.toBe(failing);
    expect(await posted()).toBe(before);
  });

  it('drops what a rolled-back savepoint gathered and keeps what the rest of the transaction did', async () => {
    const before = await posted();
    await t.dataSource.transaction(async (manager) => {
      await expect(
        manager.transaction(async (inner) => {
          await announce(inner);
          throw failing;
        }),
      ).rejects.toBe(failing);
    });
    expect(await posted()).toBe(before);
    await t.dataSource.transaction(async (manager) => {
      await manager.transaction((inner) => announce(inner));
      await expect(
        manager.transaction(async (inner) => {
          await announce(inner);
          throw failing;
        }),
      ).rejects.toBe(failing);
    });
    expect(await posted()).toBe(before + 1);
  });
});
