import type {
  DigestDecision,
  DigestPilot,
  ImportCompletedEvent,
  ReanalysisSummary,
  ThresholdsChangedEvent,
  PortfolioDigestEvent,
  UpdateReminderEvent,
  WebhookEvent,
  WebhookPilotRef,
} from '@liftoff/shared';
import type { EmailContent, EmailItem, EmailSection } from './email-layout';
import { joinSentences } from '../event-text';

/** Turns the payload's links (absolute, or paths of the dashboard) into addresses under PUBLIC_URL. */
export type LinkBuilder = (pathOrUrl: string) => string;

const words = (code: string | null | undefined) => (code ? code.replace(/_/g, ' ') : 'none');
const pilotPath = (pilot: WebhookPilotRef) => `/pilots/${encodeURIComponent(pilot.id)}`;

/** What each event type says by email, in Liftoff's words; links lead back to the dashboard. */
export function emailContentOf(event: WebhookEvent, url: LinkBuilder): EmailContent {
  switch (event.type) {
    case 'update.posted': {
      const { pilot, update } = event.data;
      return {
        subject: `${pilot.name}: weekly update for ${update.week} (${words(update.health)})`,
        heading: `${update.author.name} posted the ${update.week} update of ${pilot.name}`,
        paragraphs: [`Health: ${words(update.health)} · confidence ${update.confidence}.`, update.summary],
        sections: [],
        action: { text: 'Open the pilot', url: url(pilotPath(pilot)) },
      };
    }
    case 'stuck_sign.opened':
      return {
        subject: `${event.data.pilot.name} shows a stuck sign`,
        heading: `${event.data.pilot.name} may be stuck`,
        paragraphs: [event.data.flag.summary, `Stage: ${words(event.data.pilot.stage)}.`],
        sections: [],
        action: { text: 'See what is holding it', url: url(pilotPath(event.data.pilot)) },
      };
    case 'stuck_sign.resolved':
      return {
        subject: `${event.data.pilot.name}: a stuck sign cleared`,
        heading: `A stuck sign on ${event.data.pilot.name} no longer holds`,
        paragraphs: [`Cleared: ${event.data.flag.summary}`],
        sections: [],
        action: { text: 'Open the pilot', url: url(pilotPath(event.data.pilot)) },
      };
    case 'recommendation.changed': {
      const { pilot, previous, current } = event.data;
      return {
        subject: `${pilot.name}: the recommendation is now ${words(current.action)}`,
        heading: `The recommendation for ${pilot.name} changed`,
        paragraphs: [
          previous ? `It was ${words(previous.action)}; it is now ${words(current.action)}.` : `The first recommendation is ${words(current.action)}.`,
          `Readiness to scale: ${current.readinessScore} of 100.`,
        ],
        sections: current.reasons.length ? [{ title: 'Why', items: current.reasons.map((text) => ({ text })) }] : [],
        action: { text: 'Review the pilot', url: url(pilotPath(pilot)) },
      };
    }
    case 'decision.recorded': {
      const { pilot, decision } = event.data;
      return {
        subject: `${pilot.name}: decision to ${words(decision.kind)}`,
        heading: `${decision.decidedBy.name} decided to ${words(decision.kind)} ${pilot.name}`,
        paragraphs: [decision.rationale, ...(decision.nextReviewDate ? [`Next review: ${decision.nextReviewDate}.`] : [])],
        sections: [],
        action: { text: 'Open the pilot', url: url(pilotPath(pilot)) },
      };
    }
    case 'update.reminder':
      return reminder(event, url);
    case 'portfolio.digest':
      return digest(event, url);
    case 'import.completed':
      return importSummary(event, url);
    case 'thresholds.changed':
      return thresholdsChanged(event, url);
  }
}

const REMINDER_OPENING: Record<UpdateReminderEvent['data']['level'], string> = {
  lead: 'The weekly update is still missing for the pilots you lead. A few lines keep the portfolio honest:',
  sponsor: 'The weekly update is still missing for pilots you sponsor, past the grace period. Perhaps nudge their leads:',
  program_office: 'These pilots have had no weekly update for a while, past the sponsor reminder:',
};

function reminder(event: UpdateReminderEvent, url: LinkBuilder): EmailContent {
  const { pilots, week, level, recipient } = event.data;
  const count = pilots.length === 1 ? `${pilots[0].pilot.name}` : `${pilots.length} pilots`;
  return {
    subject: level === 'lead' ? `Weekly update due for ${count} (${week})` : `Missing weekly updates: ${count} (${week})`,
    heading: `Hello ${recipient.name}`,
    paragraphs: [REMINDER_OPENING[level]],
    sections: [
      {
        title: `Updates missing for ${week}`,
        items: pilots.map((p) => ({
          text: `${p.pilot.name} (lead: ${p.lead.name})`,
          detail: p.weeksMissing > 1 ? `${p.weeksMissing} weeks in a row without an update` : 'This week has no update yet',
          link: { text: level === 'lead' ? 'Post the update' : 'Open the update form', url: url(p.updateUrl) },
        })),
      },
    ],
  };
}

function digestItem(entry: DigestPilot, url: LinkBuilder): EmailItem {
  const details = [entry.health ? `health ${words(entry.health)}` : null, entry.recommendedAction ? `recommended: ${words(entry.recommendedAction)}` : null, ...entry.stuckSigns];
  return { text: `${entry.own ? '★ ' : ''}${entry.pilot.name}`, detail: details.filter(Boolean).join(' · ') || undefined, link: { text: 'Open', url: url(entry.url) } };
}

