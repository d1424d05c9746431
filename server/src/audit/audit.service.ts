import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuditEventView, Page } from '@liftoff/shared';
import { pageWindow } from '../common/pagination';
import { Person } from '../people/person.entity';
import { AuditEvent } from './audit-event.entity';
import { AuditQueryDto } from './dto/audit-query.dto';

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first, filterable by entity and by person; the actor's name is joined in the same query. */
  async list(query: AuditQueryDto): Promise<Page<AuditEventView>> {
    const window = pageWindow(query);
    const builder = this.dataSource.getRepository(AuditEvent).createQueryBuilder('event')
      // actorId is a plain column (history outlives people), so the join is by value and may find no one.
      .leftJoin(Person, 'actor', 'actor.id = event.actorId')
      .addSelect('actor.name', 'actor_name');
    if (query.entity) builder.andWhere('event.entity = :entity', { entity: query.entity });
    if (query.entityId) builder.andWhere('event.entityId = :entityId', { entityId: query.entityId });
    if (query.actorId) builder.andWhere('event.actorId = :actorId', { actorId: query.actorId });
    builder.orderBy('event.at', 'DESC').addOrderBy('event.id', 'ASC').offset(window.skip).limit(window.pageSize);
    const [{ entities, raw }, total] = await Promise.all([builder.getRawAndEntities<{ actor_name: string | null }>(), builder.getCount()]);
    return {
      items: entities.map((event, index) => ({
        id: event.id,
        at: event.at.toISOString(),
        actorId: event.actorId,
        actorName: event.actorId ? (raw[index].actor_name ?? null) : null,
        entity: event.entity,
        entityId: event.entityId,
        action: event.action,
        before: event.before,
        after: event.after,
      })),
      total,
      page: window.page,
      pageSize: window.pageSize,
    };
  }
}
