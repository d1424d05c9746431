import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.schema';
import { AccountLinksService } from './account-links.service';
import { AccountsBootstrap } from './accounts-bootstrap';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { DatabaseThrottlerStorage } from './database-throttler-storage';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    // One budget per client and route for everything that checks a password or a link token, counted in
    // the database so that every worker and instance shares it.
    ThrottlerModule.forRootAsync({
      inject: [ConfigService, DataSource],
      useFactory: (config: ConfigService<AppConfig, true>, dataSource: DataSource) => ({
        throttlers: [{ name: 'login', ttl: 60_000, limit: config.get('LOGIN_RATE_LIMIT', { infer: true }) }],
        storage: new DatabaseThrottlerStorage(dataSource),
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, AuthGuard, AccountsBootstrap, SessionsService, AccountLinksService],
  exports: [AuthService, AuthGuard, SessionsService, AccountLinksService],
})
export class AuthModule {}
