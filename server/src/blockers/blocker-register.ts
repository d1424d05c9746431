import { EntityManager, In } from 'typeorm';
import { compareIsoWeeks } from '@liftoff/shared';
import { RequestValidationException } from '../common/validation';
import type { ReportedBlockerDto } from '../updates/dto/weekly-update.dto';
import { Blocker } from './blocker.entity';
import { BlockerWording } from './blocker-wording.entity';
import { toCandidate, type BlockerMatcherService } from './blocker-matcher.service';

/** The blockers an update reports, and the words its lead used for each (kept as wordings). */
export interface ReportedBlockers {
  blockers: Blocker[];
  wordings: { blockerId: string; text: string }[];
}

/**
 * Turns the blockers an update reports into register entries: ids the lead chose (reopening a
 * resolved one), new blockers the lead said are new, or texts linked to an open blocker only above
 * the automatic-link threshold. Runs inside the caller's transaction.
 */
export async function resolveReportedBlockers(
  manager: EntityManager,
  pilotId: string,
  week: string,
  reported: ReportedBlockerDto[],
  matcher: BlockerMatcherService,
): Promise<ReportedBlockers> {
  const { candidates } = await matcher.openBlockers(manager, pilotId);
  const byId = new Map<string, Blocker>();
  const linked = new Map<string, Blocker>();
  const wordings: { blocker: Blocker; text: string }[] = [];
  for (const [index, item] of reported.entries()) {
    const field = `blockers.${index}`;
    const text = item.text?.trim();
    let blocker: Blocker | null = null;
    if (item.blockerId) {
      blocker = byId.get(item.blockerId) ?? (await manager.findOne(Blocker, { where: { id: item.blockerId, pilotId } }));
      if (!blocker) {
        throw new RequestValidationException([
          { field: `${field}.blockerId`, messages: [`${field}.blockerId is not a blocker of this pilot`] },
        ]);
      }
      if (blocker.status === 'resolved') reopen(blocker);
    } else if (text) {
      const matchedId = item.isNew ? null : matcher.autoLink(text, candidates);
      blocker = matchedId ? (byId.get(matchedId) ?? (await manager.findOneByOrFail(Blocker, { id: matchedId }))) : null;
      if (!blocker) {
        blocker = await manager.save(manager.create(Blocker, newBlocker(pilotId, week, text, item)));
        candidates.push(toCandidate(blocker, []));
      }
    } else {
      throw new RequestValidationException([{ field, messages: [`${field} needs a blockerId or a text`] }]);
    }
    byId.set(blocker.id, blocker);
    linked.set(blocker.id, blocker);
    if (text) wordings.push({ blocker, text });
  }
  for (const blocker of linked.values()) stretchSeenWeeks(blocker, week);
  const saved = await manager.save([...linked.values()]);
  return { blockers: saved, wordings: wordings.map(({ blocker, text }) => ({ blockerId: blocker.id, text })) };
}

/** Replaces the wordings an update's mentions were typed in (after the update is saved). */
export async function saveMentionWordings(manager: EntityManager, updateId: string, wordings: ReportedBlockers['wordings']): Promise<void> {
  const previous = await manager.find(BlockerWording, { where: { updateId } });
  if (previous.length > 0) await manager.remove(previous);
  if (wordings.length > 0) await manager.save(wordings.map((w) => manager.create(BlockerWording, { ...w, updateId })));
}

/** After mentions moved or were removed, first/last seen follow the updates that still mention each blocker. */
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

function newBlocker(pilotId: string, week: string, text: string, item: ReportedBlockerDto): Partial<Blocker> {
  return {
    pilotId,
    text,
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
