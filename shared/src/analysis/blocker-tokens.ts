/**
 * A blocker text as canonical tokens: acronyms and phrases folded into concepts, stop-words and
 * filler dropped, British spellings made American, words stemmed (Porter2) and mapped to the
 * vocabulary's concepts (blocker-vocabulary.ts). The matcher (similarity.ts) compares these.
 */

import { stem as porterStem } from 'porter2';
import { ENTITIES, GENERIC_WORDS, PHRASES, PROBLEMS, STATUS_WORDS, STOP_WORDS, SYNONYMS } from './blocker-vocabulary';

/** The light stemmer the synonym table was written against ("delays" -> "delay"). */
function lightStem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && /(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * Every word the vocabulary knows, by its Porter2 stem: "approvals", "approving" and "approves"
 * all reach the "approval" concept without each form being listed, and words the vocabulary does
 * not know still meet their other forms ("deployment" / "deploying" -> "deploy").
 */
const BY_STEM: ReadonlyMap<string, string> = (() => {
  const byStem = new Map<string, string>();
  const known = [...Object.keys(ENTITIES), ...STATUS_WORDS, ...GENERIC_WORDS, ...PROBLEMS];
  for (const word of known) if (!byStem.has(stemOf(word))) byStem.set(stemOf(word), word);
  for (const [variant, concept] of Object.entries(SYNONYMS)) if (!byStem.has(stemOf(variant))) byStem.set(stemOf(variant), concept);
  return byStem;
})();

/** British spellings to American ones, so "prioritised" meets "prioritized" and "behaviour" "behavior". */
function americanSpelling(word: string): string {
  return word
    .replace(/^(\w{3,})is(e|ed|es|ing|ation|ations)$/, '$1iz$2')
    .replace(/^(\w{2,})ys(e|ed|es|ing)$/, '$1yz$2')
    .replace(/^(\w{3,})our(s|ed|ing)?$/, '$1or$2')
    .replace(/^(\w{3,})tre(s)?$/, '$1ter$2')
    .replace(/^(\w{3,})ogue(s)?$/, '$1og$2')
    .replace(/^programme(s)?$/, 'program$1');
}

function stemOf(word: string): string {
  return porterStem(americanSpelling(word));
}

function canonical(word: string): string {
  if (ENTITIES[word]) return word;
  const listed = SYNONYMS[word] ?? SYNONYMS[lightStem(word)];
  if (listed) return listed;
  const stemmed = stemOf(word);
  return BY_STEM.get(stemmed) ?? stemmed;
}

/** Adverbs ("properly", "fully", "weekly") say how, not which blocker; known words are kept ("rely"). */
function isFillerAdverb(word: string): boolean {
  return /^[a-z]{4,}ly$/.test(word) && !word.endsWith('ply') && SYNONYMS[word] === undefined && ENTITIES[word] === undefined;
}

/** Canonical tokens of a blocker text, de-duplicated, in first-seen order. */
export function blockerTokens(text: string): string[] {
  // "IT" in capitals is the department, "it" the pronoun.
  let normalised = ` ${text.replace(/\bIT\b/g, 'itdept').toLowerCase().replace(/[’`]/g, "'").replace(/'s\b/g, '')} `;
  for (const [pattern, replacement] of PHRASES) normalised = normalised.replace(pattern, ` ${replacement} `);
  const words = normalised
    .replace(/[^a-z0-9/']+/g, ' ')
    .replace(/['/]/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0 && !STOP_WORDS.has(w) && !/^[0-9]+$/.test(w) && !isFillerAdverb(w));
  return [...new Set(words.map(canonical))];
}

