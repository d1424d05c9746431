import { demoSeedPlan } from './demo-seed-plan';

describe('demo seed plan', () => {
  it.each([
    [undefined, true, { seed: true, passwords: 'published' }],
    [false, true, { seed: false, passwords: 'published' }],
    [true, true, { seed: true, passwords: 'published' }],
    [undefined, false, { seed: false, passwords: 'random' }],
    [false, false, { seed: false, passwords: 'random' }],
    [true, false, { seed: true, passwords: 'random' }],
  ] as const)('SEED_DEMO=%s on embedded=%s -> %j', (seedDemo, embedded, plan) => {
    expect(demoSeedPlan(seedDemo, embedded)).toEqual(plan);
  });
});
