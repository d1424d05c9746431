import type { Blocker } from './api';
import type { BlockerCategory } from './enums';

/** GET /api/pilots/:pilotId/blocker-matches?text= : which open blockers a newly typed text may be. */
export interface BlockerMatchQuery {
  text: string;
}

/** An open blocker of the pilot that a typed text resembles, best first. */
export interface BlockerMatch {
  blockerId: string;
  text: string;
  category: BlockerCategory;
  /** 0-1; only matches at or above the suggestion threshold are listed. */
  score: number;
  /** True when posting the text without saying which blocker it is would link it to this one. */
  autoLink: boolean;
  /** The blocker's wording (of all it was reported in) that the text resembles most. */
  matchedWording: string;
}

/** POST /api/blockers/:id/merge : blocker :id is absorbed into `intoId` (same pilot). */
export interface MergeBlockersRequest {
  intoId: string;
  /** The version of blocker :id you read. */
  version: number;
  /** The version of blocker `intoId` you read. */
  intoVersion: number;
}

/** POST /api/blockers/:id/split : one update's mention of blocker :id becomes a new blocker. */
export interface SplitBlockerRequest {
  updateId: string;
  version: number;
}

export interface SplitBlockerResponse {
  /** The blocker the mention was taken from. */
  original: Blocker;
  /** The new blocker that now holds the mention. */
  created: Blocker;
}

/** GET /api/blockers/:id/mentions : the updates that reported a blocker, with the words they used. */
export interface BlockerMention {
  updateId: string;
  week: string;
  /** As the lead typed it; the register's text where no wording was kept. */
  text: string;
}
