import { Body, Controller, Get, Patch, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResult } from '../openapi/api-result';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { SignInOptions, SsoSettings } from '@liftoff/shared';
import type { AppConfig } from '../config/config.schema';
import { ProgramOffice, Public } from '../auth/access.decorators';
import { SESSION_COOKIE } from '../auth/credentials';
import { UpdateSsoSettingsDto } from './dto/sso-settings.dto';
import { ATTEMPT_TTL_MS, SsoSignInService } from './sso-sign-in.service';
import { SsoSettingsService } from './sso-settings.service';

/** Holds the random token of a company sign-in in flight; sent back only to the callback. */
const ATTEMPT_COOKIE = 'liftoff_sso';
const CALLBACK_PATH = '/api/auth/sso';

@ApiTags('auth')
@Controller('auth')
export class SsoSignInController {
  constructor(
    private readonly signIn: SsoSignInService,
    private readonly settings: SsoSettingsService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** What the sign-in page offers: company sign-in and whether passwords still work. */
  @Public()
  @ApiOperation({ summary: 'What the sign-in page offers: company sign-in and whether passwords work' })
  @ApiResult('SignInOptions')
  @Get('sign-in-options')
  options(): Promise<SignInOptions> {
    return this.settings.signInOptions();
  }

  /** Sends the browser to the identity provider (authorization code flow with PKCE, state and nonce). */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ login: {} })
  @ApiExcludeEndpoint()
  @Get('sso/start')
  async start(@Query('returnTo') returnTo: unknown, @Res() response: Response): Promise<void> {
    if (!this.settings.configured) return this.refuse(response, 'failed');
    const { url, attemptToken } = await this.signIn.start(returnTo);
    response.cookie(ATTEMPT_COOKIE, attemptToken, { ...this.cookieOptions(), path: CALLBACK_PATH, maxAge: ATTEMPT_TTL_MS });
    response.redirect(302, url);
  }

  /** The identity provider sends the browser back here with a code; a session cookie, or the reason it was refused. */
  @Public()
  @ApiExcludeEndpoint()
  @Get('sso/callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const attempt = (request.cookies as Record<string, string> | undefined)?.[ATTEMPT_COOKIE];
    response.clearCookie(ATTEMPT_COOKIE, { path: CALLBACK_PATH });
    const query = request.originalUrl.includes('?') ? request.originalUrl.slice(request.originalUrl.indexOf('?') + 1) : '';
    const outcome = await this.signIn.complete(attempt, query, request.headers['user-agent']);
    if ('refusal' in outcome) return this.refuse(response, outcome.refusal);
    response.cookie(SESSION_COOKIE, outcome.session, { ...this.cookieOptions(), path: '/', maxAge: this.config.get('SESSION_TTL_HOURS', { infer: true }) * 3_600_000 });
    response.redirect(302, `${this.config.get('PUBLIC_URL', { infer: true })}${outcome.returnTo}`);
  }

  private refuse(response: Response, reason: string): void {
    response.redirect(302, `${this.config.get('PUBLIC_URL', { infer: true })}/sign-in?sso=${reason}`);
  }

  private cookieOptions() {
    return { httpOnly: true, sameSite: 'lax' as const, secure: this.config.get('COOKIE_SECURE', { infer: true }) };
  }
}

@ApiTags('settings')
@Controller('settings/sso')
export class SsoSettingsController {
  constructor(private readonly settings: SsoSettingsService) {}

  @ProgramOffice()
  @ApiOperation({ summary: 'Get the company sign-in settings (group-to-role table, password switch)' })
  @ApiResult('SsoSettings')
  @Get()
  get(): Promise<SsoSettings> {
    return this.settings.get();
  }

  @ProgramOffice()
  @ApiOperation({ summary: 'Change the group-to-role table, the password switch or the break-glass account' })
  @ApiResult('SsoSettings')
  @Patch()
  update(@Body() dto: UpdateSsoSettingsDto): Promise<SsoSettings> {
    return this.settings.update(dto);
  }
}
