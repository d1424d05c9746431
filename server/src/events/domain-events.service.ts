import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent, DomainEventOf, DomainEventType } from './domain-events';

export type DomainEventListener<T extends DomainEventType> = (manager: EntityManager, event: DomainEventOf<T>) => Promise<void>;

/**
 * In-transaction event bus. `emit` awaits every listener of the event's type, in registration
 * order, with the emitting transaction's manager: a listener that fails fails the write.
 * (Deliveries that must never fail a write, such as notifications, belong in an outbox a
 * listener fills, not in a listener that calls out.)
 */
@Injectable()
export class DomainEvents {
  private readonly listeners = new Map<DomainEventType, DomainEventListener<DomainEventType>[]>();

  on<T extends DomainEventType>(type: T, listener: DomainEventListener<T>): void {
    const list = this.listeners.get(type) ?? [];
    list.push(listener as unknown as DomainEventListener<DomainEventType>);
    this.listeners.set(type, list);
  }

  async emit(manager: EntityManager, event: DomainEvent): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      // Listeners write: outside a transaction their work would not roll back with the write.
      throw new Error(`Domain event ${event.type} must be emitted inside the write's transaction`);
    }
    for (const listener of this.listeners.get(event.type) ?? []) await listener(manager, event as never);
  }
}
