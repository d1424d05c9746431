import type { EntityMetadata } from 'typeorm';
import { Blocker } from '../../server/src/blockers/blocker.entity';
import { BlockerWording } from '../../server/src/blockers/blocker-wording.entity';
import { KpiReading } from '../../server/src/updates/kpi-reading.entity';
import { WeeklyUpdate } from '../../server/src/updates/weekly-update.entity';
import { blockerRow, INSERT_UPDATE_ROWS_SQL } from '../../server/src/updates/update-rows';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A post writes its rows with one hand-written statement (update-rows.ts), which names its columns. A column
 * added to one of those entities and not to the statement would be dropped without an error (or left to its
 * default): every column the database does not fill itself must be named there.
 */
describe('the hand-written insert of a weekly update', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Columns a write must give: all but the timestamps the database sets itself. */
  const written = (meta: EntityMetadata) =>
    meta.columns.filter((c) => !c.isCreateDate && !c.isUpdateDate).map((c) => c.databaseName).sort();
  const insertColumns = (table: string) => {
    const match = new RegExp(`INSERT INTO ${table} \\(([^)]*)\\)`).exec(INSERT_UPDATE_ROWS_SQL);
    if (!match) throw new Error(`no INSERT INTO ${table} in the statement`);
    return match[1].split(',').map((c) => c.trim()).sort();
  };

  it('names every column of the update, its readings, mentions and wordings', () => {
    const updates = t.dataSource.getMetadata(WeeklyUpdate);
    expect(insertColumns('weekly_updates')).toEqual(written(updates));
    expect(insertColumns('kpi_readings')).toEqual(written(t.dataSource.getMetadata(KpiReading)));
    expect(insertColumns('blocker_wordings')).toEqual(written(t.dataSource.getMetadata(BlockerWording)));
    expect(insertColumns('update_blockers')).toEqual(written(updates.findRelationWithPropertyPath('blockers')!.junctionEntityMetadata!));
  });

  it('passes every column of a blocker it creates or changes', () => {
    const blocker = t.dataSource.getRepository(Blocker).create({});
    expect(Object.keys(blockerRow(blocker)).sort()).toEqual(written(t.dataSource.getMetadata(Blocker)));
    expect(insertColumns('blockers')).toEqual(written(t.dataSource.getMetadata(Blocker)));
  });
});
