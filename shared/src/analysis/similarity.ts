/**
 * Blocker rewording detection: "waiting on IT security review" and "security review by IT still
 * pending" are the same blocker. Leads retype blockers every week, so without this every rewording
 * would look like a new blocker and `repeated_blocker` would never fire; a wrong link is worse
 * still, as it hides a new blocker inside an old one.
 *
 * Method (figures and tuning in docs/ANALYSIS-matching.md):
 *  1. Normalise: lowercase, fold acronyms and their expansions into one concept ("AHT" = "average
 *     handling time", "PO" = "purchase order", "CAB" = "change advisory board"), drop stop-words
 *     and filler, British spellings to American, Porter2 stemming (the porter2 package, about
 *     6 KB minified) and a table of blocker synonyms looked up by stem (blocker-vocabulary.ts).
 *  2. Score = 0.85 x token score (weighted Dice blended with the better side's coverage) + 0.15 x
 *     character-trigram Dice. Status words (pending, missing...) weigh little, broad nouns
 *     (review, access...) less than specific ones, named things (systems, teams, documents...)
 *     most; a named thing matches its broader name ("Salesforce" matches "CRM"), and a
 *     near-synonym concept ("review" / "approval") earns RELATED_CREDIT of a match. For automatic
 *     links, each side saying something specific the other does not costs SWAP_PENALTY.
 *  3. Veto: a named thing of one kind on each side that the other side lacks (CRM / ERP, SAP /
 *     Workday, SSO / MFA, legal / security) blocks an automatic link, whatever the score.
 *  4. A blocker is compared through every wording it was ever reported in; the best one counts.
 *  5. Two thresholds: AUTO_LINK (a post that does not say which blocker it is is linked only above
 *     it, and only without a veto) and the lower SUGGEST (the update form asks "Same as ...?").
 *
 * On the 216 labelled pairs of blocker-pairs.ts, held-out half (108 pairs, not tuned on):
 * automatic links precision 0.971, recall 0.611; suggestions hold the true blocker for 0.981 of
 * the same-meaning pairs. Tuning half: precision 0.978, recall 0.815, suggestions 0.981. The first
 * word-overlap matcher (threshold 0.6) scored precision 0.48, recall 0.24 on the held-out half.
 */

import type { BlockerCategory } from '../enums';
import { blockerTokens } from './blocker-tokens';
import { ENTITIES, GENERIC_WORDS, PROBLEMS, RELATED, STATUS_WORDS, type EntityKind } from './blocker-vocabulary';

export { blockerTokens };

/** Score at or above which a post that does not say which blocker it reports is linked to one. */
export const AUTO_LINK_THRESHOLD = 0.7;
/** Score at or above which the update form asks the lead "Same as ...?". */
export const SUGGEST_THRESHOLD = 0.25;
/** Earlier name of AUTO_LINK_THRESHOLD. */
export const BLOCKER_MATCH_THRESHOLD = AUTO_LINK_THRESHOLD;
/** How many suggestions the form offers at most. */
export const MAX_BLOCKER_SUGGESTIONS = 3;
/** How many matches GET /api/pilots/:pilotId/blocker-matches lists at most. */
export const MAX_BLOCKER_MATCHES = 5;
/** A different category is weak counter-evidence (leads do pick categories inconsistently). */
export const CATEGORY_MISMATCH_PENALTY = 0.1;

/** Named things of each kind in a token list. */
function entitiesOf(tokens: readonly string[]): Map<EntityKind, string[]> {
  const byKind = new Map<EntityKind, string[]>();
  for (const token of tokens) {
    const kind = ENTITIES[token]?.kind ?? (PROBLEMS.has(token) ? 'problem' : undefined);
    if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), token]);
  }
  return byKind;
}

/** Same thing, or one is a broader name of the other ("crm" and "salesforce"). */
function compatible(a: string, b: string): boolean {
  return a === b || (ENTITIES[a]?.broader ?? []).includes(b) || (ENTITIES[b]?.broader ?? []).includes(a);
}

/**
 * Why two texts name different things ("crm / erp"), or null: per kind, each side names something
 * the other side has no compatible name for. One side naming more ("SAP and Workday") is no veto.
 */
