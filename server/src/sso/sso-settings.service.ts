import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConfigService } from '@nestjs/config';
import { DataSource, EntityManager } from 'typeorm';
import { mayUsePassword, type SignInOptions, type SsoSettings } from '@liftoff/shared';
import type { AppConfig } from '../config/config.schema';
import { loadForEdit } from '../common/optimistic-lock';
import { RequestValidationException } from '../common/validation';
import { Person } from '../people/person.entity';
import { SsoSettingsRecord } from './sso-settings.entity';
import { UpdateSsoSettingsDto } from './dto/sso-settings.dto';

const SETTINGS_ID = 1;

@Injectable()
export class SsoSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  get configured(): boolean {
    return Boolean(this.config.get('OIDC_ISSUER_URL', { infer: true }));
  }

  record(manager: EntityManager = this.dataSource.manager): Promise<SsoSettingsRecord> {
    return manager.findOneOrFail(SsoSettingsRecord, { where: { id: SETTINGS_ID } });
  }

  async get(): Promise<SsoSettings> {
    return this.toView(await this.record());
  }

  async signInOptions(): Promise<SignInOptions> {
    const record = await this.record();
    return {
      sso: this.configured ? { providerName: this.config.get('OIDC_PROVIDER_NAME', { infer: true }), startUrl: '/api/auth/sso/start' } : null,
      passwordSignIn: this.passwordsOn(record),
    };
  }

  /** Passwords work unless the program office switched them off while company sign-in is configured. */
  passwordsOn(record: SsoSettingsRecord): boolean {
    return mayUsePassword({ ssoConfigured: this.configured, passwordSignIn: record.passwordSignIn, breakGlassPersonId: null }, '');
  }

  update(dto: UpdateSsoSettingsDto): Promise<SsoSettings> {
    return this.dataSource.transaction(async (manager) => {
      const record = await loadForEdit(manager, SsoSettingsRecord, SETTINGS_ID as unknown as string, dto.version, 'Company sign-in settings');
      if (dto.mappings !== undefined) record.mappings = dedupe(dto.mappings);
      if (dto.passwordSignIn !== undefined) record.passwordSignIn = dto.passwordSignIn;
      if (dto.breakGlassPersonId !== undefined) record.breakGlassPersonId = dto.breakGlassPersonId;
      await this.checkPasswordSwitch(manager, record);
      return this.toView(await manager.save(record));
    });
  }

  /** Switching passwords off needs company sign-in and one program-office account that can still get in. */
  private async checkPasswordSwitch(manager: EntityManager, record: SsoSettingsRecord): Promise<void> {
    if (record.passwordSignIn) return;
    if (!this.configured) {
      throw new RequestValidationException([{ field: 'passwordSignIn', messages: ['passwordSignIn can only be switched off while company sign-in is configured (OIDC_ISSUER_URL)'] }]);
    }
    const messages = ['breakGlassPersonId must name an active program-office account with a password while password sign-in is off'];
    if (!record.breakGlassPersonId) throw new RequestValidationException([{ field: 'breakGlassPersonId', messages }]);
    const person = await manager.findOne(Person, { where: { id: record.breakGlassPersonId }, select: { id: true, role: true, deactivatedAt: true, passwordHash: true } });
    if (!person || person.role !== 'program_office' || person.deactivatedAt || !person.passwordHash) throw new RequestValidationException([{ field: 'breakGlassPersonId', messages }]);
  }

  private toView(record: SsoSettingsRecord): SsoSettings {
    return {
      configured: this.configured,
      providerName: this.configured ? this.config.get('OIDC_PROVIDER_NAME', { infer: true }) : null,
      mappings: record.mappings.map(({ group, role }) => ({ group, role })),
      passwordSignIn: this.passwordsOn(record),
      breakGlassPersonId: record.breakGlassPersonId,
      version: record.version,
    };
  }
}

/** The same group and role twice is one line. */
function dedupe<T extends { group: string; role: string }>(mappings: T[]): T[] {
  const seen = new Set<string>();
  return mappings.filter((m) => {
    const key = `${m.group}\u0000${m.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
