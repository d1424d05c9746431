import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '@liftoff/shared';
import { hashPassword } from '../../auth/credentials';
import { insertPortfolio } from './bulk-insert';
import { DEMO_OPTIONS, generatePortfolio, type PortfolioOptions } from './portfolio-generator';

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
          await manager.query('UPDATE people SET password_hash = $2 WHERE email = $1', [account.email, await hashPassword(account.password)]);
        }
      }
      this.logger.log(`Seeded the demo portfolio: ${rows.pilots.length} pilots, ${rows.weekly_updates.length} weekly updates`);
      return true;
    });
  }
}
