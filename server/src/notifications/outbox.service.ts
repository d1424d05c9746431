import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Outbox, type OutboxMessage } from './delivery-channel';
import { DispatchTrigger } from './dispatch-trigger';

/** Rows per INSERT: one statement per batch keeps a sweep's bulk of events cheap. */
const INSERT_BATCH = 1000;

/**
 * The outbox on PostgreSQL: messages become `outbox_events` rows in the caller's transaction, so they
 * exist exactly when the write commits. After the commit the dispatcher is nudged (in process, never
 * awaited by the write); a scheduled run picks up anything a nudge missed.
 */
@Injectable()
export class OutboxService extends Outbox {
  constructor(private readonly trigger: DispatchTrigger) {
    super();
  }

  async add(manager: EntityManager, message: OutboxMessage): Promise<void> {
    await this.addMany(manager, [message]);
  }

  /** Several messages, one INSERT per thousand. */
  async addMany(manager: EntityManager, messages: OutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    for (let i = 0; i < messages.length; i += INSERT_BATCH) {
      const rows = messages.slice(i, i + INSERT_BATCH).map(({ event, recipientIds }) => ({
        id: event.id,
        event_type: event.type,
        event,
        recipient_ids: recipientIds,
      }));
      await manager.query(
        `INSERT INTO outbox_events (id, event_type, event, recipient_ids)
         SELECT id, event_type, event, recipient_ids FROM jsonb_to_recordset($1::jsonb)
             AS x(id uuid, event_type varchar, event jsonb, recipient_ids uuid[])
         ON CONFLICT (id) DO NOTHING`,
        [JSON.stringify(rows)],
      );
    }
    this.trigger.afterCommit(manager);
  }
}
