/**
 * How the demo accounts get their passwords: the README's (embedded demo only), random ones printed
 * once (a real database that asked for the demo), or none at all (tests that only need the data).
 */
export type DemoPasswords = 'published' | 'random' | 'none';

export interface DemoSeedPlan {
  seed: boolean;
  passwords: Exclude<DemoPasswords, 'none'>;
}

/**
 * The demo portfolio fills the embedded default unless SEED_DEMO=false. A real database gets it only
 * when SEED_DEMO=true is asked for, and never with the published passwords: no default credential
 * can exist on a real database.
 */
export function demoSeedPlan(seedDemo: boolean | undefined, embedded: boolean): DemoSeedPlan {
  return { seed: seedDemo ?? embedded, passwords: embedded ? 'published' : 'random' };
}
