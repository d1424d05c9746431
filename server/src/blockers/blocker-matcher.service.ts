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
  /** One statement: the blockers with their wordings (oldest first) alongside. */
  async openBlockers(manager: EntityManager, pilotId: string): Promise<OpenBlockers> {
    const { entities: blockers, raw } = await manager
      .createQueryBuilder(Blocker, 'b')
      .addSelect(`(SELECT coalesce(json_agg(w.text ORDER BY w.created_at, w.id), '[]'::json) FROM blocker_wordings w WHERE w.blocker_id = b.id)`, 'wordings')
      .where('b.pilotId = :pilotId AND b.status = :status', { pilotId, status: 'open' })
      .orderBy('b.createdAt', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .getRawAndEntities<{ b_id: string; wordings: string[] }>();
    const wordings = new Map(raw.map((row) => [row.b_id, row.wordings]));
    return { blockers, candidates: blockers.map((blocker) => toCandidate(blocker, wordings.get(blocker.id) ?? [])) };
  }

  /** The open blocker a text is linked to when the post does not say, or null. */
  autoLink(text: string, candidates: readonly BlockerCandidate[]): string | null {
    return findMatchingBlocker(text, undefined, candidates)?.id ?? null;
  }

  rank(text: string, candidates: readonly BlockerCandidate[]): RankedBlockerMatch[] {
    return rankBlockerMatches(text, undefined, candidates);
  }
}

export function toCandidate(blocker: Blocker, wordings: readonly string[]): BlockerCandidate {
  return { id: blocker.id, text: blocker.text, category: blocker.category, wordings };
}
