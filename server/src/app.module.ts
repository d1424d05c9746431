import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { createValidationPipe } from './common/validation';
import { validateConfig, type AppConfig } from './config/config.schema';
import { DatabaseModule } from './database/database.module';
import { JobsModule } from './jobs/jobs.module';
import { EventsModule } from './events/events.module';
import { NotificationsModule } from './notifications/notifications.module';
import { BusinessUnitsModule } from './business-units/business-units.module';
import { PeopleModule } from './people/people.module';
import { PilotsModule } from './pilots/pilots.module';
import { KpisModule } from './kpis/kpis.module';
import { UpdatesModule } from './updates/updates.module';
import { BlockersModule } from './blockers/blockers.module';
import { ScheduleModule } from '@nestjs/schedule';
import { SettingsModule } from './settings/settings.module';
import { SignalsModule } from './signals/signals.module';
import { AuthModule } from './auth/auth.module';
import { SsoModule } from './sso/sso.module';
import { DecisionsModule } from './decisions/decisions.module';
import { AuditModule } from './audit/audit.module';
import { PortfolioModule } from './portfolio/portfolio.module';
import { PacksModule } from './packs/packs.module';
import { RemindersModule } from './reminders/reminders.module';
import { DigestModule } from './digest/digest.module';
import { AuthGuard } from './auth/auth.guard';
import { HealthModule } from './health/health.module';
import { SeedModule } from './database/seed/seed.module';
import { ImportsModule } from './imports/imports.module';
import { ExportsModule } from './exports/exports.module';
import { clientModule } from './client-assets/client-assets';
import { EmailNotificationsModule } from './notifications/email/email-notifications.module';

/** Query values named like secrets are blanked out of the logged URL (links carry their token after '#', which is never sent). */
export function withoutSecretsInUrl<R extends { url?: string }>(req: R): R {
  if (req.url) req.url = req.url.replace(/([?&](?:token|password|secret)[^=&]*=)[^&#]*/gi, '$1[redacted]');
  return req;
}

/**
 * The whole application. Built by a function so the environment is read when the app is created
 * (tests set it per database), not when this file is first imported.
 */
@Module({})
export class AppModule {
  static forRoot(): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, validate: validateConfig, cache: true }),
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<AppConfig, true>) => ({
            // Named wildcard: the path syntax of Express 5 (a bare '*' logs a warning at start).
            forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
            // Written to stdout asynchronously: a synchronous write per request line held the event loop
            // for about a tenth of a signed-in request's CPU time. pino flushes what is pending on exit.
            pinoHttp: [{
              level: config.get('LOG_LEVEL', { infer: true }),
              autoLogging: { ignore: (req) => req.url === '/api/health' || req.url === '/api/health/live' || req.url === '/api/health/ready' },
              // Sessions and tokens never reach the log: not as a request header, a response header or a query value.
              redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', 'req.query.token'], censor: '[redacted]' },
              serializers: { req: withoutSecretsInUrl },
            }, pino.destination({ dest: 1, sync: false })],
          }),
        }),
        ScheduleModule.forRoot(),
        DatabaseModule,
        JobsModule,
        EventsModule,
        NotificationsModule,
        ...clientModule(),
        SeedModule,
        HealthModule,
        BusinessUnitsModule,
        ImportsModule,
        ExportsModule,
        PeopleModule,
        PilotsModule,
        KpisModule,
        UpdatesModule,
        BlockersModule,
        SettingsModule,
        SignalsModule,
        AuthModule,
        SsoModule,
        DecisionsModule,
        AuditModule,
        PortfolioModule,
        PacksModule,
        EmailNotificationsModule,
        RemindersModule,
        DigestModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_GUARD, useExisting: AuthGuard },
      ],
    };
  }
}
