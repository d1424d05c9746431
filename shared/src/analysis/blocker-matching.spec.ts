import { HELD_OUT_CASES, TUNING_CASES, type BlockerCase } from './blocker-pairs';
import { AUTO_LINK_THRESHOLD, MAX_BLOCKER_SUGGESTIONS, SUGGEST_THRESHOLD, compareBlockerTexts, rankBlockerMatches, type BlockerCandidate } from './similarity';

interface Figures {
  pairs: number;
  negatives: number;
  precision: number;
  recall: number;
  suggestionHitRate: number;
  meanSuggestions: number;
  /** Same-meaning wordings linked automatically to the true blocker among the open ones (with its earlier wordings). */
  inContextRecall: number;
  /** Same-meaning wordings linked automatically to a wrong open blocker. */
  inContextWrongLinks: number;
  misses: string[];
}

/**
 * Automatic links, pair by pair: each case's blocker against each of its "same" wordings
 * (positives) and each of its "different" blockers (negatives).
 */
function autoLinkFigures(cases: readonly BlockerCase[], misses: string[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let negatives = 0;
  for (const c of cases) {
    for (const [text, same] of [...c.same.map((t) => [t, true] as const), ...c.different.map((t) => [t, false] as const)]) {
      const { score, conflict, autoLink } = compareBlockerTexts(c.blocker, text);
      if (!same) negatives += 1;
      if (autoLink && same) tp += 1;
      if (autoLink && !same) fp += 1;
      if (!autoLink && same) fn += 1;
      if (autoLink !== same) misses.push(`${same ? 'not linked' : 'WRONG LINK'} ${score.toFixed(3)}${conflict ? ` (veto ${conflict})` : ''}: ${c.blocker} | ${text}`);
    }
  }
  return { pairs: tp + fn + negatives, negatives, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp / (tp + fn) };
}

/**
 * Suggestions as the update form would offer them. For each same-meaning wording, the pilot's
 * open blockers are: the true blocker (with the wordings it was confirmed in earlier in the case,
 * as the register keeps them), the case's "different" blockers (open on the same pilot: the
 * hardest distractors there are) and the blockers of the next three cases of the half (the other,
 * unrelated open blockers a pilot has). A hit is the true blocker among the top
 * MAX_BLOCKER_SUGGESTIONS candidates scoring at least SUGGEST_THRESHOLD. The same setting also
 * tells how many wordings would be linked automatically once earlier wordings are kept, and
 * whether any would be linked to the wrong blocker.
 */
function suggestionFigures(cases: readonly BlockerCase[], misses: string[]) {
  let hits = 0;
  let asked = 0;
  let offered = 0;
  let linked = 0;
  let wrongLinks = 0;
  cases.forEach((c, index) => {
    const others = [1, 2, 3].map((step) => cases[(index + step) % cases.length]);
    c.same.forEach((text, nth) => {
      const open: BlockerCandidate[] = [
        { id: 'true', text: c.blocker, category: 'other', wordings: c.same.slice(0, nth) },
        ...c.different.map((d, i) => ({ id: `different-${i}`, text: d, category: 'other' as const })),
        ...others.map((o, i) => ({ id: `other-${i}`, text: o.blocker, category: 'other' as const })),
      ];
      const ranked = rankBlockerMatches(text, undefined, open);
      const suggestions = ranked.slice(0, MAX_BLOCKER_SUGGESTIONS);
      const autoLinked = ranked.find((match) => match.autoLink);
      if (autoLinked?.id === 'true') linked += 1;
      else if (autoLinked) wrongLinks += 1;
      asked += 1;
      offered += suggestions.length;
      if (suggestions.some((s) => s.id === 'true')) hits += 1;
      else misses.push(`not suggested: ${text} | ${c.blocker} (offered ${suggestions.map((s) => `${s.wording} ${s.score}`).join('; ') || 'nothing'})`);
    });
  });
  return { suggestionHitRate: hits / asked, meanSuggestions: offered / asked, inContextRecall: linked / asked, inContextWrongLinks: wrongLinks };
}

function figures(cases: readonly BlockerCase[]): Figures {
  const misses: string[] = [];
  return { ...autoLinkFigures(cases, misses), ...suggestionFigures(cases, misses), misses };
}

function describe2(name: string, f: Figures): string {
  return `${name}: ${f.pairs} pairs (${f.negatives} different), automatic links precision ${f.precision.toFixed(3)} recall ${f.recall.toFixed(3)}, ` +
    `suggestions hold the true blocker for ${f.suggestionHitRate.toFixed(3)} (${f.meanSuggestions.toFixed(2)} offered on average); ` +
    `among open blockers with earlier wordings kept, ${f.inContextRecall.toFixed(3)} linked automatically, ${f.inContextWrongLinks} to a wrong blocker`;
}

describe('blocker matching on labelled pairs', () => {
  const tuning = figures(TUNING_CASES);
  const heldOut = figures(HELD_OUT_CASES);

  it('prints the figures of both halves', () => {
    console.log(
      `blocker matching, AUTO_LINK ${AUTO_LINK_THRESHOLD}, SUGGEST ${SUGGEST_THRESHOLD}\n${describe2('tuning', tuning)}\n${describe2('held-out', heldOut)}\n` +
        `tuning misses:\n${tuning.misses.join('\n')}`,
    );
    expect(tuning.pairs + heldOut.pairs).toBeGreaterThanOrEqual(200);
    expect(tuning.negatives * 2).toBeGreaterThanOrEqual(tuning.pairs);
    expect(heldOut.negatives * 2).toBeGreaterThanOrEqual(heldOut.pairs);
  });

  it('meets the targets on the held-out half: precision >= 0.95, recall >= 0.6, suggestions >= 0.95', () => {
    expect(heldOut.precision).toBeGreaterThanOrEqual(0.95);
    expect(heldOut.recall).toBeGreaterThanOrEqual(0.6);
    expect(heldOut.suggestionHitRate).toBeGreaterThanOrEqual(0.95);
  });

  it('offers few suggestions, so the prompt stays a question rather than a list', () => {
    expect(heldOut.meanSuggestions).toBeLessThanOrEqual(2.5);
  });
});
