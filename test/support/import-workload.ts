import { addIsoWeeks, isoWeekOf } from '@liftoff/shared';

/** One generated weekly update, in the shape of a row of the updates file. */
export interface WorkloadUpdate {
  pilot: string;
  week: string;
  health: 'on_track' | 'at_risk' | 'off_track';
  summary: string;
  confidence: number;
  activeUsers: number;
  outside: number;
  hours: number;
  errorRate: number;
  blocker: string | null;
}

const csvText = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * A portfolio to import: `pilots` pilots in one unit with two KPIs each, and `weeks` weekly updates per
 * pilot ending last week, with readings, a recurring blocker and summaries holding commas and quotes.
 */
export function importWorkload(pilots: number, weeks: number): { pilotsCsv: string; updatesCsv: string; updates: WorkloadUpdate[] } {
  const lastWeek = addIsoWeeks(isoWeekOf(new Date()), -1);
  const firstWeek = addIsoWeeks(lastWeek, -(weeks - 1));
  const pilotRows = ['business_unit,pilot_name,use_case_category,stage,stage_entered_on,start_date,complexity,lead_email,lead_name,kpi_name,kpi_unit,kpi_direction,kpi_baseline,kpi_target,kpi_min'];
  const updateRows = ['business_unit,pilot_name,week,author_email,author_name,health,summary,confidence,active_users,active_users_outside_team,kpi_readings,blockers'];
  const updates: WorkloadUpdate[] = [];
  const start = '2020-01-06';
  for (let p = 0; p < pilots; p += 1) {
    const pilot = `Workload pilot ${String(p).padStart(5, '0')}`;
    const lead = `lead${p % 50}@workload.example`;
    pilotRows.push(`Workload,${pilot},process_automation,piloting,${start},${start},typical,${lead},Lead ${p % 50},Hours saved,hours,higher_is_better,0,40,0`);
    pilotRows.push(`Workload,${pilot},process_automation,piloting,${start},${start},typical,${lead},Lead ${p % 50},Error rate,%,lower_is_better,10,2,0`);
    for (let w = 0; w < weeks; w += 1) {
      const seed = p * 7919 + w * 104_729;
      const update: WorkloadUpdate = {
        pilot,
        week: addIsoWeeks(firstWeek, w),
        health: (['on_track', 'at_risk', 'off_track'] as const)[seed % 3],
        summary: `Week ${w + 1}: "steady", users up, ${seed % 97} tickets closed`,
        confidence: 1 + (seed % 5),
        activeUsers: 10 + (seed % 40),
        outside: seed % 10,
        hours: (seed % 400) / 10,
        errorRate: (seed % 100) / 10,
        blocker: w % 5 < 3 ? `Waiting on access to system ${p % 7}` : null,
      };
      updates.push(update);
      updateRows.push(
        [
          'Workload', pilot, update.week, lead, `Lead ${p % 50}`, update.health, csvText(update.summary), update.confidence, update.activeUsers, update.outside,
          csvText(`Hours saved: ${update.hours}\nError rate: ${update.errorRate}`), update.blocker ? `integration: ${update.blocker}` : '',
        ].join(','),
      );
    }
  }
  return { pilotsCsv: pilotRows.join('\r\n') + '\r\n', updatesCsv: updateRows.join('\r\n') + '\r\n', updates };
}

/** Uploads a file to an import route of a running server (multipart, as the dashboard sends it). */
export async function uploadImport(baseUrl: string, token: string, path: string, body: string, fields: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  form.set('file', new Blob([body], { type: 'text/csv' }), 'file.csv');
  return fetch(`${baseUrl}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
}
