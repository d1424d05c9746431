import { randomBytes } from 'node:crypto';
import { BadRequestException, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ChannelTestResult, NotificationChannelView, NotificationChannelWithSecret } from '@liftoff/shared';
import type { AppConfig } from '../config/config.schema';
import { findOrFail, loadForEdit } from '../common/optimistic-lock';
import { sendToChannel, testEvent } from './configured-channels';
import { CreateNotificationChannelDto, EditNotificationChannelDto } from './dto/notification-channel.dto';
import { NotificationChannel } from './notification-channel.entity';

const LABEL = 'Notification channel';

/** Scheme and host only: the path and query of an incoming webhook are its credentials. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return '…';
  }
}

const newSigningSecret = () => `lsec_${randomBytes(32).toString('hex')}`;

export function toChannelView(channel: NotificationChannel): NotificationChannelView {
  return {
    id: channel.id,
    kind: channel.kind,
    name: channel.name,
    maskedUrl: maskUrl(channel.url),
    eventTypes: channel.eventTypes,
    enabled: channel.enabled,
    signed: channel.signingSecret !== null,
    version: channel.version,
    createdAt: channel.createdAt.toISOString(),
    updatedAt: channel.updatedAt.toISOString(),
  };
}

/** The program office's channels: create, edit (optimistic locking), delete, rotate a secret, send a test. */
@Injectable()
export class NotificationChannelsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async list(): Promise<NotificationChannelView[]> {
    const channels = await this.dataSource.getRepository(NotificationChannel).find({ order: { name: 'ASC', createdAt: 'ASC' } });
    return channels.map(toChannelView);
  }

  async get(id: string): Promise<NotificationChannelView> {
    return toChannelView(await findOrFail(this.dataSource.manager, NotificationChannel, id, LABEL));
  }

  create(dto: CreateNotificationChannelDto): Promise<NotificationChannelWithSecret> {
    return this.dataSource.transaction(async (manager) => {
      const signingSecret = dto.kind === 'webhook' ? newSigningSecret() : null;
      const channel = await manager.save(
        manager.create(NotificationChannel, { kind: dto.kind, name: dto.name.trim(), url: dto.url.trim(), eventTypes: dto.eventTypes, enabled: dto.enabled ?? true, signingSecret }),
      );
      return { ...toChannelView(channel), signingSecret };
    });
  }

  edit(id: string, dto: EditNotificationChannelDto): Promise<NotificationChannelView> {
    return this.dataSource.transaction(async (manager) => {
      const channel = await loadForEdit(manager, NotificationChannel, id, dto.version, LABEL);
      if (dto.name !== undefined) channel.name = dto.name.trim();
      if (dto.url !== undefined) channel.url = dto.url.trim();
      if (dto.eventTypes !== undefined) channel.eventTypes = dto.eventTypes;
      if (dto.enabled !== undefined) channel.enabled = dto.enabled;
      return toChannelView(await manager.save(channel));
    });
  }

  /** A new signing secret for a webhook; the old one stops working at once. */
  rotateSecret(id: string, version: number): Promise<NotificationChannelWithSecret> {
    return this.dataSource.transaction(async (manager) => {
      const channel = await loadForEdit(manager, NotificationChannel, id, version, LABEL);
      if (channel.kind !== 'webhook') throw new BadRequestException(`Only webhook channels sign their requests; "${channel.name}" is a ${channel.kind} channel`);
      channel.signingSecret = newSigningSecret();
      const saved = await manager.save(channel);
      return { ...toChannelView(saved), signingSecret: saved.signingSecret };
    });
  }

  remove(id: string): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await manager.remove(await findOrFail(manager, NotificationChannel, id, LABEL));
    });
  }

  /** Sends a clearly labelled test event now (even to a channel turned off) and reports what the receiver answered. */
  async test(id: string): Promise<ChannelTestResult> {
    const channel = await findOrFail(this.dataSource.manager, NotificationChannel, id, LABEL);
    const started = Date.now();
    const result = await sendToChannel(channel, testEvent(), {
      publicUrl: this.config.get('PUBLIC_URL', { infer: true }),
      timeoutMs: this.config.get('DELIVERY_TIMEOUT_MS', { infer: true }),
    });
    return { ok: result.ok, responseCode: result.responseCode, error: result.error, durationMs: Date.now() - started };
  }
}
