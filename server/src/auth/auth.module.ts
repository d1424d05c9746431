import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from '../config/config.schema';
import { DatabaseConnection } from '../database/database-connection';
import { AccountsBootstrap } from './accounts-bootstrap';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { resolveSessionSecret } from './session-secret';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [ConfigService, DatabaseConnection],
      useFactory: (config: ConfigService<AppConfig, true>, connection: DatabaseConnection) => ({
        secret: resolveSessionSecret(config.get('JWT_SECRET', { infer: true }), connection.isEmbedded, config.get('DATA_DIR', { infer: true })),
        signOptions: { expiresIn: `${config.get('SESSION_TTL_HOURS', { infer: true })}h` },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => [{ name: 'login', ttl: 60_000, limit: config.get('LOGIN_RATE_LIMIT', { infer: true }) }],
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, AuthGuard, AccountsBootstrap],
  exports: [AuthService, AuthGuard, JwtModule],
})
export class AuthModule {}
