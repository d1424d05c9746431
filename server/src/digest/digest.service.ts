import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  addDays,
  isTimeZone,
  startOfZonedDay,
  weekBefore,
  weeklyMoment,
  zonedClock,
  type DigestPilot,
  type DigestPreview,
  type PersonRef,
  type PortfolioDigest,
  type Weekday,
} from '@liftoff/shared';
import type { AppConfig } from '../config/config.schema';
import { Outbox } from '../notifications/delivery-channel';
import { DigestQueries, type DecisionRow, type PilotLineRow } from './digest-queries';
import { DigestSettingsService } from './digest-settings.service';

/** Who a digest is for: their own pilots come first, and its days are days of their calendar. */
export interface DigestRecipient extends PersonRef {
  timeZone: string;
}

/** Calendar days (`YYYY-MM-DD`, both included) in a time zone. */
export interface DigestPeriod {
  from: string;
  to: string;
  timeZone: string;
}

/** The portfolio's side of a digest, before it is addressed to anyone. */
interface PortfolioLines {
  period: DigestPeriod;
  counts: { activePilots: number; updatesPosted: number };
  newlyStuck: PilotLineRow[];
  unstuck: PilotLineRow[];
  enteredScaleQueue: PilotLineRow[];
  decisions: DecisionRow[];
  reviewsOverdue: PilotLineRow[];
  silent: PilotLineRow[];
}

export interface DigestRunResult {
  /** Digests handed to the outbox by this run (people and the channels' broadcast). */
  queued: number;
}

/** Roles that get a digest: the program office and the executives. */
const DIGEST_ROLES = ['program_office', 'executive'];

