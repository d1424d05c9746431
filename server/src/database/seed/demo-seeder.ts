import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '@liftoff/shared';
import { hashPassword } from '../../auth/credentials';
import { insertPortfolio } from './bulk-insert';
import { DEMO_OPTIONS, generatePortfolio, type PortfolioOptions } from './portfolio-generator';

/**
 * Hashes of the demo accounts' passwords, made once per process: the passwords are published in the
 * README, and a suite that seeds many times (one portfolio per weekday) should not pay argon2 each time.
 */
const demoPasswordHashes = new Map<string, Promise<string>>();
const demoPasswordHash = (password: string): Promise<string> => {
  let hash = demoPasswordHashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hash.catch(() => demoPasswordHashes.delete(password)); // a failure is not remembered
    demoPasswordHashes.set(password, hash);
  }
  return hash;
};

/** Fills an empty database with the demo portfolio; a database that has any pilot is left alone. */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async seedIfEmpty(options: Partial<PortfolioOptions> = {}): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      // One seeder at a time, even with several instances starting together.
      await manager.query('SELECT pg_advisory_xact_lock(7261001)');
      const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM pilots');
      if (count > 0) return false;
      const rows = generatePortfolio({ ...DEMO_OPTIONS, now: new Date(), ...options });
      await insertPortfolio(manager, rows);
      if ((options.planted ?? DEMO_OPTIONS.planted) && rows.people.some((p) => p.email === DEMO_ACCOUNTS[0].email)) {
        for (const account of DEMO_ACCOUNTS) {
          await manager.query('UPDATE people SET password_hash = $2 WHERE email = $1', [account.email, await demoPasswordHash(account.password)]);
        }
      }
      this.logger.log(`Seeded the demo portfolio: ${rows.pilots.length} pilots, ${rows.weekly_updates.length} weekly updates`);
      return true;
    });
  }
}
