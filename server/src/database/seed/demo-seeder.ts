import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS } from '@liftoff/shared';
import { hashPassword } from '../../auth/credentials';
import { readTemplateManifest } from '../embedded-template';
import { insertPortfolio } from './bulk-insert';
import type { DemoPasswords } from './demo-seed-plan';
import { DEMO_OPTIONS, generatePortfolio, type PortfolioOptions } from './portfolio-generator';

/**
 * Hashes of the published demo passwords, made once per process, so a process that seeds many times
 * does not pay argon2 each time; the build made them already for the embedded template, so a first
 * start pays nothing. Random passwords are hashed fresh, of course.
 */
const publishedHashes = new Map<string, Promise<string>>();
let prebuiltHashes: Record<string, string> | null = null;
const publishedHash = (password: string): Promise<string> => {
  let hash = publishedHashes.get(password);
  if (!hash) {
    prebuiltHashes ??= readTemplateManifest()?.demoPasswordHashes ?? {};
    const prebuilt = prebuiltHashes[password];
    hash = prebuilt ? Promise.resolve(prebuilt) : hashPassword(password);
    hash.catch(() => publishedHashes.delete(password)); // a failure is not remembered
    publishedHashes.set(password, hash);
  }
  return hash;
};

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

  /** The demo portfolio with its demo people unable to sign in (no password): what tests need. */
  async seedIfEmpty(options: Partial<PortfolioOptions> = {}): Promise<boolean> {
    return (await this.seed(options, 'none')).seeded;
  }

  /** The demo portfolio with its sign-ins: the published passwords (embedded demo) or random ones. */
  seed(options: Partial<PortfolioOptions>, passwords: DemoPasswords): Promise<SeedOutcome> {
    return this.dataSource.transaction(async (manager) => {
      // One seeder at a time, even with several instances starting together.
      await manager.query('SELECT pg_advisory_xact_lock(7261001)');
      const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM pilots');
      if (count > 0) return { seeded: false, accounts: [] };
      const rows = generatePortfolio({ ...DEMO_OPTIONS, now: new Date(), ...options });
      await insertPortfolio(manager, rows);
      const accounts: SeedOutcome['accounts'] = [];
      const planted = (options.planted ?? DEMO_OPTIONS.planted) && rows.people.some((p) => p.email === DEMO_ACCOUNTS[0].email);
      if (planted && passwords !== 'none') {
        for (const account of DEMO_ACCOUNTS) {
          const password = passwords === 'published' ? account.password : randomBytes(15).toString('base64url');
          const hash = passwords === 'published' ? await publishedHash(password) : await hashPassword(password);
          await manager.query('UPDATE people SET password_hash = $2 WHERE email = $1', [account.email, hash]);
          accounts.push({ email: account.email, role: account.role, password });
        }
      }
      this.logger.log(`Seeded the demo portfolio: ${rows.pilots.length} pilots, ${rows.weekly_updates.length} weekly updates`);
      return { seeded: true, accounts };
    });
  }
}
