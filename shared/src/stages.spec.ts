import { STAGES } from './enums';
import { canChangeStage, STAGE_TRANSITIONS, UNDERWAY_STAGES } from './stages';

describe('stage transitions', () => {
  it.each([
    ['proposed', 'piloting', true],
    ['piloting', 'scaling', true],
    ['scaling', 'production', true],
    ['piloting', 'production', false],
    ['killed', 'piloting', false],
    ['pivoted', 'piloting', false],
    ['paused', 'piloting', true],
  ] as const)('%s -> %s is %s', (from, to, allowed) => {
    expect(canChangeStage(from, to)).toBe(allowed);
  });

  it('never allows staying in the same stage', () => {
    for (const stage of STAGES) expect(STAGE_TRANSITIONS[stage]).not.toContain(stage);
  });
});

describe('underway stages', () => {
  it('are every stage that does not end a pilot, in the usual order', () => {
    expect(UNDERWAY_STAGES).toEqual(['proposed', 'piloting', 'scaling', 'paused']);
  });
});
