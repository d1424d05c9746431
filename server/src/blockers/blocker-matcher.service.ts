import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { findMatchingBlocker, rankBlockerMatches, type BlockerCandidate, type RankedBlockerMatch } from '@liftoff/shared';
import { Blocker } from './blocker.entity';

/** A pilot's open blockers with every wording each was reported in. */
export interface OpenBlockers {
  blockers: Blocker[];
  candidates: BlockerCandidate[];
}

/**
 * Decides whether a reported text is an open blocker said again. Rewordings ("security review by IT
 * still pending" for "waiting on IT security review") link to the existing blocker, so repetition
 * across weeks stays visible; the rule itself lives in shared/ (similarity.ts), where the update
 * form's prompt uses it too.
 */
@Injectable()
export class BlockerMatcherService {
  async openBlockers(manager: EntityManager, pilotId: string): Promise<OpenBlockers> {
    const blockers = await manager.find(Blocker, { where: { pilotId, status: 'open' }, order: { createdAt: 'ASC', id: 'ASC' } });
    const wordings = await this.wordings(manager, blockers.map((blocker) => blocker.id));
    return { blockers, candidates: blockers.map((blocker) => toCandidate(blocker, wordings.get(blocker.id) ?? [])) };
  }

  /** The open blocker a text is linked to when the post does not say, or null. */
  autoLink(text: string, candidates: readonly BlockerCandidate[]): string | null {
    return findMatchingBlocker(text, undefined, candidates)?.id ?? null;
  }

  rank(text: string, candidates: readonly BlockerCandidate[]): RankedBlockerMatch[] {
    return rankBlockerMatches(text, undefined, candidates);
  }

  private async wordings(manager: EntityManager, blockerIds: string[]): Promise<Map<string, string[]>> {
    const byBlocker = new Map<string, string[]>();
    if (blockerIds.length === 0) return byBlocker;
    const rows: { blocker_id: string; text: string }[] = await manager.query(
      `SELECT blocker_id, text FROM blocker_wordings WHERE blocker_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [blockerIds],
    );
    for (const row of rows) byBlocker.set(row.blocker_id, [...(byBlocker.get(row.blocker_id) ?? []), row.text]);
    return byBlocker;
  }
}

export function toCandidate(blocker: Blocker, wordings: readonly string[]): BlockerCandidate {
  return { id: blocker.id, text: blocker.text, category: blocker.category, wordings };
}
