import { randomUUID } from 'node:crypto';
import { compareIsoWeeks, isoWeekOf, isoWeekStart, type BlockerCategory } from '@liftoff/shared';
import { Blocker } from '../blockers/blocker.entity';

/** One blocker of the register as the import sees it; `resolvedWeek` moves as the file's rows are replayed. */
export interface BlockerInstance {
  blocker: Blocker;
  isNew: boolean;
  resolvedWeek: string | null;
}

const textKey = (pilotId: string, text: string) => `${pilotId}\u0000${text.trim().toLowerCase()}`;

/**
 * Matches the blockers a file names to the register, replaying each pilot's rows in week order. A text
 * names the blocker with that text that is still open in that week (as a posted update links its text only
 * to open blockers); once it is resolved, the same text later on is a new blocker. A row that updates an
 * existing update keeps the blockers that update already links, so importing a file twice changes nothing.
 */
export class BlockerPlanner {
  private readonly byText = new Map<string, BlockerInstance[]>();
  private readonly used = new Set<BlockerInstance>();

  constructor(existing: Blocker[]) {
    for (const blocker of [...existing].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
      const resolvedWeek = blocker.status === 'resolved' && blocker.resolvedAt ? isoWeekOf(blocker.resolvedAt) : null;
      this.list(blocker.pilotId, blocker.text).push({ blocker, isNew: false, resolvedWeek });
    }
  }

  private list(pilotId: string, text: string): BlockerInstance[] {
    const key = textKey(pilotId, text);
    let list = this.byText.get(key);
    if (!list) this.byText.set(key, (list = []));
    return list;
  }

  mention(pilotId: string, week: string, text: string, category: BlockerCategory, alreadyLinked: Blocker[]): BlockerInstance {
    const list = this.list(pilotId, text);
    const linkedId = alreadyLinked.find((b) => textKey(b.pilotId, b.text) === textKey(pilotId, text))?.id;
    let instance = list.find((i) => i.blocker.id === linkedId) ?? [...list].reverse().find((i) => i.resolvedWeek === null || compareIsoWeeks(i.resolvedWeek, week) >= 0);
    if (!instance) {
      const blocker = Object.assign(new Blocker(), {
        id: randomUUID(), pilotId, text: text.trim(), category, status: 'open', firstSeenWeek: week, lastSeenWeek: week, resolvedAt: null, resolutionNote: null,
      });
      instance = { blocker, isNew: true, resolvedWeek: null };
      list.push(instance);
    }
    this.used.add(instance);
    return instance;
  }

  /** Marks the blocker resolved in `week`; null when the pilot has no such blocker, else whether anything changes. */
  resolve(pilotId: string, week: string, text: string, linkedInRow: BlockerInstance[]): { changed: boolean } | null {
    const key = textKey(pilotId, text);
    const instance =
      linkedInRow.find((i) => textKey(pilotId, i.blocker.text) === key) ??
      [...(this.byText.get(key) ?? [])].reverse().find((i) => i.resolvedWeek === null || i.resolvedWeek === week);
    if (!instance) return null;
    this.used.add(instance);
    const changed = instance.resolvedWeek !== week;
    instance.resolvedWeek = week;
    return { changed: changed && !instance.isNew };
  }

  /** Blockers the file named, in the order first named. */
  touched(): BlockerInstance[] {
    return [...this.used];
  }
}

/** Status and resolution time a blocker ends with; a resolution keeps its exact time when its week is unchanged. */
export function finalState(instance: BlockerInstance): Pick<Blocker, 'status' | 'resolvedAt'> {
  const { resolvedWeek, blocker } = instance;
  if (resolvedWeek === null) return { status: 'open', resolvedAt: null };
  const keep = blocker.resolvedAt !== null && isoWeekOf(blocker.resolvedAt) === resolvedWeek;
  return { status: 'resolved', resolvedAt: keep ? blocker.resolvedAt : isoWeekStart(resolvedWeek) };
}
