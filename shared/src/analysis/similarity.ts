/**
 * Blocker rewording detection: "waiting on IT security review" and "security review by IT still
 * pending" are the same blocker. Leads retype blockers every week, so without this every rewording
 * would look like a new blocker and `repeated_blocker` would never fire.
 *
 * Score = 0.8 x weighted token Dice + 0.2 x character-trigram Dice, both on canonical tokens:
 *  1. lowercase, map a few multi-word phrases to one token ("sign-off" -> approval, "single sign
 *     on" -> sso), strip punctuation, drop stop-words (including negations: a blocker is a problem
 *     by definition, so "not available" and "missing" say the same thing);
 *  2. light stemming (plural, -ing, -ed) and a small synonym table of blocker vocabulary;
 *  3. status words (pending, missing, blocked...) weigh little and generic nouns (review, access,
 *     data...) weigh less than specific ones (security, legal, gpu, crm): "security review pending"
 *     and "legal review pending" share most words but not the one that matters.
 */

import type { BlockerCategory } from '../enums';

/**
 * Score at or above which a newly reported blocker is taken to be an existing one. Chosen to favour
 * precision: a false merge hides a new blocker inside an old one, while a missed merge only leaves
 * a duplicate. On the 68 labelled pairs in the spec: precision 1.0, recall 0.85.
 */
export const BLOCKER_MATCH_THRESHOLD = 0.6;

const PHRASES: readonly [RegExp, string][] = [
  [/\bsingle[\s-]*sign[\s-]*on\b/g, ' sso '],
  [/\bsign[\s-]*off\b/g, ' approval '],
  [/\bgo[\s-]*live\b/g, ' golive '],
  [/\bprivacy impact assessments?\b/g, ' dpia '],
  [/\bdata processing agreements?\b/g, ' dpa '],
  [/\bend[\s-]*users?\b/g, ' user '],
  [/\b(?:can't|cannot|won't|don't|doesn't|didn't|isn't|aren't|hasn't|haven't|wasn't)\b/g, ' '],
];

const STOP_WORDS = new Set(
  ('a an the and or but of to in on at by for from with without into onto over under about after before ' +
    'is are was were be been being has have had do does did will would can could should may might must ' +
    'this that these those it its they them their there here we our us you your he she his her i me my ' +
    'not no nor none nobody never yet still already again also just very too so than then as any some ' +
    'all both each due because while until up out off get got getting keep keeps kept being make made ' +
    'lot lots many much more most less least one two three new old other another among during via per')
    .split(' '),
);

/** Variants mapped to one canonical token (applied before and after stemming). */
const SYNONYMS: Record<string, string> = {};
const GROUPS: Record<string, string[]> = {
  pending: ['pend', 'pending', 'wait', 'waiting', 'await', 'awaiting', 'outstanding', 'delay', 'delayed', 'stuck', 'hold', 'progress', 'open', 'incomplete', 'unfinished', 'done', 'complete', 'completed', 'finish', 'finished'],
  missing: ['missing', 'miss', 'unavailable', 'available', 'lack', 'lacking', 'lacks', 'absent', 'low', 'poor', 'insufficient', 'exist'],
  blocked: ['block', 'blocked', 'blocking', 'prevent', 'prevented', 'denied', 'deny', 'refuse', 'refused'],
  approval: ['approval', 'approve', 'approved', 'signoff', 'authorisation', 'authorization', 'authorise', 'authorize', 'grant', 'granted', 'clearance', 'sign', 'signed', 'unsigned'],
  review: ['review', 'reviewed', 'questionnaire', 'assessment', 'audit', 'evaluation', 'check'],
  security: ['security', 'infosec', 'cybersecurity', 'ciso', 'secops', 'pentest'],
  integration: ['integration', 'integrate', 'integrated', 'connector', 'connection', 'api', 'apis', 'endpoint', 'interface', 'build', 'built'],
  access: ['access', 'permission', 'credential', 'credentials', 'login', 'provision', 'provisioned', 'accessible', 'inaccessible'],
  crm: ['crm', 'salesforce', 'hubspot', 'dynamic'],
  erp: ['erp', 'netsuite'],
  sponsor: ['sponsor', 'sponsorship', 'champion', 'exec', 'executive', 'leadership', 'vp', 'cxo'],
  left: ['left', 'leave', 'leaving', 'departed', 'depart', 'quit', 'resigned', 'disengaged', 'disengage', 'attend', 'attended'],
  user: ['user', 'staff', 'employee', 'agent', 'people', 'frontline', 'worker', 'colleague'],
  training: ['train', 'training', 'trained', 'onboard', 'onboarding', 'enablement', 'course'],
  budget: ['budget', 'funding', 'fund', 'money', 'spend', 'exhausted'],
  license: ['license', 'licence', 'seat', 'subscription'],
  production: ['production', 'prod', 'live'],
  latency: ['latency', 'slow', 'response', 'speed', 'performance', 'lag'],
  accuracy: ['accuracy', 'accurate', 'quality', 'error', 'hallucination', 'wrong', 'precision'],
  trust: ['trust', 'confidence', 'skeptical', 'sceptical', 'distrust'],
  workflow: ['workflow', 'process', 'procedure', 'way'],
  legal: ['legal', 'lawyer', 'counsel', 'attorney'],
  compute: ['compute', 'gpu', 'capacity', 'quota', 'cluster'],
  measure: ['measure', 'measured', 'measurement', 'metric', 'kpi', 'track', 'tracking'],
  owner: ['owner', 'own', 'owns', 'ownership', 'accountable'],
  export: ['export', 'extract', 'download', 'dump'],
  reassigned: ['reassign', 'reassigned', 'redirected', 'pulled', 'moved', 'lost'],
  engineer: ['engineer', 'developer', 'dev'],
  vendor: ['vendor', 'supplier', 'provider'],
};
for (const [canonical, variants] of Object.entries(GROUPS)) {
  for (const variant of variants) SYNONYMS[variant] = canonical;
}

