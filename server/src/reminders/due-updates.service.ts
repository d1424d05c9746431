import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { currentWeekIn, isTimeZone, updateFormPath, type DueUpdates } from '@liftoff/shared';
import { duePilotsOfLeads } from './due-pilots';

/** The signed-in lead's pilots still without this week's update: what their reminder lists. */
@Injectable()
export class DueUpdatesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forPerson(personId: string, now: Date): Promise<DueUpdates> {
    const [person]: { time_zone: string }[] = await this.dataSource.query(`SELECT time_zone FROM people WHERE id = $1`, [personId]);
    const timeZone = person && isTimeZone(person.time_zone) ? person.time_zone : 'UTC';
    const week = currentWeekIn(now, timeZone);
    const due = await duePilotsOfLeads(this.dataSource.manager, [{ leadId: personId, week }]);
    return {
      week,
      timeZone,
      items: due.map((pilot) => ({
        pilotId: pilot.id,
        pilotName: pilot.name,
        stage: pilot.stage,
        lastUpdateWeek: pilot.lastUpdateWeek,
        weeksMissing: pilot.weeksMissing,
        updatePath: updateFormPath(pilot.id),
      })),
    };
  }
}
