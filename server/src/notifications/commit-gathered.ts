import type { QueryRunner } from 'typeorm';

/** How deep a runner's transaction is: 1 for the outermost, more inside savepoints, 0 outside. */
export const depthOf = (runner: QueryRunner) => (runner as unknown as { transactionDepth?: number }).transactionDepth ?? (runner.isTransactionActive ? 1 : 0);

/**
 * Items a transaction gathers for its commit, each with the transaction depth (savepoint) it was
 * gathered at, so a rollback to a savepoint drops only what was gathered inside it.
 */
export class CommitGathered<T> {
  private readonly lists = new WeakMap<QueryRunner, { depth: number; item: T }[]>();

  add(runner: QueryRunner, item: T): void {
    const list = this.lists.get(runner) ?? [];
    list.push({ depth: depthOf(runner), item });
    this.lists.set(runner, list);
  }

  has(runner: QueryRunner): boolean {
    return this.lists.has(runner);
  }

  /** Everything gathered, removed from the runner. */
  take(runner: QueryRunner): T[] {
    const list = this.lists.get(runner) ?? [];
    this.lists.delete(runner);
    return list.map((entry) => entry.item);
  }

  /** Before a savepoint is released: what it gathered now belongs to the level around it. */
  released(runner: QueryRunner): void {
    const depth = depthOf(runner);
    for (const entry of this.lists.get(runner) ?? []) if (entry.depth >= depth) entry.depth = depth - 1;
  }

  /** After a rollback: keeps what was gathered outside the rolled-back part. */
  rolledBack(runner: QueryRunner): void {
    const depth = depthOf(runner);
    const kept = (this.lists.get(runner) ?? []).filter((entry) => entry.depth <= depth);
    if (kept.length && depth > 0) this.lists.set(runner, kept);
    else this.lists.delete(runner);
  }
}
