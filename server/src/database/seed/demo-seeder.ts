import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '@liftoff/shared';
import { hashPassword } from '../../auth/credentials';
import { insertPortfolio } from './bulk-insert';
import type { DemoPasswords } from './demo-seed-plan';
import { DEMO_OPTIONS, generatePortfolio, type PortfolioOptions } from './portfolio-generator';

/** What seeding did; `accounts` holds the demo sign-ins it set (random passwords appear only here). */
export interface SeedOutcome {
  seeded: boolean;
  accounts: { email: string; role: string; password: string }[];
}

/** Fills an empty database with the demo portfolio; a database that has any pilot is left alone. */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async seedIfEmpty(options: Partial<PortfolioOptions> = {}, passwords: DemoPasswords = 'random'): Promise<SeedOutcome> {
    return this.dataSource.transaction(async (manager) => {
      // One seeder at a time, even with several instances starting together.
      await manager.query('SELECT pg_advisory_xact_lock(7261001)');
      const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM pilots');
      if (count > 0) return { seeded: false, accounts: [] };
      const rows = generatePortfolio({ ...DEMO_OPTIONS, today: new Date(), ...options });
      await insertPortfolio(manager, rows);
      const accounts: SeedOutcome['accounts'] = [];
      if ((options.planted ?? DEMO_OPTIONS.planted) && rows.people.some((p) => p.email === DEMO_ACCOUNTS[0].email)) {
        for (const account of DEMO_ACCOUNTS) {
          const password = passwords === 'published' ? account.password : randomBytes(15).toString('base64url');
          await manager.query('UPDATE people SET password_hash = $2 WHERE email = $1', [account.email, await hashPassword(password)]);
          accounts.push({ email: account.email, role: account.role, password });
        }
      }
      this.logger.log(`Seeded the demo portfolio: ${rows.pilots.length} pilots, ${rows.weekly_updates.length} weekly updates`);
      return { seeded: true, accounts };
    });
  }
}
