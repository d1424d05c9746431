import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ReminderSchedule, ReminderSettings } from '@liftoff/shared';
import { loadForEdit } from '../common/optimistic-lock';
import { ReminderSettingsRecord } from './reminder-settings.entity';
import { UpdateReminderSettingsDto } from './dto/reminder-settings.dto';

const SETTINGS_ID = 1;

@Injectable()
export class ReminderSettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async schedule(manager: EntityManager = this.dataSource.manager): Promise<ReminderSchedule> {
    const { enabled, weekday, hour, sponsorGraceDays, officeGraceDays } = await this.record(manager);
    return { enabled, weekday, hour, sponsorGraceDays, officeGraceDays };
  }

  async get(): Promise<ReminderSettings> {
    return toView(await this.record(this.dataSource.manager));
  }

  update(dto: UpdateReminderSettingsDto): Promise<ReminderSettings> {
    return this.dataSource.transaction(async (manager) => {
      const record = await loadForEdit(manager, ReminderSettingsRecord, SETTINGS_ID as unknown as string, dto.version, 'Reminder settings');
      for (const key of ['enabled', 'weekday', 'hour', 'sponsorGraceDays', 'officeGraceDays'] as const) {
        if (dto[key] !== undefined) (record[key] as unknown) = dto[key];
      }
      return toView(await manager.save(record));
    });
  }

  private record(manager: EntityManager): Promise<ReminderSettingsRecord> {
    return manager.findOneOrFail(ReminderSettingsRecord, { where: { id: SETTINGS_ID } });
  }
}

function toView(record: ReminderSettingsRecord): ReminderSettings {
  return {
    enabled: record.enabled,
    weekday: record.weekday,
    hour: record.hour,
    sponsorGraceDays: record.sponsorGraceDays,
    officeGraceDays: record.officeGraceDays,
    version: record.version,
    updatedAt: record.updatedAt.toISOString(),
  };
}
