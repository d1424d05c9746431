/**
 * The password of a demo account on the server under test. The embedded database gets the
 * published ones; a real database never does: SEED_DEMO=true there sets random passwords, which
 * the server prints once at start.
 */
export function demoPassword(email: string, published: string, realDatabase: boolean, serverOutput: string): string {
  if (!realDatabase) return published;
  const printed = new RegExp(`${email.replace(/\./g, '\\.')}\\s+password: (\\S+)`).exec(serverOutput)?.[1];
  if (!printed) throw new Error(`the server did not print a password for ${email}`);
  return printed;
}
