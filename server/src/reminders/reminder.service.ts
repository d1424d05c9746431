import { randomUUID } from 'node:crypto';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  currentWeekIn,
  escalationSteps,
  escalationGroup,
  isTimeZone,
  reminderMomentReached,
  UPDATE_STAGES,
  updateFormPath,
  type PersonRef,
  type ReminderLevel,
  type ReminderSchedule,
  type UpdateReminderEvent,
} from '@liftoff/shared';
import type { AppConfig } from '../config/config.schema';
import { Outbox } from '../notifications/delivery-channel';
import { duePilotsOfLeads, stillDuePilots, type DuePilotRow } from './due-pilots';
import { ReminderSettingsService } from './reminder-settings.service';

const DAY_MS = 86_400_000;

interface Escalation {
  pilot: DuePilotRow;
  deadline: Date;
}

/**
 * The hourly reminder run. Each reminder is its own transaction: the `reminders_sent` row and the outbox
 * message commit together, and the row's unique key (person, week, level) makes it once-only, however
 * many server instances run the same hour and however late a run comes.
 */
@Injectable()
export class ReminderService {
  private readonly logger = new Logger(ReminderService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: ReminderSettingsService,
    private readonly config: ConfigService<AppConfig, true>,
    /** Provided by the notifications module; without it nothing can be sent, so nothing is recorded as sent. */
    @Optional() private readonly outbox?: Outbox,
  ) {}

  get canSend(): boolean {
    return Boolean(this.outbox);
  }

  /** Sends whatever is due at `now` and answers the events this instance sent. */
  async run(now: Date): Promise<UpdateReminderEvent[]> {
    if (!this.outbox) {
      this.logger.warn('No outbox is configured: update reminders are not sent');
      return [];
    }
    const schedule = await this.settings.schedule();
    if (!schedule.enabled) return [];
    const reminders = await this.remindLeads(now, schedule);
    const escalations = await this.escalate(now, schedule);
    return [...reminders, ...escalations];
  }

  /** Every lead whose reminder moment has come this week (in their zone) and who was not reminded yet. */
  private async remindLeads(now: Date, schedule: ReminderSchedule): Promise<UpdateReminderEvent[]> {
    const leads: { id: string; name: string; time_zone: string }[] = await this.dataSource.query(
      `SELECT DISTINCT person.id, person.name, person.time_zone
       FROM people person JOIN pilots p ON p.lead_id = person.id
       WHERE person.deactivated_at IS NULL AND p.stage::text = ANY($1)`,
      [UPDATE_STAGES],
    );
    const ready = leads
      .map((lead) => ({ ...lead, zone: isTimeZone(lead.time_zone) ? lead.time_zone : 'UTC' }))
      .filter((lead) => reminderMomentReached(now, lead.zone, schedule))
      .map((lead) => ({ lead, week: currentWeekIn(now, lead.zone) }));
    const alreadySent = await this.sentKeys('lead', ready.map((r) => r.lead.id));
    const pending = ready.filter((r) => !alreadySent.has(`${r.lead.id}|${r.week}`));
    const due = await duePilotsOfLeads(this.dataSource.manager, pending.map((r) => ({ leadId: r.lead.id, week: r.week })));
    const sent: UpdateReminderEvent[] = [];
    for (const { lead, week } of pending) {
      const pilots = due.filter((pilot) => pilot.leadId === lead.id);
      const event = await this.send(now, 'lead', 0, { id: lead.id, name: lead.name }, week, pilots);
      if (event) sent.push(event);
    }
    return sent;
  }

