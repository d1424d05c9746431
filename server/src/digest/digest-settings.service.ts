import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DigestSettings, Weekday } from '@liftoff/shared';
import { loadForEdit } from '../common/optimistic-lock';
import { DigestSettingsRecord } from './digest-settings.entity';
import { UpdateDigestSettingsDto } from './dto/digest-settings.dto';

const SETTINGS_ID = 1;

@Injectable()
export class DigestSettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  record(manager: EntityManager = this.dataSource.manager): Promise<DigestSettingsRecord> {
    return manager.findOneOrFail(DigestSettingsRecord, { where: { id: SETTINGS_ID } });
  }

  async get(): Promise<DigestSettings> {
    return toView(await this.record());
  }

  update(dto: UpdateDigestSettingsDto): Promise<DigestSettings> {
    return this.dataSource.transaction(async (manager) => {
      const record = await loadForEdit(manager, DigestSettingsRecord, SETTINGS_ID as unknown as string, dto.version, 'Digest settings');
      if (dto.enabled !== undefined) record.enabled = dto.enabled;
      if (dto.weekday !== undefined) record.weekday = dto.weekday;
      if (dto.hour !== undefined) record.hour = dto.hour;
      return toView(await manager.save(record));
    });
  }
}

function toView(record: DigestSettingsRecord): DigestSettings {
  return { enabled: record.enabled, weekday: record.weekday as Weekday, hour: record.hour, version: record.version, updatedAt: record.updatedAt.toISOString() };
}
