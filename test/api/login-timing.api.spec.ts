import { performance } from 'node:perf_hooks';
import { ensureProgramOfficeAccount } from '../../server/src/auth/accounts-bootstrap';
import { startTestApp, type TestApp } from './support/test-app';

const KNOWN = 'known.timing@example.com';
const DEACTIVATED = 'deactivated.timing@example.com';
const PASSWORD = 'timing test passphrase';
const ATTEMPTS = 9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * A failed sign-in takes as long for an unknown email (or a deactivated person) as for a known one,
 * so timing cannot tell which emails have accounts. Attempts are interleaved so load on the machine
 * falls on every kind alike.
 */
describe('sign-in timing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    await ensureProgramOfficeAccount(t.dataSource, KNOWN, 'Known', PASSWORD, false);
    await ensureProgramOfficeAccount(t.dataSource, DEACTIVATED, 'Gone', PASSWORD, false);
    await t.dataSource.query('UPDATE people SET deactivated_at = now() WHERE email = $1', [DEACTIVATED]);
  });
  afterAll(() => t.close());

  const timeLogin = async (email: string, password: string, status: number) => {
    const started = performance.now();
    await t.anonymous.post('/api/auth/login').send({ email, password }).expect(status);
    return performance.now() - started;
  };

  it('costs the same for a known email, an unknown one and a deactivated person (medians within 0.5x-2x)', async () => {
    await timeLogin(KNOWN, 'warming up', 401);
    const known: number[] = [];
    const unknown: number[] = [];
    const deactivated: number[] = [];
    for (let i = 0; i < ATTEMPTS; i++) {
      known.push(await timeLogin(KNOWN, `wrong password ${i}`, 401));
      unknown.push(await timeLogin(`nobody-${i}@example.com`, `wrong password ${i}`, 401));
      deactivated.push(await timeLogin(DEACTIVATED, PASSWORD, 401));
    }
    const base = median(known);
    for (const other of [median(unknown), median(deactivated)]) {
      expect(other / base).toBeGreaterThan(0.5);
      expect(other / base).toBeLessThan(2);
    }
    // The password check itself is what takes the time: far more than a bare lookup would.
    expect(median(unknown)).toBeGreaterThan(5);
  });
});
