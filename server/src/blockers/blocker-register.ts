import { randomUUID } from 'node:crypto';
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
  /** With `defer`: the blockers to insert (ids made here), and the ones to update with their stored state. */
  created?: Blocker[];
  changed?: { before: Blocker; after: Blocker }[];
}

/**
 * Turns the blockers an update reports into register entries: ids the lead chose (reopening a
 * resolved one), new blockers the lead said are new, or texts linked to an open blocker only above
 * the automatic-link threshold. Runs inside the caller's transaction. With `defer`, writes nothing:
 * the blockers to create and to update come back for the caller to write.
 */
export async function resolveReportedBlockers(
  manager: EntityManager,
  pilotId: string,
  week: string,
  reported: ReportedBlockerDto[],
  matcher: BlockerMatcherService,
  defer = false,
): Promise<ReportedBlockers> {
  const { blockers: open, candidates } = await matcher.openBlockers(manager, pilotId);
  // As stored, for the audit row of a deferred update (what a save reads back before updating).
  const stored = new Map<string, Blocker>();
  const remember = (blocker: Blocker) => {
    if (!stored.has(blocker.id)) stored.set(blocker.id, { ...blocker });
  };
  // The pilot's open blockers are loaded already: a report of one of them needs no further read.
  const known = new Map(open.map((blocker) => [blocker.id, blocker]));
  const byId = new Map<string, Blocker>();
  const linked = new Map<string, Blocker>();
  const created = new Set<Blocker>();
  const reopened = new Set<Blocker>();
  const wordings: { blocker: Blocker; text: string }[] = [];
  for (const [index, item] of reported.entries()) {
    const field = `blockers.${index}`;
    const text = item.text?.trim();
    let blocker: Blocker | null = null;
    if (item.blockerId) {
      blocker = byId.get(item.blockerId) ?? known.get(item.blockerId) ?? (await manager.findOne(Blocker, { where: { id: item.blockerId, pilotId } }));
      if (!blocker) {
        throw new RequestValidationException([
          { field: `${field}.blockerId`, messages: [`${field}.blockerId is not a blocker of this pilot`] },
        ]);
      }
      remember(blocker);
      if (blocker.status === 'resolved') {
        reopen(blocker);
        reopened.add(blocker);
      }
    } else if (text) {
      const matchedId = item.isNew ? null : matcher.autoLink(text, candidates);
      blocker = matchedId ? (byId.get(matchedId) ?? known.get(matchedId) ?? (await manager.findOneByOrFail(Blocker, { id: matchedId }))) : null;
      if (blocker) remember(blocker);
      else {
        const made = manager.create(Blocker, newBlocker(pilotId, week, text, item));
        blocker = defer ? Object.assign(made, { id: randomUUID(), version: 1 }) : await manager.save(made);
        created.add(blocker);
        candidates.push(toCandidate(blocker, []));
      }
    } else {
      throw new RequestValidationException([{ field, messages: [`${field} needs a blockerId or a text`] }]);
    }
    byId.set(blocker.id, blocker);
    linked.set(blocker.id, blocker);
    if (text) wordings.push({ blocker, text });
  }
  // Only what changed is saved again: a blocker made above already spans this week, and one whose
  // status and seen weeks stay as they were needs no write (nor the read a save makes first).
  const changed = [...linked.values()].filter((blocker) => !created.has(blocker) && (stretchSeenWeeks(blocker, week) || reopened.has(blocker)));
  const result = { blockers: [...linked.values()], wordings: wordings.map(({ blocker, text }) => ({ blockerId: blocker.id, text })) };
  // Deferred: the caller writes them with the update's own rows (`insertUpdateRows`).
  if (defer) return { ...result, created: [...created], changed: changed.map((after) => ({ before: stored.get(after.id)!, after })) };
  if (changed.length > 0) await manager.save(changed);
  return result;
}

/** Replaces the wordings an edited update's mentions were typed in (a new update's are written with it: `insertUpdateRows`). */
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

/** Widens the blocker's first/last seen weeks to include `week`; true when they changed. */
function stretchSeenWeeks(blocker: Blocker, week: string): boolean {
  let changed = false;
  if (compareIsoWeeks(week, blocker.firstSeenWeek) < 0) {
    blocker.firstSeenWeek = week;
    changed = true;
  }
  if (compareIsoWeeks(week, blocker.lastSeenWeek) > 0) {
    blocker.lastSeenWeek = week;
    changed = true;
  }
  return changed;
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
