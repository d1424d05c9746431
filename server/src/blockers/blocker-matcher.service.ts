import { Injectable } from '@nestjs/common';
import { findMatchingBlocker } from '@liftoff/shared';
import type { BlockerMatcher } from './blocker-register';

/**
 * Decides whether a reported text is an open blocker said again. Rewordings ("security review by IT
 * still pending" for "waiting on IT security review") link to the existing blocker, so repetition
 * across weeks stays visible.
 */
@Injectable()
export class BlockerMatcherService {
  readonly match: BlockerMatcher = (text, open) => {
    const found = findMatchingBlocker(text, undefined, open);
    return found ? (open.find((blocker) => blocker.id === found.id) ?? null) : null;
  };
}
