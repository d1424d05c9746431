import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { HealthStatus } from '@liftoff/shared';
import { DatabaseConnection } from '../database/database-connection';
import { Public } from '../auth/access.decorators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly connection: DatabaseConnection,
  ) {}

  /** Answers only when the database answers, so a load balancer can rely on it. */
  @Public()
  @Get()
  async health(): Promise<HealthStatus> {
    await this.dataSource.query('SELECT 1');
    return {
      status: 'ok',
      database: this.connection.isEmbedded ? 'embedded' : 'external',
      version: process.env.npm_package_version ?? '0.1.0',
    };
  }
}
