import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from '../config/config.schema';
import { AccountLinksService } from './account-links.service';
import { AccountsBootstrap } from './accounts-bootstrap';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { SessionsService } from './sessions.service';

/**
 * Each worker process counts attempts on its own, and a client's connections are dealt round the
 * workers: each gets its share of the limit, so that all of them together never allow more.
 */
export function loginLimitPerProcess(limit: number, workers: number): number {
  return Math.max(1, Math.floor(limit / workers));
}

@Module({
  imports: [
    // One budget per client and route for everything that checks a password or a link token.
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => [
        { name: 'login', ttl: 60_000, limit: loginLimitPerProcess(config.get('LOGIN_RATE_LIMIT', { infer: true }), config.get('SERVER_WORKERS', { infer: true })) },
      ],
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, AuthGuard, AccountsBootstrap, SessionsService, AccountLinksService],
  exports: [AuthService, AuthGuard, SessionsService, AccountLinksService],
})
export class AuthModule {}
