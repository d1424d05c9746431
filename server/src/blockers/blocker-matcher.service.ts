import { Injectable } from '@nestjs/common';
import { exactTextMatcher, type BlockerMatcher } from './blocker-register';

/** Decides whether a reported text is an open blocker said again; injectable so rules can evolve in one place. */
@Injectable()
export class BlockerMatcherService {
  readonly match: BlockerMatcher = exactTextMatcher;
}
