import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { OidcClient } from './oidc-client';
import { SsoSettingsController, SsoSignInController } from './sso.controller';
import { SsoSettingsService } from './sso-settings.service';
import { SsoSignInService } from './sso-sign-in.service';

/** Company sign-in over OpenID Connect, and the program office's group-to-role table. */
@Module({
  imports: [AuthModule],
  controllers: [SsoSignInController, SsoSettingsController],
  providers: [OidcClient, SsoSettingsService, SsoSignInService],
  exports: [SsoSettingsService],
})
export class SsoModule {}
