import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import type { HealthStatus } from '@liftoff/shared';
import { DatabaseConnection } from '../database/database-connection';
import { Public } from '../auth/access.decorators';
import { ApiResult } from '../openapi/api-result';

/** How long the readiness check waits for `SELECT 1`. */
export const READY_TIMEOUT_MS = 1000;

/**
 * Liveness (the process answers) and readiness (the database answers in time), for load balancers and
 * orchestrators. Liveness never touches the database, so an outage does not get a healthy process
 * restarted; it recovers by itself once the database is back.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly connection: DatabaseConnection,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Readiness in the compact form: 200 when the database answers within a second, else 503' })
  @ApiOkResponse({ description: 'The app and its database answer' })
  @ApiResult('HealthStatus')
  @ApiServiceUnavailableResponse({ description: 'The database did not answer in time (Retry-After says when to try again)' })
  async status(): Promise<HealthStatus> {
    await this.ready();
    return {
      status: 'ok',
      database: this.connection.isEmbedded ? 'embedded' : 'external',
      version: process.env.npm_package_version ?? '0.1.0',
    };
  }

  @Public()
  @Get('live')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Liveness: 200 while the process serves requests; never touches the database' })
  @ApiOkResponse({ description: 'The process is up' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Public()
  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Readiness: 200 when the database answers within a second, else 503' })
  @ApiOkResponse({ description: 'The database answered: `{ status: "ok", info: { database: { status: "up" } } }`' })
  @ApiServiceUnavailableResponse({ description: 'The database did not answer in time (Retry-After says when to try again)' })
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: READY_TIMEOUT_MS })]);
    } catch (error) {
      // Terminus's own body would echo the driver's message (host names, ports): say only what failed.
      if (error instanceof ServiceUnavailableException) {
        throw new ServiceUnavailableException(`The database did not answer within ${READY_TIMEOUT_MS} ms`);
      }
      throw error;
    }
  }
}
