import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { compareIsoWeeks, isoWeekOf, PILOT_FILE_COLUMNS, UPDATE_FILE_COLUMNS, type PilotFileHeader, type SpreadsheetFormat, type UpdateFileHeader } from '@liftoff/shared';
import { Pilot } from '../pilots/pilot.entity';
import { PilotsService } from '../pilots/pilots.service';
import { PilotListQueryDto } from '../pilots/dto/pilot-query.dto';
import { allPages } from '../common/pagination';
import { Kpi } from '../kpis/kpi.entity';
import { WeeklyUpdate } from '../updates/weekly-update.entity';
import { writeSpreadsheet, type SpreadsheetCell, type SpreadsheetFile } from '../spreadsheets/spreadsheet-writer';
import { datedExportName } from '../spreadsheets/export-file-name';

/** Byte order, not the database's collation: the same data gives the same file on every server. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** A list cell holds one item per line, so an item's own line breaks become spaces. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');

/** The portfolio in the import's own columns: exporting and importing give back the same file. */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pilotList: PilotsService,
  ) {}

  /** Every pilot, or those the list's filters pick in the list's order (the pilots page's export). */
  async pilots(format: SpreadsheetFormat, filters: Omit<PilotListQueryDto, 'page' | 'pageSize'> = {}): Promise<SpreadsheetFile> {
    const listed = Object.values(filters).some((value) => value !== undefined) ? await this.pilotIdsInListOrder(filters) : null;
    const pilots = await this.dataSource.getRepository(Pilot).find({ where: listed ? { id: In(listed) } : {}, relations: { businessUnit: true, lead: true, sponsor: true } });
    const kpis = await this.dataSource.getRepository(Kpi).find({ where: listed ? { pilotId: In(listed) } : {} });
    if (listed) {
      const position = new Map(listed.map((id, index) => [id, index]));
      pilots.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    } else pilots.sort((a, b) => byText(a.businessUnit!.name, b.businessUnit!.name) || byText(a.name, b.name) || byText(a.id, b.id));
    const rows: Record<PilotFileHeader, SpreadsheetCell>[] = [];
    for (const pilot of pilots) {
      const own = kpis.filter((kpi) => kpi.pilotId === pilot.id).sort((a, b) => byText(a.name, b.name));
      const base = {
        business_unit: pilot.businessUnit!.name,
        pilot_name: pilot.name,
        summary: pilot.summary,
        use_case_category: pilot.useCaseCategory,
        stage: pilot.stage,
        stage_entered_on: pilot.stageEnteredAt.toISOString().slice(0, 10),
        start_date: pilot.startDate,
        target_production_date: pilot.targetProductionDate,
        complexity: pilot.complexity,
        lead_email: pilot.lead!.email,
        lead_name: pilot.lead!.name,
        sponsor_email: pilot.sponsor?.email ?? null,
        sponsor_name: pilot.sponsor?.name ?? null,
        integration_systems: pilot.integrationSystems.map(oneLine).join('\n'),
        annual_value_at_scale: pilot.annualValueAtScale,
        cost_to_date: pilot.costToDate,
        cost_to_scale: pilot.costToScale,
      };
      const none = { kpi_name: null, kpi_unit: null, kpi_direction: null, kpi_baseline: null, kpi_target: null, kpi_min: null, kpi_max: null };
      if (own.length === 0) rows.push({ ...base, ...none });
      for (const kpi of own) {
        rows.push({
          ...base,
          kpi_name: kpi.name,
          kpi_unit: kpi.unit,
          kpi_direction: kpi.direction,
          kpi_baseline: kpi.baseline,
          kpi_target: kpi.target,
          kpi_min: kpi.minValue,
          kpi_max: kpi.maxValue,
        });
      }
    }
    return writeSpreadsheet(format, datedExportName('pilots'), PILOT_FILE_COLUMNS, rows);
  }

  /** The pilots list read page by page with the same filters and sort: the same pilots in the same order as on screen. */
  private async pilotIdsInListOrder(filters: Omit<PilotListQueryDto, 'page' | 'pageSize'>): Promise<string[]> {
    const ids: string[] = [];
    for await (const batch of allPages(({ page, pageSize }) => this.pilotList.list(Object.assign(new PilotListQueryDto(), filters, { page, pageSize })))) {
      ids.push(...batch.map((pilot) => pilot.id));
    }
    return ids;
  }

  async weeklyUpdates(format: SpreadsheetFormat, pilotId?: string): Promise<SpreadsheetFile> {
    const updates = await this.dataSource.getRepository(WeeklyUpdate).find({
      where: pilotId ? { pilotId } : {},
      relations: { pilot: { businessUnit: true }, author: true, kpiReadings: { kpi: true }, blockers: true },
    });
    updates.sort(
      (a, b) => byText(a.pilot!.businessUnit!.name, b.pilot!.businessUnit!.name) || byText(a.pilot!.name, b.pilot!.name) || byText(a.pilotId, b.pilotId) || compareIsoWeeks(a.week, b.week),
    );
    const resolvedIn = resolutionRows(updates);
    const rows = updates.map((update): Record<UpdateFileHeader, SpreadsheetCell> => ({
      business_unit: update.pilot!.businessUnit!.name,
      pilot_name: update.pilot!.name,
      week: update.week,
      author_email: update.author!.email,
      author_name: update.author!.name,
      health: update.health,
      summary: update.summary,
      confidence: update.confidence,
      active_users: update.activeUsers,
      active_users_outside_team: update.activeUsersOutsideTeam,
      scale_question_asked: update.scaleQuestionAsked,
      resources_redirected: update.resourcesRedirected,
      pivot_suggested: update.pivotSuggested,
      kpi_readings: (update.kpiReadings ?? []).map((r) => `${oneLine(r.kpi!.name)}: ${r.value}`).sort(byText).join('\n'),
      blockers: (update.blockers ?? []).map((b) => `${b.category}: ${oneLine(b.text)}`).sort(byText).join('\n'),
      resolved_blockers: (resolvedIn.get(update.id) ?? []).sort(byText).join('\n'),
    }));
    return writeSpreadsheet(format, datedExportName('weekly-updates'), UPDATE_FILE_COLUMNS, rows);
  }
}

/**
 * Which update row lists each resolved blocker: the pilot's latest update in or before the week it was
 * resolved, counting only updates from its first mention on; else its last mention. Only blockers some
 * update mentions can be named, and the import reads them back to the same week.
 */
function resolutionRows(sorted: WeeklyUpdate[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const byPilot = new Map<string, WeeklyUpdate[]>();
  for (const update of sorted) byPilot.set(update.pilotId, [...(byPilot.get(update.pilotId) ?? []), update]);
  for (const updates of byPilot.values()) {
    const resolved = new Map(updates.flatMap((u) => u.blockers ?? []).filter((b) => b.status === 'resolved' && b.resolvedAt).map((b) => [b.id, b]));
    for (const blocker of resolved.values()) {
      const week = isoWeekOf(blocker.resolvedAt!);
      const mentions = updates.filter((u) => (u.blockers ?? []).some((b) => b.id === blocker.id));
      const candidates = updates.filter((u) => compareIsoWeeks(u.week, mentions[0].week) >= 0 && compareIsoWeeks(u.week, week) <= 0);
      const target = candidates.length > 0 ? candidates[candidates.length - 1] : mentions[mentions.length - 1];
      result.set(target.id, [...(result.get(target.id) ?? []), oneLine(blocker.text)]);
    }
  }
  return result;
}