export function entityConflict(a: string, b: string): string | null {
  return conflictOf(entitiesOf(blockerTokens(a)), entitiesOf(blockerTokens(b)));
}

/** Drops broader names that a side also names specifically ("Salesforce CRM" names Salesforce). */
function mostSpecific(names: readonly string[]): string[] {
  return names.filter((name) => !names.some((other) => other !== name && (ENTITIES[other]?.broader ?? []).includes(name)));
}

function conflictOf(left: Map<EntityKind, string[]>, right: Map<EntityKind, string[]>): string | null {
  for (const [kind, all] of left) {
    const names = mostSpecific(all);
    const others = mostSpecific(right.get(kind) ?? []);
    if (others.length === 0) continue;
    const onlyLeft = names.filter((name) => !others.some((other) => compatible(name, other)));
    const onlyRight = others.filter((other) => !names.some((name) => compatible(name, other)));
    if (onlyLeft.length > 0 && onlyRight.length > 0) return `${onlyLeft[0]} / ${onlyRight[0]}`;
  }
  return null;
}

export function tokenWeight(token: string): number {
  if (ENTITIES[token]) return 1.5;
  if (STATUS_WORDS.has(token)) return 0.25;
  if (GENERIC_WORDS.has(token)) return 0.5;
  return 1;
}

/** How much of `token` the other side says: 1 the same concept, RELATED_CREDIT a related one, else 0. */
function matchCredit(token: string, others: readonly string[]): number {
  if (matchedIn(token, others)) return 1;
  const family = RELATED[token];
  return family !== undefined && others.some((other) => RELATED[other] === family) ? RELATED_CREDIT : 0;
}

/**
 * Share of a match a near-synonym concept earns (blocker-vocabulary.ts RELATED). Chosen on the
 * tuning half: the smallest credit with the most recall at precision >= 0.97 (0.7; 0.5 and
 * below gain one pair less, 1.0 no more).
 */
export const RELATED_CREDIT = 0.7;

function matchedIn(token: string, others: readonly string[]): boolean {
  return others.includes(token) || (ENTITIES[token] !== undefined && others.some((other) => compatible(token, other)));
}

/**
 * Weighted Dice (the weight of tokens matched on either side over the total weight of both sides),
 * blended with the better-covered side's coverage: a later wording that adds detail to a short
 * blocker still covers all of it.
 */
function weightedTokenScore(a: readonly string[], b: readonly string[]): number {
  let matchedA = 0;
  let totalA = 0;
  let matchedB = 0;
  let totalB = 0;
  for (const token of a) {
    totalA += tokenWeight(token);
    matchedA += tokenWeight(token) * matchCredit(token, b);
  }
  for (const token of b) {
    totalB += tokenWeight(token);
    matchedB += tokenWeight(token) * matchCredit(token, a);
  }
  if (totalA === 0 || totalB === 0) return 0;
  const dice = (matchedA + matchedB) / (totalA + totalB);
  return (1 - COVERAGE_SHARE) * dice + COVERAGE_SHARE * Math.max(matchedA / totalA, matchedB / totalB);
}

export const COVERAGE_SHARE = 0.6;