/**
 * The weekly digest: what got stuck, what moved and which decisions are due, for each program-office
 * person and executive on the configured weekday and hour of their own clock, and once a week (on
 * UTC's clock) for the channels subscribed to `portfolio.digest`.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: DigestSettingsService,
    // Optional until the outbox module is part of the app: without it `run` refuses to work.
    @Optional() @Inject(Outbox) private readonly outbox: Outbox | null,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** The digest of `period` for `recipient` (null: the channels' version, nobody's pilots first). */
  async compose(recipient: DigestRecipient | null, period: DigestPeriod, manager: EntityManager = this.dataSource.manager): Promise<PortfolioDigest> {
    return this.addressTo(recipient, await this.portfolioLines(period, manager));
  }

  /** The digest the person would get if it were made now: the seven days before their today. */
  async preview(personId: string, now = new Date()): Promise<DigestPreview> {
    const recipient = await this.recipient(personId);
    const period = { ...weekBefore(zonedClock(now, recipient.timeZone).day), timeZone: recipient.timeZone };
    return { digest: await this.compose(recipient, period), timeZone: recipient.timeZone };
  }

  /**
   * Hands every digest that is due and not yet sent to the outbox. Each one is a `digests_sent` row
   * (unique per person, or broadcast, and ISO week) and its outbox message in one transaction, so
   * however often this runs, and on however many instances, a week's digest goes out once.
   */
  async run(now = new Date()): Promise<DigestRunResult> {
    const settings = await this.settings.record();
    if (!settings.enabled) return { queued: 0 };
    const outbox = this.outbox;
    if (!outbox) throw new Error('The digest needs the outbox to send through, and none is registered');
    const weekday = settings.weekday as Weekday;
    const people: { id: string; name: string; time_zone: string }[] = await this.dataSource.query(
      `SELECT id, name, time_zone FROM people WHERE role = ANY($1::person_role[]) AND deactivated_at IS NULL ORDER BY id`,
      [DIGEST_ROLES],
    );
    const recipients: (DigestRecipient | null)[] = [null, ...people.map((p) => ({ id: p.id, name: p.name, timeZone: isTimeZone(p.time_zone) ? p.time_zone : 'UTC' }))];
    const due = recipients
      .map((recipient) => ({ recipient, moment: weeklyMoment(now, recipient?.timeZone ?? 'UTC', weekday, settings.hour) }))
      .filter(({ moment }) => moment.due);
    const already = await this.alreadySent([...new Set(due.map(({ moment }) => moment.week))]);
    // People in the same zone share a period: the portfolio is read once for them.
    const portfolios = new Map<string, Promise<PortfolioLines>>();
    let queued = 0;
    for (const { recipient, moment } of due) {
      if (already.has(`${recipient?.id ?? ''}|${moment.week}`)) continue;
      const period = { ...weekBefore(moment.day), timeZone: recipient?.timeZone ?? 'UTC' };
      const key = `${period.timeZone}|${period.from}`;
      if (!portfolios.has(key)) portfolios.set(key, this.portfolioLines(period, this.dataSource.manager));
      const data = this.addressTo(recipient, await portfolios.get(key)!);
      const sent = await this.dataSource.transaction(async (manager) => {
        const inserted: { id: string }[] = await manager.query(
          `INSERT INTO digests_sent (person_id, week, period_from, period_to) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
          [recipient?.id ?? null, moment.week, period.from, period.to],
        );
        if (inserted.length === 0) return false; // another run (or instance) sent it meanwhile
        await outbox.add(manager, {
          event: { id: inserted[0].id, type: 'portfolio.digest', occurredAt: now.toISOString(), data },
          recipientIds: recipient ? [recipient.id] : null,
        });
        return true;
      });
      if (sent) queued++;
    }
    if (queued > 0) this.logger.log(`Digests queued: ${queued}`);
    return { queued };
  }

  private async alreadySent(weeks: string[]): Promise<Set<string>> {
    if (weeks.length === 0) return new Set();
    const rows: { person_id: string | null; week: string }[] = await this.dataSource.query(`SELECT person_id, week FROM digests_sent WHERE week = ANY($1::varchar[])`, [weeks]);
    return new Set(rows.map((row) => `${row.person_id ?? ''}|${row.week}`));
  }

  private async recipient(personId: string): Promise<DigestRecipient> {
    const [row]: { id: string; name: string; time_zone: string }[] = await this.dataSource.query(`SELECT id, name, time_zone FROM people WHERE id = $1`, [personId]);
    return { id: row.id, name: row.name, timeZone: isTimeZone(row.time_zone) ? row.time_zone : 'UTC' };
  }

  private async portfolioLines(period: DigestPeriod, manager: EntityManager): Promise<PortfolioLines> {
    const window = { start: startOfZonedDay(period.from, period.timeZone), end: startOfZonedDay(addDays(period.to, 1), period.timeZone) };
    const queries = new DigestQueries(manager);
    const [counts, newlyStuck, unstuck, enteredScaleQueue, decisions, reviewsOverdue, silent] = await Promise.all([
      queries.counts(window),
      queries.newlyStuck(window),
      queries.unstuck(window),
      queries.enteredScaleQueue(window),
      queries.decisions(window),
      queries.reviewsOverdue(window, period.to),
      queries.silent(window),
    ]);
    return { period, counts, newlyStuck, unstuck, enteredScaleQueue, decisions, reviewsOverdue, silent };
  }

  private addressTo(recipient: DigestRecipient | null, lines: PortfolioLines): PortfolioDigest {
    const base = this.config.get('PUBLIC_URL', { infer: true });
    const isOwn = (row: { sponsor_id: string | null; lead_id: string }) => recipient !== null && (row.sponsor_id === recipient.id || row.lead_id === recipient.id);
    const pilotRef = (row: Pick<PilotLineRow, 'id' | 'name' | 'stage' | 'business_unit_id'>) => ({ id: row.id, name: row.name, stage: row.stage, businessUnitId: row.business_unit_id });
    const url = (pilotId: string) => `${base}/pilots/${pilotId}`;
    const section = (rows: PilotLineRow[]): DigestPilot[] =>
      ownFirst(
        rows.map((row) => ({
          pilot: pilotRef(row),
          health: row.health,
          stuckSigns: row.stuck_signs,
          recommendedAction: row.recommended_action,
          url: url(row.id),
          own: isOwn(row),
        })),
      );
    return {
      recipient: recipient ? { id: recipient.id, name: recipient.name } : null,
      from: lines.period.from,
      to: lines.period.to,
      activePilots: lines.counts.activePilots,
      updatesPosted: lines.counts.updatesPosted,
      newlyStuck: section(lines.newlyStuck),
      unstuck: section(lines.unstuck),
      enteredScaleQueue: section(lines.enteredScaleQueue),
      decisions: ownFirst(
        lines.decisions.map((row) => ({
          pilot: pilotRef(row),
          decision: {
            id: row.decision_id,
            pilotId: row.id,
            pilotName: row.name,
            kind: row.kind,
            rationale: row.rationale,
            decidedBy: { id: row.decided_by_id, name: row.decided_by_name },
            decidedAt: new Date(row.decided_at).toISOString(),
            nextReviewDate: row.next_review_date,
            recommendedAction: row.decision_recommended_action,
            followedRecommendation: row.followed_recommendation,
            snapshot: row.snapshot,
            supersedesId: row.supersedes_id,
            resultingPilotId: row.resulting_pilot_id,
          },
          url: url(row.id),
          own: isOwn(row),
        })),
      ),
      reviewsOverdue: section(lines.reviewsOverdue),
      silent: section(lines.silent),
      dashboardUrl: `${base}/`,
    };
  }
}

/** The recipient's own lines first, each group in the order the query gave. */
function ownFirst<T extends { own: boolean }>(lines: T[]): T[] {
  return [...lines.filter((line) => line.own), ...lines.filter((line) => !line.own)];
}
