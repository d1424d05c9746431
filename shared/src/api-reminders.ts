/** The reminder settings and the lead's due list, as the API sends them (issue 13). */
import type { ReminderSchedule } from './reminders';
import type { Stage } from './enums';

/** Settings → Update reminders: when leads are reminded and how soon it escalates. */
export interface ReminderSettings extends ReminderSchedule {
  version: number;
  updatedAt: string;
}

/** A partial change; `version` is the one read (a stale one gets 409). */
export interface UpdateReminderSettingsRequest extends Partial<ReminderSchedule> {
  version: number;
}

/** One pilot of the signed-in lead still without this week's update. */
export interface DueUpdate {
  pilotId: string;
  pilotName: string;
  stage: Stage;
  lastUpdateWeek: string | null;
  /** Weeks in a row without an update, this one included. */
  weeksMissing: number;
  /** The dashboard path of the pilot's update form. */
  updatePath: string;
}

/** `GET /api/me/due-updates`: the same list the weekly reminder sends, for the week the person is in now. */
export interface DueUpdates {
  /** The ISO week in the person's own time zone. */
  week: string;
  timeZone: string;
  items: DueUpdate[];
}
