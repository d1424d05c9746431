import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.schema';
import { Person } from '../people/person.entity';
import { hashPassword } from './credentials';
import { endAccess } from './sessions.service';

/**
 * A real deployment's first program-office account comes from ADMIN_EMAIL / ADMIN_PASSWORD (or the
 * create-admin command), never from a default password.
 */
@Injectable()
export class AccountsBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AccountsBootstrap.name);

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.get('ADMIN_EMAIL', { infer: true });
    const password = this.config.get('ADMIN_PASSWORD', { infer: true });
    if (!email || !password) return;
    const created = await ensureProgramOfficeAccount(this.dataSource, email, this.config.get('ADMIN_NAME', { infer: true }), password, false);
    if (created) this.logger.log(`Created the program-office account ${email}`);
  }
}

/** Creates the account, or (when `resetPassword`) sets its password; returns whether anything changed. */
export async function ensureProgramOfficeAccount(dataSource: DataSource, rawEmail: string, name: string, password: string, resetPassword: boolean): Promise<boolean> {
  const email = rawEmail.trim().toLowerCase();
  return dataSource.transaction(async (manager) => {
    const existing = await manager.createQueryBuilder(Person, 'p').addSelect('p.passwordHash').where({ email }).getOne();
    if (existing && existing.passwordHash && !resetPassword) return false;
    const person = existing ?? manager.create(Person, { email, name, role: 'program_office', businessUnitId: null, deactivatedAt: null });
    person.passwordHash = await hashPassword(password);
    // The recovery path: a reset admin is active again, and whoever held the old password is signed out.
    person.deactivatedAt = null;
    if (!existing) person.role = 'program_office';
    await manager.save(person);
    if (existing) await endAccess(manager, existing.id, { tokens: true });
    return true;
  });
}
