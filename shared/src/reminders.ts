/**
 * When weekly-update reminders go out and when they escalate (issue 13). The server's reminder run and
 * the lead's "Updates due this week" list both decide with these functions, so they always agree.
 * Every person's week and hour are taken in their own IANA time zone: a lead in Auckland is reminded
 * on their Thursday morning, which is still Wednesday afternoon in Los Angeles.
 */
import { isoWeekOf, isoWeeksBetween } from './iso-week';
import { takesUpdates } from './stages';
import type { Stage } from './enums';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** ISO weekday numbers: 1 is Monday, 7 is Sunday. */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const REMINDER_GRACE_DAYS_MAX = 14;

/** What the program office configures (Settings → Update reminders). */
export interface ReminderSchedule {
  enabled: boolean;
  /** ISO weekday of the lead's reminder, 1 (Monday) to 7 (Sunday), in the lead's own zone. */
  weekday: number;
  /** Hour of that day, 0–23, in the lead's own zone. */
  hour: number;
  /** Days after the lead's reminder before the sponsor is told. */
  sponsorGraceDays: number;
  /** Days after the sponsor's deadline before the program office is told. */
  officeGraceDays: number;
}

export const DEFAULT_REMINDER_SCHEDULE: ReminderSchedule = { enabled: true, weekday: 4, hour: 10, sponsorGraceDays: 2, officeGraceDays: 2 };

/** The wall-clock date and hour at an instant in a zone. */
export interface LocalTime {
  /** `YYYY-MM-DD` */
  date: string;
  /** 1 (Monday) to 7 (Sunday) */
  weekday: number;
  hour: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return { date, weekday, hour: Number(parts.hour) % 24 };
}

/** The ISO week a person is living in at `instant` (Monday 00:00 to Sunday 24:00 of their own zone). */
export function currentWeekIn(instant: Date, timeZone: string): string {
  return isoWeekOf(new Date(`${localTime(instant, timeZone).date}T00:00:00Z`));
}

/**
 * Whether this week's reminder moment has come for a person: their local weekday and hour are at or
 * past the configured ones, within their current ISO week. "At or past" (not "exactly") means a run
 * missed while the server was down still sends later that week, and an hour skipped by a daylight-saving
 * change (02:00 on a spring-forward night) does not skip the reminder. The caller checks "not sent yet".
 */
export function reminderMomentReached(instant: Date, timeZone: string, schedule: Pick<ReminderSchedule, 'weekday' | 'hour'>): boolean {
  const local = localTime(instant, timeZone);
  return local.weekday * 24 + local.hour >= schedule.weekday * 24 + schedule.hour;
}

/** A pilot's part in the rule: its stage, and the latest week it has an update for. */
export interface DueInput {
  stage: Stage;
  /** ISO week of the pilot's latest update (null: never posted). */
  lastUpdateWeek: string | null;
  /** Whether an update exists for the week being checked (a later week's update does not count). */
  hasUpdateForWeek: boolean;
  /** `YYYY-MM-DD`: weeks before the pilot started are not counted as missing. */
  startDate: string;
}

/** Due: the stage takes updates (proposed, piloting, scaling; not paused or closed) and the week has none. */
export function isUpdateDue(pilot: Pick<DueInput, 'stage' | 'hasUpdateForWeek'>): boolean {
  return takesUpdates(pilot.stage) && !pilot.hasUpdateForWeek;
}

/** Weeks in a row without an update, `week` included: since the latest update, or since the pilot's start. */
export function weeksMissing(pilot: Pick<DueInput, 'lastUpdateWeek' | 'startDate'>, week: string): number {
  if (pilot.lastUpdateWeek) return Math.max(1, isoWeeksBetween(pilot.lastUpdateWeek, week));
  const startWeek = isoWeekOf(new Date(`${pilot.startDate}T00:00:00Z`));
  return Math.max(1, isoWeeksBetween(startWeek, week) + 1);
}

/**
 * One escalation of a pilot: who hears of it, and when. `step` counts the grace periods passed (1 or 2);
 * a program office hears of unsponsored pilots at step 1 and of sponsored ones at step 2, in separate messages.
 */
export interface EscalationStep {
  level: 'sponsor' | 'program_office';
  step: 1 | 2;
  deadline: Date;
}

/**
 * When a pilot reminded to its lead at `leadRemindedAt` escalates, if its update is still missing: to the
 * sponsor after the sponsor grace, to the program office after the office grace on top; a pilot with no
 * sponsor goes to the program office after the first grace (nobody stands between).
 */
export function escalationSteps(
  leadRemindedAt: Date,
  hasSponsor: boolean,
  schedule: Pick<ReminderSchedule, 'sponsorGraceDays' | 'officeGraceDays'>,
): EscalationStep[] {
  const first = new Date(leadRemindedAt.getTime() + schedule.sponsorGraceDays * DAY_MS);
  if (!hasSponsor) return [{ level: 'program_office', step: 1, deadline: first }];
  return [
    { level: 'sponsor', step: 1, deadline: first },
    { level: 'program_office', step: 2, deadline: new Date(first.getTime() + schedule.officeGraceDays * DAY_MS) },
  ];
}

/**
 * Leads of one week are reminded at the same local hour across every zone, which spreads over about a day
 * of real time. An escalation goes out when the first of its pilots passes its deadline and also lists the
 * ones whose deadline falls within this window, so a sponsor gets one message rather than one per zone.
 */
export const ESCALATION_GROUPING_MS = 27 * HOUR_MS;

/** A deadline older than this is not acted on any more: a week-old escalation would only be noise. */
export const ESCALATION_STALE_MS = 7 * DAY_MS;

/** Whether an escalation with this deadline belongs in a message sent at `instant`. */
export function escalationDue(deadline: Date, instant: Date): boolean {
  const lead = deadline.getTime() - instant.getTime();
  return lead <= 0 && -lead < ESCALATION_STALE_MS;
}

/** Pilots to list in a message triggered at `instant`: deadline passed, or due within the grouping window. */
export function escalationGroup<T extends { deadline: Date }>(items: T[], instant: Date): T[] {
  if (!items.some((item) => escalationDue(item.deadline, instant))) return [];
  return items.filter((item) => {
    const lead = item.deadline.getTime() - instant.getTime();
    return lead < ESCALATION_GROUPING_MS && -lead < ESCALATION_STALE_MS;
  });
}

/** The dashboard address of a pilot's weekly-update form. */
export function updateFormPath(pilotId: string): string {
  return `/pilots/${pilotId}/updates/new`;
}
