import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Blocker as BlockerView, SplitBlockerResponse } from '@liftoff/shared';
import { loadForEdit } from '../common/optimistic-lock';
import { RequestValidationException } from '../common/validation';
import { DomainEvents } from '../events/domain-events.service';
import { WeeklyUpdate } from '../updates/weekly-update.entity';
import { Blocker } from './blocker.entity';
import { BlockerWording } from './blocker-wording.entity';
import { toBlockerView } from './blocker.mapper';
import { recomputeSeenWeeks } from './blocker-register';
import { MergeBlockersDto, SplitBlockerDto } from './dto/blocker.dto';

/**
 * The program office's corrections of the matcher: merging two blockers that are one, and splitting
 * off a mention that was linked to the wrong blocker. Each is one transaction, optimistic-locked on
 * every blocker it changes, audited through the entity writes, and re-analyses the pilot.
 */
@Injectable()
export class BlockerCorrectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  /** Blocker `id` joins `intoId`: its mentions and wordings move over and `id` is deleted. */
  merge(id: string, dto: MergeBlockersDto, actorId: string | null = null): Promise<BlockerView> {
    if (dto.intoId === id) throw invalid('intoId', 'intoId must be another blocker than the one merged');
    return this.dataSource.transaction(async (manager) => {
      const absorbed = await loadForEdit(manager, Blocker, id, dto.version, 'Blocker');
      const survivor = await manager.findOne(Blocker, { where: { id: dto.intoId }, lock: { mode: 'pessimistic_write' } });
      if (!survivor) throw invalid('intoId', `intoId ${dto.intoId} does not exist`);
      if (survivor.pilotId !== absorbed.pilotId) throw invalid('intoId', 'intoId must be a blocker of the same pilot');
      if (survivor.version !== dto.intoVersion) {
        throw new ConflictException(`Blocker ${survivor.id} was changed by someone else (you sent intoVersion ${dto.intoVersion}, current is ${survivor.version}); reload and try again`);
      }
      // An update that mentioned both keeps one mention, of the survivor.
      await manager.query(
        `UPDATE update_blockers SET blocker_id = $2 WHERE blocker_id = $1
            AND update_id NOT IN (SELECT update_id FROM update_blockers WHERE blocker_id = $2)`,
        [absorbed.id, survivor.id],
      );
      await manager.query(`DELETE FROM update_blockers WHERE blocker_id = $1`, [absorbed.id]);
      const wordings = await manager.find(BlockerWording, { where: { blockerId: absorbed.id } });
      if (!wordings.some((wording) => wording.text === absorbed.text)) {
        wordings.push(manager.create(BlockerWording, { text: absorbed.text, updateId: null }));
      }
      await manager.save(wordings.map((wording) => Object.assign(wording, { blockerId: survivor.id })));
      if (absorbed.status === 'open' && survivor.status === 'resolved') {
        Object.assign(survivor, { status: 'open', resolvedAt: null, resolutionNote: null });
      }
      await manager.save(survivor);
      await manager.remove(absorbed);
      await recomputeSeenWeeks(manager, [survivor.id]);
      await bumpVersion(manager, survivor.id, dto.intoVersion);
      await this.events.emit(manager, { type: 'pilot.changed', change: 'blockers_merged', pilotId: survivor.pilotId, actorId });
      return this.view(manager, survivor.id);
    });
  }

  /** One update's mention of blocker `id` becomes a new blocker, in the words that update used. */
  split(id: string, dto: SplitBlockerDto, actorId: string | null = null): Promise<SplitBlockerResponse> {
    return this.dataSource.transaction(async (manager) => {
      const original = await loadForEdit(manager, Blocker, id, dto.version, 'Blocker');
      const mentions: { update_id: string }[] = await manager.query(`SELECT update_id FROM update_blockers WHERE blocker_id = $1`, [id]);
      if (!mentions.some((mention) => mention.update_id === dto.updateId)) {
        throw invalid('updateId', `updateId ${dto.updateId} does not mention blocker ${id}`);
      }
      if (mentions.length === 1) throw new ConflictException(`Blocker ${id} has only this mention; there is nothing to split it from`);
      const update = await manager.findOneByOrFail(WeeklyUpdate, { id: dto.updateId });
      const wordings = await manager.find(BlockerWording, { where: { blockerId: id, updateId: dto.updateId }, order: { createdAt: 'ASC', id: 'ASC' } });
      const created = await manager.save(manager.create(Blocker, {
        pilotId: original.pilotId,
        text: wordings[0]?.text ?? original.text,
        category: original.category,
        status: 'open',
        firstSeenWeek: update.week,
        lastSeenWeek: update.week,
        resolvedAt: null,
        resolutionNote: null,
      }));
      await manager.query(`UPDATE update_blockers SET blocker_id = $3 WHERE blocker_id = $1 AND update_id = $2`, [id, dto.updateId, created.id]);
      await manager.save(wordings.map((wording) => Object.assign(wording, { blockerId: created.id })));
      await recomputeSeenWeeks(manager, [id]);
      await bumpVersion(manager, id, dto.version);
      await this.events.emit(manager, { type: 'pilot.changed', change: 'blocker_split', pilotId: original.pilotId, actorId });
      return { original: await this.view(manager, id), created: await this.view(manager, created.id) };
    });
  }

  private async view(manager: EntityManager, id: string): Promise<BlockerView> {
    const blocker = await manager.findOneByOrFail(Blocker, { id });
    const [{ count }]: { count: number }[] = await manager.query(`SELECT count(*)::int AS count FROM update_blockers WHERE blocker_id = $1`, [id]);
    return toBlockerView(blocker, count);
  }
}

/** Moving mentions changes a blocker even when none of its columns did: its version moves on. */
async function bumpVersion(manager: EntityManager, id: string, readVersion: number): Promise<void> {
  const current = await manager.findOneByOrFail(Blocker, { id });
  if (current.version === readVersion) await manager.increment(Blocker, { id }, 'version', 1);
}

function invalid(field: string, message: string): RequestValidationException {
  return new RequestValidationException([{ field, messages: [message] }]);
}