function trigrams(text: string): Set<string> {
  const padded = `  ${text} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i += 1) grams.add(padded.slice(i, i + 3));
  return grams;
}

function dice<T>(a: Set<T>, b: Set<T>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/** Weight of the specific words (weight 1 and more) of `tokens` that `others` does not match. */
function unmatchedSpecificWeight(tokens: readonly string[], others: readonly string[]): number {
  let weight = 0;
  for (const token of tokens) if (tokenWeight(token) >= 1 && matchCredit(token, others) === 0) weight += tokenWeight(token);
  return weight;
}

/**
 * Each side saying something specific the other does not is the mark of a different blocker that
 * shares its frame ("ops refuses to change the triage process" / "... the shift pattern"); one side
 * only adding detail is not.
 */
export const SWAP_PENALTY = 0.1;

interface PairScore {
  /** How alike the texts are: ranks candidates and decides suggestions. */
  score: number;
  /** The score less the swap penalty: decides automatic links. */
  linkScore: number;
}

function scoreTokens(tokensA: readonly string[], tokensB: readonly string[]): PairScore {
  if (tokensA.length === 0 || tokensB.length === 0) return { score: 0, linkScore: 0 };
  const charScore = dice(trigrams([...tokensA].sort().join(' ')), trigrams([...tokensB].sort().join(' ')));
  const score = 0.85 * weightedTokenScore(tokensA, tokensB) + 0.15 * charScore;
  const swapped = Math.min(unmatchedSpecificWeight(tokensA, tokensB), unmatchedSpecificWeight(tokensB, tokensA), 2);
  return { score: round(score), linkScore: round(Math.max(0, score - SWAP_PENALTY * swapped)) };
}

/** Similarity of two blocker texts, 0 (unrelated) to 1 (same wording after normalisation). */
export function blockerSimilarity(a: string, b: string): number {
  return scoreTokens(blockerTokens(a), blockerTokens(b)).score;
}

/** Score and veto of one pair of texts; `autoLink` when it may be linked without asking. */
export function compareBlockerTexts(a: string, b: string): { score: number; linkScore: number; conflict: string | null; autoLink: boolean } {
  const { score, linkScore } = scoreTokens(blockerTokens(a), blockerTokens(b));
  const conflict = entityConflict(a, b);
  return { score, linkScore, conflict, autoLink: conflict === null && linkScore >= AUTO_LINK_THRESHOLD };
}

export interface BlockerCandidate {
  id: string;
  text: string;
  category: BlockerCategory;
  /** Every earlier wording the blocker was reported in (its `text` is always compared too). */
  wordings?: readonly string[];
}

export interface RankedBlockerMatch {
  id: string;
  score: number;
  /** True when a post that does not say which blocker it is would be linked to this one. */
  autoLink: boolean;
  /** The named things that differ ("crm / erp"), which block an automatic link; null if none. */
  conflict: string | null;
  /** The wording of the blocker that scored best. */
  wording: string;
}

/**
 * The open blockers a newly reported text may be, best first (ties by id, for determinism), down
 * to `minScore` (the suggestion threshold by default). Pass only the pilot's open blockers.
 */
export function rankBlockerMatches(
  text: string,
  category: BlockerCategory | undefined,
  openBlockers: readonly BlockerCandidate[],
  minScore: number = SUGGEST_THRESHOLD,
): RankedBlockerMatch[] {
  const tokens = blockerTokens(text);
  const entities = entitiesOf(tokens);
  const ranked: RankedBlockerMatch[] = [];
  for (const candidate of openBlockers) {
    const penalty = category !== undefined && category !== candidate.category ? CATEGORY_MISMATCH_PENALTY : 0;
    let best = { score: -1, linkScore: -1, wording: candidate.text };
    let conflict: string | null = null;
    for (const wording of new Set([candidate.text, ...(candidate.wordings ?? [])])) {
      const wordingTokens = blockerTokens(wording);
      const pair = scoreTokens(tokens, wordingTokens);
      if (pair.score > best.score) best = { ...best, score: pair.score, wording };
      best.linkScore = Math.max(best.linkScore, pair.linkScore);
      // Conflicting with any wording the blocker was ever reported in vetoes: precision first.
      conflict ??= conflictOf(entities, entitiesOf(wordingTokens));
    }
    const score = Math.max(0, round(best.score - penalty));
    if (score < minScore) continue;
    const autoLink = conflict === null && best.linkScore - penalty >= AUTO_LINK_THRESHOLD;
    ranked.push({ id: candidate.id, score, autoLink, conflict, wording: best.wording });
  }
  return ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The open blocker a newly reported text is linked to without asking, or null: the best-ranked
 * candidate that may be linked automatically (AUTO_LINK threshold, no veto).
 */
export function findMatchingBlocker(
  text: string,
  category: BlockerCategory | undefined,
  openBlockers: readonly BlockerCandidate[],
): { id: string; score: number } | null {
  const best = rankBlockerMatches(text, category, openBlockers).find((match) => match.autoLink);
  return best ? { id: best.id, score: best.score } : null;
}
