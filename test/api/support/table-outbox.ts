import { Global, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Outbox, type OutboxMessage } from '../../../server/src/notifications/delivery-channel';

/**
 * Until the outbox branch provides the real one: an Outbox that writes each message as a row of
 * `test_outbox` in the caller's transaction, so a test counts what committed (a rolled-back write leaves none).
 */
export class TableOutbox extends Outbox {
  async add(manager: EntityManager, message: OutboxMessage): Promise<void> {
    await manager.query(`INSERT INTO test_outbox (event, recipient_ids) VALUES ($1, $2)`, [JSON.stringify(message.event), message.recipientIds]);
  }
}

export const CREATE_TEST_OUTBOX = `CREATE TABLE IF NOT EXISTS test_outbox (id serial PRIMARY KEY, event jsonb NOT NULL, recipient_ids uuid[])`;

@Global()
@Module({ providers: [{ provide: Outbox, useClass: TableOutbox }], exports: [Outbox] })
export class TableOutboxModule {}
