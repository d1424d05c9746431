import type { ReanalysisSummary, RecommendationAction, WebhookEvent } from '@liftoff/shared';

/** What a chat message says about an event: a title, a few lines, and where to look in the dashboard. */
export interface EventText {
  title: string;
  lines: string[];
  link: { label: string; url: string };
}

const ACTION_WORDS: Record<RecommendationAction, string> = {
  scale: 'scale it',
  pivot: 'change its course',
  kill: 'stop it',
  keep_piloting: 'keep piloting',
};

const HEALTH_WORDS = { on_track: 'on track', at_risk: 'at risk', off_track: 'off track' } as const;


/** Stuck-sign summaries are sentences: joined as sentences, each ending with its stop. */
export const joinSentences = (parts: string[]) => parts.map((part) => (/[.!?]$/.test(part) ? part : `${part}.`)).join(' ');

const pilotUrl = (publicUrl: string, pilotId: string) => `${publicUrl}/pilots/${pilotId}`;

/** The readable message for an event, in Liftoff's words, linking into the dashboard at `publicUrl`. */
export function describeEvent(event: WebhookEvent, publicUrl: string): EventText {
  switch (event.type) {
    case 'update.posted': {
      const { pilot, update } = event.data;
      return {
        title: `${pilot.name}: weekly update for ${update.week}`,
        lines: [`${update.author.name} reports the pilot ${HEALTH_WORDS[update.health]}, confidence ${update.confidence} of 5.`, update.summary],
        link: { label: 'Open the pilot', url: pilotUrl(publicUrl, pilot.id) },
      };
    }
    case 'stuck_sign.opened':
      return {
        title: `${event.data.pilot.name} shows a stuck sign`,
        lines: [event.data.flag.summary],
        link: { label: 'Open the pilot', url: pilotUrl(publicUrl, event.data.pilot.id) },
      };
    case 'stuck_sign.resolved':
      return {
        title: `${event.data.pilot.name}: a stuck sign cleared`,
        lines: [`No longer the case: ${event.data.flag.summary}`],
        link: { label: 'Open the pilot', url: pilotUrl(publicUrl, event.data.pilot.id) },
      };
    case 'recommendation.changed': {
      const { pilot, previous, current } = event.data;
      const was = previous ? ` (was: ${ACTION_WORDS[previous.action]})` : '';
      return {
        title: `${pilot.name}: the recommendation is now to ${ACTION_WORDS[current.action]}${was}`,
        lines: [`Readiness to scale: ${current.readinessScore} of 100.`, ...current.reasons.slice(0, 3)],
        link: { label: 'See why', url: pilotUrl(publicUrl, pilot.id) },
      };
    }
    case 'decision.recorded': {
      const { pilot, decision } = event.data;
      return {
        title: `${pilot.name}: ${decision.decidedBy.name} decided to ${decision.kind}`,
        lines: [decision.rationale, ...(decision.nextReviewDate ? [`Next review on ${decision.nextReviewDate}.`] : [])],
        link: { label: 'Open the pilot', url: pilotUrl(publicUrl, pilot.id) },
      };
    }
    case 'update.reminder': {
      const { recipient, week, pilots } = event.data;
      return {
        title: `${recipient.name}: weekly updates for ${week} are missing`,
        lines: pilots.map((p) => `${p.pilot.name} (lead: ${p.lead.name}, ${p.weeksMissing} week${p.weeksMissing === 1 ? '' : 's'} without an update)`),
        link: { label: 'Post an update', url: pilots[0]?.updateUrl ?? publicUrl },
      };
    }
    case 'portfolio.digest': {
      const d = event.data;
      return {
        title: `Portfolio digest, ${d.from} to ${d.to}`,
        lines: [
          `${d.activePilots} active pilots, ${d.updatesPosted} updates posted.`,
          `${d.newlyStuck.length} newly stuck, ${d.unstuck.length} unstuck, ${d.enteredScaleQueue.length} ready to scale.`,
          `${d.decisions.length} decisions made, ${d.reviewsOverdue.length} reviews overdue, ${d.silent.length} pilots silent.`,
        ],
        link: { label: 'Open the dashboard', url: d.dashboardUrl },
      };
    }
    case 'import.completed': {
      const d = event.data;
      return {
        title: `Import of ${KIND_WORDS[d.kind]} from ${d.fileName}${d.importedBy ? ` by ${d.importedBy.name}` : ''}`,
        lines: [`${d.rowCount} rows: ${d.created} new, ${d.updated} changed, ${d.unchanged} unchanged.`, ...summaryLines(d)],
        link: { label: 'See the stuck pilots', url: d.stuckUrl },
      };
    }
    case 'thresholds.changed': {
      const d = event.data;
      return {
        title: `${d.changedBy ? d.changedBy.name : 'The program office'} changed the stuck thresholds`,
        lines: [...d.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`), ...summaryLines(d)],
        link: { label: 'See the stuck pilots', url: d.stuckUrl },
      };
    }
  }
}

const KIND_WORDS = { pilots: 'pilots', 'weekly-updates': 'weekly updates' } as const;
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** What a re-analysis found, in a few lines, naming at most five of the pilots found stuck. */
function summaryLines(d: ReanalysisSummary): string[] {
  const named = d.newlyStuck.slice(0, 5).map((entry) => `${entry.pilot.name}: ${joinSentences(entry.stuckSigns)}`);
  const more = d.newlyStuckCount > named.length ? [`…and ${plural(d.newlyStuckCount - named.length, 'more pilot')}.`] : [];
  const now = (Object.keys(d.recommendationsNow) as RecommendationAction[]).filter((action) => d.recommendationsNow[action] > 0);
  return [
    `${plural(d.stuckSignsOpened, 'stuck sign')} appeared on ${plural(d.newlyStuckCount, 'pilot')}; ${d.stuckSignsResolved} cleared.`,
    ...(d.recommendationsChanged
      ? [`${plural(d.recommendationsChanged, 'recommendation')} changed, now: ${now.map((action) => `${ACTION_WORDS[action]} ${d.recommendationsNow[action]}`).join(', ')}.`]
      : []),
    ...named,
    ...more,
  ];
}
