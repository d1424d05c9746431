import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DeliveryView, Page, WebhookEventType } from '@liftoff/shared';
import { pageWindow } from '../common/pagination';
import { Delivery } from './delivery.entity';
import { DeliveryListQueryDto } from './dto/delivery-list-query.dto';

function toDeliveryView(delivery: Delivery): DeliveryView {
  return {
    id: delivery.id,
    eventId: delivery.outboxEventId,
    eventType: delivery.eventType as WebhookEventType,
    kind: delivery.kind,
    target: delivery.label,
    channelId: delivery.channelId,
    status: delivery.status,
    attempts: delivery.attempts,
    lastResponseCode: delivery.lastResponseCode,
    lastError: delivery.lastError,
    createdAt: delivery.createdAt.toISOString(),
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt.toISOString() : null,
  };
}

/** The delivery log: what went where, newest first. */
@Injectable()
export class DeliveriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: DeliveryListQueryDto): Promise<Page<DeliveryView>> {
    const window = pageWindow(query);
    const [rows, total] = await this.dataSource.getRepository(Delivery).findAndCount({
      where: { ...(query.status ? { status: query.status } : {}), ...(query.kind ? { kind: query.kind } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: window.skip,
      take: window.pageSize,
    });
    return { items: rows.map(toDeliveryView), total, page: window.page, pageSize: window.pageSize };
  }
}