/** Status words say that something is wrong, not what: they barely count. */
const STATUS_WORDS = new Set(['pending', 'missing', 'blocked', 'approval', 'left', 'issue', 'problem', 'need', 'use', 'tool', 'time']);
/** Broad nouns that many different blockers share. */
const GENERIC_WORDS = new Set(['review', 'access', 'integration', 'data', 'user', 'system', 'model', 'project', 'team', 'company', 'production', 'workflow', 'source', 'training']);

export function tokenWeight(token: string): number {
  if (STATUS_WORDS.has(token)) return 0.3;
  if (GENERIC_WORDS.has(token)) return 0.6;
  return 1;
}

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && /(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function canonical(word: string): string {
  return SYNONYMS[word] ?? SYNONYMS[stem(word)] ?? stem(word);
}

/** Canonical tokens of a blocker text, de-duplicated, in first-seen order. */
export function blockerTokens(text: string): string[] {
  let normalised = text.toLowerCase().replace(/[’`]/g, "'");
  for (const [pattern, replacement] of PHRASES) normalised = normalised.replace(pattern, replacement);
  const words = normalised
    .replace(/[^a-z0-9']+/g, ' ')
    .replace(/'s\b/g, '') // possessive: "the AI's answers"
    .replace(/'/g, '')
    .split(' ')
    .filter((w) => w.length > 0 && !STOP_WORDS.has(w));
  return [...new Set(words.map(canonical))];
}

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

/** Weighted Dice: shared weight counted on both sides over the total weight of both sides. */
function weightedTokenDice(a: readonly string[], b: readonly string[]): number {
  const setB = new Set(b);
  let shared = 0;
  let total = 0;
  for (const token of a) {
    total += tokenWeight(token);
    if (setB.has(token)) shared += 2 * tokenWeight(token);
  }
  for (const token of b) total += tokenWeight(token);
  return total === 0 ? 0 : shared / total;
}

/** Similarity of two blocker texts, 0 (unrelated) to 1 (same wording after normalisation). */
export function blockerSimilarity(a: string, b: string): number {
  const tokensA = blockerTokens(a);
  const tokensB = blockerTokens(b);
  if (tokensA.length === 0 || tokensB.length === 0) return 0;
  const tokenScore = weightedTokenDice(tokensA, tokensB);
  const charScore = dice(trigrams([...tokensA].sort().join(' ')), trigrams([...tokensB].sort().join(' ')));
  return Math.round((0.8 * tokenScore + 0.2 * charScore) * 1000) / 1000;
}

export interface BlockerCandidate {
  id: string;
  text: string;
  category: BlockerCategory;
}

/** A different category is weak counter-evidence (leads do pick categories inconsistently). */
export const CATEGORY_MISMATCH_PENALTY = 0.1;

/**
 * Best open blocker of the same pilot matching a newly reported text, or null. Pass only the
 * pilot's open blockers. Ties go to the lexicographically smallest id, for determinism.
 */
export function findMatchingBlocker(
  text: string,
  category: BlockerCategory | undefined,
  openBlockers: readonly BlockerCandidate[],
  threshold: number = BLOCKER_MATCH_THRESHOLD,
): { id: string; score: number } | null {
  let best: { id: string; score: number } | null = null;
  for (const candidate of openBlockers) {
    const penalty = category !== undefined && category !== candidate.category ? CATEGORY_MISMATCH_PENALTY : 0;
    const score = Math.max(0, Math.round((blockerSimilarity(text, candidate.text) - penalty) * 1000) / 1000);
    if (score < threshold) continue;
    if (!best || score > best.score || (score === best.score && candidate.id < best.id)) best = { id: candidate.id, score };
  }
  return best;
}