  /** Pilots still without their update after a lead's reminder: to the sponsor, then the program office. */
  private async escalate(now: Date, schedule: ReminderSchedule): Promise<UpdateReminderEvent[]> {
    const lookBackDays = schedule.sponsorGraceDays + schedule.officeGraceDays + 8;
    const reminded: { week: string; pilot_ids: string[]; sent_at: Date }[] = await this.dataSource.query(
      `SELECT week, pilot_ids, sent_at FROM reminders_sent
       WHERE level = 'lead' AND sent_at > $1 AND sent_at <= $2 ORDER BY sent_at`,
      [new Date(now.getTime() - lookBackDays * DAY_MS), now],
    );
    const remindedAt = new Map<string, Date>(); // pilot|week -> the first reminder that listed it
    for (const row of reminded) {
      for (const pilotId of row.pilot_ids) {
        const key = `${pilotId}|${row.week}`;
        if (!remindedAt.has(key)) remindedAt.set(key, new Date(row.sent_at));
      }
    }
    const pilots = await stillDuePilots(this.dataSource.manager, [...remindedAt.keys()].map((key) => {
      const [pilotId, week] = key.split('|');
      return { pilotId, week };
    }));
    // One message per recipient, week and step; the grouping window gathers the zones of one week.
    const groups = new Map<string, Escalation[]>(); // level|step|week|sponsorId
    for (const pilot of pilots) {
      for (const step of escalationSteps(remindedAt.get(`${pilot.id}|${pilot.week}`)!, pilot.sponsorId !== null, schedule)) {
        push(groups, `${step.level}|${step.step}|${pilot.week}|${step.level === 'sponsor' ? pilot.sponsorId : ''}`, { pilot, deadline: step.deadline });
      }
    }
    const due = [...groups].map(([key, items]) => ({ key: key.split('|'), items: escalationGroup(items, now).map((i) => i.pilot) })).filter((g) => g.items.length);
    if (!due.length) return [];
    const office: PersonRef[] = await this.dataSource.query(
      `SELECT id, name FROM people WHERE role = 'program_office' AND deactivated_at IS NULL ORDER BY name, id`,
    );
    const sponsors = await this.peopleByIds(due.filter((g) => g.key[0] === 'sponsor').map((g) => g.key[3]));
    const sent: UpdateReminderEvent[] = [];
    for (const { key: [level, step, week, sponsorId], items } of due) {
      const recipients = level === 'sponsor' ? [sponsors.get(sponsorId)].filter((p): p is PersonRef => Boolean(p)) : office;
      for (const recipient of recipients) {
        const event = await this.send(now, level as ReminderLevel, Number(step), recipient, week, items);
        if (event) sent.push(event);
      }
    }
    return sent;
  }

  /** Records and queues one message, unless another run already did (then answers null). */
  private send(now: Date, level: ReminderLevel, step: number, recipient: PersonRef, week: string, pilots: DuePilotRow[]): Promise<UpdateReminderEvent | null> {
    if (!pilots.length) return Promise.resolve(null);
    const event = this.event(now, level, recipient, week, pilots);
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO reminders_sent (person_id, week, level, step, pilot_ids, sent_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT ON CONSTRAINT reminders_sent_once DO NOTHING RETURNING id`,
        [recipient.id, week, level, step, pilots.map((p) => p.id), now],
      );
      if (!inserted.length) return null;
      await this.outbox!.add(manager, { event, recipientIds: [recipient.id] });
      return event;
    });
  }

  private event(now: Date, level: ReminderLevel, recipient: PersonRef, week: string, pilots: DuePilotRow[]): UpdateReminderEvent {
    const base = this.config.get('PUBLIC_URL', { infer: true });
    return {
      id: randomUUID(),
      type: 'update.reminder',
      occurredAt: now.toISOString(),
      data: {
        level,
        recipient,
        week,
        pilots: pilots.map((pilot) => ({
          pilot: { id: pilot.id, name: pilot.name, stage: pilot.stage, businessUnitId: pilot.businessUnitId },
          lead: { id: pilot.leadId, name: pilot.leadName },
          weeksMissing: pilot.weeksMissing,
          updateUrl: `${base}${updateFormPath(pilot.id)}`,
        })),
      },
    };
  }

  private async sentKeys(level: ReminderLevel, personIds: string[]): Promise<Set<string>> {
    if (!personIds.length) return new Set();
    const rows: { person_id: string; week: string }[] = await this.dataSource.query(
      `SELECT person_id, week FROM reminders_sent WHERE level = $1 AND person_id = ANY($2::uuid[])`,
      [level, personIds],
    );
    return new Set(rows.map((r) => `${r.person_id}|${r.week}`));
  }

  private async peopleByIds(ids: string[]): Promise<Map<string, PersonRef>> {
    if (!ids.length) return new Map();
    const rows: PersonRef[] = await this.dataSource.query(`SELECT id, name FROM people WHERE id = ANY($1::uuid[]) AND deactivated_at IS NULL`, [ids]);
    return new Map(rows.map((r) => [r.id, r]));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