function decisionItem(entry: DigestDecision, url: LinkBuilder): EmailItem {
  return {
    text: `${entry.own ? '★ ' : ''}${entry.pilot.name}: ${words(entry.decision.kind)}`,
    detail: `by ${entry.decision.decidedBy.name} · ${entry.decision.rationale}`,
    link: { text: 'Open', url: url(entry.url) },
  };
}

/** The recipient's own pilots first, the rest in the order the digest gave them. */
function ownFirst<T extends { own: boolean }>(entries: T[]): T[] {
  return [...entries.filter((e) => e.own), ...entries.filter((e) => !e.own)];
}

function digest(event: PortfolioDigestEvent, url: LinkBuilder): EmailContent {
  const d = event.data;
  const sections: EmailSection[] = [
    { title: 'Newly stuck', items: ownFirst(d.newlyStuck).map((e) => digestItem(e, url)) },
    { title: 'Moving again', items: ownFirst(d.unstuck).map((e) => digestItem(e, url)) },
    { title: 'Ready to scale', items: ownFirst(d.enteredScaleQueue).map((e) => digestItem(e, url)) },
    { title: 'Decisions made', items: ownFirst(d.decisions).map((e) => decisionItem(e, url)) },
    { title: 'Reviews overdue', items: ownFirst(d.reviewsOverdue).map((e) => digestItem(e, url)) },
    { title: 'Gone quiet', items: ownFirst(d.silent).map((e) => digestItem(e, url)) },
  ].filter((s) => s.items.length > 0);
  const hasOwn = [d.newlyStuck, d.unstuck, d.enteredScaleQueue, d.decisions, d.reviewsOverdue, d.silent].some((list) => list.some((e) => e.own));
  return {
    subject: `Liftoff portfolio digest, ${d.from} to ${d.to}`,
    heading: d.recipient ? `Your portfolio week, ${d.recipient.name}` : 'The portfolio week',
    paragraphs: [
      `${d.activePilots} active pilots; ${d.updatesPosted} weekly updates posted between ${d.from} and ${d.to}.`,
      ...(sections.length === 0 ? ['Nothing got stuck, moved or came up for a decision this week.'] : []),
      ...(hasOwn ? ['Pilots you lead or sponsor are marked ★ and come first in each list.'] : []),
    ],
    sections,
    action: { text: 'Open the portfolio', url: url(d.dashboardUrl) },
  };
}

const IMPORT_KIND_WORDS = { pilots: 'pilots', 'weekly-updates': 'weekly updates' } as const;

function importSummary(event: ImportCompletedEvent, url: LinkBuilder): EmailContent {
  const d = event.data;
  return {
    subject: `Import of ${IMPORT_KIND_WORDS[d.kind]}: ${d.stuckSignsOpened} new stuck signs on ${d.newlyStuckCount} pilots`,
    heading: `${d.importedBy ? `${d.importedBy.name} imported` : 'Imported'} ${IMPORT_KIND_WORDS[d.kind]} from ${d.fileName}`,
    paragraphs: [`${d.rowCount} rows: ${d.created} new, ${d.updated} changed, ${d.unchanged} unchanged.`, ...summaryParagraphs(d)],
    sections: stuckSections(d, url),
    action: { text: 'See the stuck pilots', url: url(d.stuckUrl) },
  };
}

function thresholdsChanged(event: ThresholdsChangedEvent, url: LinkBuilder): EmailContent {
  const d = event.data;
  return {
    subject: `Stuck thresholds changed: ${d.stuckSignsOpened} new stuck signs on ${d.newlyStuckCount} pilots`,
    heading: `${d.changedBy ? d.changedBy.name : 'The program office'} changed the stuck thresholds`,
    paragraphs: summaryParagraphs(d),
    sections: [
      { title: 'Thresholds', items: d.changes.map((c) => ({ text: c.label, detail: `${c.from} → ${c.to}` })) },
      ...stuckSections(d, url),
    ],
    action: { text: 'See the stuck pilots', url: url(d.stuckUrl) },
  };
}

function summaryParagraphs(d: ReanalysisSummary): string[] {
  const unnamed = d.newlyStuckCount - d.newlyStuck.length;
  const changed = Object.entries(d.recommendationsNow).filter(([, count]) => count > 0);
  return [
    `Re-assessing the pilots opened ${d.stuckSignsOpened} stuck signs on ${d.newlyStuckCount} pilots and cleared ${d.stuckSignsResolved}.`,
    ...(changed.length ? [`${d.recommendationsChanged} recommendations changed; they now say ${changed.map(([action, count]) => `${words(action)} (${count})`).join(', ')}.`] : []),
    ...(unnamed > 0 ? [`The ${d.newlyStuck.length} pilots with the most new signs are listed; ${unnamed} more are on the stuck list.`] : []),
  ];
}

function stuckSections(d: ReanalysisSummary, url: LinkBuilder): EmailSection[] {
  if (d.newlyStuck.length === 0) return [];
  return [{ title: 'Found stuck', items: d.newlyStuck.map((e) => ({ text: e.pilot.name, detail: joinSentences(e.stuckSigns), link: { text: 'Open', url: url(e.url) } })) }];
}
