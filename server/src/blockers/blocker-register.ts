import { EntityManager, In } from 'typeorm';
import { compareIsoWeeks } from '@liftoff/shared';
import { RequestValidationException } from '../common/validation';
import type { ReportedBlockerDto } from '../updates/dto/weekly-update.dto';
import { Blocker } from './blocker.entity';

/** How a reported text is matched against the pilot's open blockers (rewordings count as the same). */
export type BlockerMatcher = (text: string, open: Blocker[]) => Blocker | null;

/**
 * Turns the blockers an update reports into register entries: carried-forward ids, rewordings of an
 * open blocker, or new blockers. Runs inside the caller's transaction.
 */
export async function resolveReportedBlockers(
  manager: EntityManager,
  pilotId: string,
  week: string,
  reported: ReportedBlockerDto[],
  matcher: BlockerMatcher,
): Promise<Blocker[]> {
  const open = await manager.find(Blocker, { where: { pilotId, status: 'open' } });
  const linked = new Map<string, Blocker>();
  for (const [index, item] of reported.entries()) {
    const field = `blockers.${index}`;
    if (item.blockerId && item.text) {
      throw new RequestValidationException([{ field, messages: [`${field} must have either blockerId or text, not both`] }]);
    }
    let blocker: Blocker | null;
    if (item.blockerId) {
      blocker = await manager.findOne(Blocker, { where: { id: item.blockerId, pilotId } });
      if (!blocker) {
        throw new RequestValidationException([
          { field: `${field}.blockerId`, messages: [`${field}.blockerId is not a blocker of this pilot`] },
        ]);
      }
      if (blocker.status === 'resolved') reopen(blocker);
    } else if (item.text) {
      blocker = matcher(item.text, open) ?? manager.create(Blocker, newBlocker(pilotId, week, item));
    } else {
      throw new RequestValidationException([{ field, messages: [`${field} needs a blockerId or a text`] }]);
    }
    if (!blocker.id) {
      blocker = await manager.save(blocker);
      open.push(blocker);
    }
    linked.set(blocker.id, blocker);
  }
  for (const blocker of linked.values()) stretchSeenWeeks(blocker, week);
  return manager.save([...linked.values()]);
}

/** After an edit removed mentions, first/last seen follow the updates that still mention each blocker. */
export async function recomputeSeenWeeks(manager: EntityManager, blockerIds: string[]): Promise<void> {
  if (blockerIds.length === 0) return;
  const rows: { blocker_id: string; first: string; last: string }[] = await manager.query(
    `SELECT ub.blocker_id, min(u.week) AS first, max(u.week) AS last
       FROM update_blockers ub JOIN weekly_updates u ON u.id = ub.update_id
      WHERE ub.blocker_id = ANY($1::uuid[]) GROUP BY ub.blocker_id`,
    [blockerIds],
  );
  const blockers = await manager.find(Blocker, { where: { id: In(rows.map((row) => row.blocker_id)) } });
  for (const blocker of blockers) {
    const row = rows.find((r) => r.blocker_id === blocker.id)!;
    blocker.firstSeenWeek = row.first;
    blocker.lastSeenWeek = row.last;
  }
  await manager.save(blockers);
}

function newBlocker(pilotId: string, week: string, item: ReportedBlockerDto): Partial<Blocker> {
  return {
    pilotId,
    text: item.text!.trim(),
    category: item.category ?? 'other',
    status: 'open',
    firstSeenWeek: week,
    lastSeenWeek: week,
    resolvedAt: null,
    resolutionNote: null,
  };
}

function reopen(blocker: Blocker): void {
  blocker.status = 'open';
  blocker.resolvedAt = null;
  blocker.resolutionNote = null;
}

function stretchSeenWeeks(blocker: Blocker, week: string): void {
  if (compareIsoWeeks(week, blocker.firstSeenWeek) < 0) blocker.firstSeenWeek = week;
  if (compareIsoWeeks(week, blocker.lastSeenWeek) > 0) blocker.lastSeenWeek = week;
}

export interface BlockerResolution {
  blockerId: string;
  note?: string | null;
}

/**
 * Resolves open blockers of this pilot, as an update reports them or the register's resolve action
 * does. `field` names the request list for errors (`resolvedBlockers.0.blockerId`). A blocker that
 * the same update still reports cannot be resolved by it.
 */
export async function resolveBlockers(
  manager: EntityManager,
  pilotId: string,
  items: BlockerResolution[],
  field: string,
  stillReported: ReadonlySet<string> = new Set(),
): Promise<Blocker[]> {
  if (items.length === 0) return [];
  const found = await manager.find(Blocker, { where: { id: In(items.map((item) => item.blockerId)), pilotId } });
  const byId = new Map(found.map((blocker) => [blocker.id, blocker]));
  const seen = new Set<string>();
  const now = new Date();
  for (const [index, item] of items.entries()) {
    const name = `${field}.${index}.blockerId`;
    const blocker = byId.get(item.blockerId);
    const problem = !blocker
      ? 'is not a blocker of this pilot'
      : blocker.status === 'resolved'
        ? 'is already resolved'
        : seen.has(item.blockerId)
          ? 'is listed twice'
          : stillReported.has(item.blockerId)
            ? 'is also reported as still open in this update'
            : null;
    if (problem) throw new RequestValidationException([{ field: name, messages: [`${name} ${problem}`] }]);
    seen.add(item.blockerId);
    blocker!.status = 'resolved';
    blocker!.resolvedAt = now;
    blocker!.resolutionNote = item.note?.trim() || null;
  }
  return manager.save(found);
}
