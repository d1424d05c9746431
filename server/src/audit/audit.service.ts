import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { AuditEventView, Page } from '@liftoff/shared';
import { pageWindow } from '../common/pagination';
import { Person } from '../people/person.entity';
import { AuditEvent } from './audit-event.entity';
import { AuditQueryDto } from './dto/audit-query.dto';

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first, filterable by entity and by person. */
  async list(query: AuditQueryDto): Promise<Page<AuditEventView>> {
    const window = pageWindow(query);
    const [rows, total] = await this.dataSource.getRepository(AuditEvent).findAndCount({
      where: { entity: query.entity, entityId: query.entityId, actorId: query.actorId },
      order: { at: 'DESC', id: 'ASC' },
      skip: window.skip,
      take: window.pageSize,
    });
    const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => id !== null))];
    const people = actorIds.length ? await this.dataSource.manager.findBy(Person, { id: In(actorIds) }) : [];
    const names = new Map(people.map((person) => [person.id, person.name]));
    return {
      items: rows.map((row) => ({
        id: row.id,
        at: row.at.toISOString(),
        actor: row.actorId ? { id: row.actorId, name: names.get(row.actorId) ?? '(removed)' } : null,
        entity: row.entity,
        entityId: row.entityId,
        action: row.action,
        before: row.before,
        after: row.after,
      })),
      total,
      page: window.page,
      pageSize: window.pageSize,
    };
  }
}
