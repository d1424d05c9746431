import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { AuditEventView, AuditQuery, Page } from '@liftoff/shared';
import { inOrderedBatches } from '../common/ordered-batches';
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
    const builder = this.trail(query).offset(window.skip).limit(window.pageSize);
    const [items, total] = await Promise.all([this.views(builder), builder.getCount()]);
    return { items, total, page: window.page, pageSize: window.pageSize };
  }

  /** The same trail without pages, a batch at a time (its export). */
  async *listAll(query: AuditQuery): AsyncGenerator<AuditEventView[]> {
    const ids = (await this.trail(query).select('event.id', 'id').getRawMany<{ id: string }>()).map((row) => row.id);
    const load = (batch: string[]) => this.views(this.trail({}).andWhere('event.id IN (:...batch)', { batch }));
    yield* inOrderedBatches(ids, load, (event) => event.id);
  }

  /** The trail filtered, newest first, with the actor's name. */
  private trail(query: AuditQuery) {
    const builder = this.dataSource.getRepository(AuditEvent).createQueryBuilder('event')
      // actorId is a plain column (history outlives people), so the join is by value and may find no one.
      .leftJoin(Person, 'actor', 'actor.id = event.actorId')
      .addSelect('actor.name', 'actor_name');
    if (query.entity) builder.andWhere('event.entity = :entity', { entity: query.entity });
    if (query.entityId) builder.andWhere('event.entityId = :entityId', { entityId: query.entityId });
    if (query.actorId) builder.andWhere('event.actorId = :actorId', { actorId: query.actorId });
    return builder.orderBy('event.at', 'DESC').addOrderBy('event.id', 'ASC');
  }

  private async views(builder: SelectQueryBuilder<AuditEvent>): Promise<AuditEventView[]> {
    const { entities, raw } = await builder.getRawAndEntities<{ actor_name: string | null }>();
    const names = await this.namesOf(entities);
    return entities.map((event, index) => ({
      id: event.id,
      at: event.at.toISOString(),
      actorId: event.actorId,
      actorName: event.actorId ? (raw[index].actor_name ?? null) : null,
      entity: event.entity,
      entityId: event.entityId,
      action: event.action,
      before: event.before,
      after: event.after,
      names: pick(names, referencedIds(event)),
    }));
  }

  /** Names of every record the events refer to, in one statement over the named tables. */
  private async namesOf(events: AuditEvent[]): Promise<Map<string, string>> {
    const ids = [...new Set(events.flatMap(referencedIds))];
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT id::text, name FROM pilots WHERE id = ANY($1::uuid[])
       UNION ALL SELECT id::text, name FROM people WHERE id = ANY($1::uuid[])
       UNION ALL SELECT id::text, name FROM business_units WHERE id = ANY($1::uuid[])
       UNION ALL SELECT id::text, name FROM kpis WHERE id = ANY($1::uuid[])
       UNION ALL SELECT id::text, text AS name FROM blockers WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The event's own id and every id among its top-level values (arrays included). */
function referencedIds(event: AuditEvent): string[] {
  const values = [...Object.values(event.before ?? {}), ...Object.values(event.after ?? {})].flatMap((value) => (Array.isArray(value) ? value : [value]));
  return [event.entityId, ...values].filter((value): value is string => typeof value === 'string' && UUID.test(value));
}

function pick(names: Map<string, string>, ids: string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const id of ids) {
    const name = names.get(id);
    if (name !== undefined) picked[id] = name;
  }
  return picked;
}
