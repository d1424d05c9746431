import { applyDecorators, Body, Controller, Delete, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResult } from '../openapi/api-result';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { AccountLinkInspection, ApiTokenView, CreatedApiToken, SessionUser, SessionView } from '@liftoff/shared';
import { IdParam } from '../common/id-param';
import type { AppConfig } from '../config/config.schema';
import { AnyRole, Public } from './access.decorators';
import { CurrentActor, type Actor } from './actor';
import { AccountLinksService } from './account-links.service';
import { AuthService } from './auth.service';
import { SESSION_COOKIE } from './credentials';
import { AcceptAccountLinkDto, AccountLinkDto, ChangePasswordDto, CreateApiTokenDto, LoginDto } from './dto/auth.dto';
import { SessionsService } from './sessions.service';

/** Everything that checks a password or a link token shares the sign-in rate limit (LOGIN_RATE_LIMIT). */
const PasswordAttempts = () => applyDecorators(UseGuards(ThrottlerGuard), Throttle({ login: {} }));

const userAgentOf = (request: Request) => request.headers['user-agent'];
const cookieOf = (request: Request) => (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly links: AccountLinksService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  @Public()
  @PasswordAttempts()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password; sets the session cookie' })
  @ApiResult('SessionUser')
  async login(@Body() dto: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionUser> {
    const { user, session } = await this.auth.login(dto, userAgentOf(request));
    this.setSession(response, session);
    return user;
  }

  /** Ends the session the cookie names, so a copy of the cookie stops working too. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: end the session the cookie names' })
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const cookie = cookieOf(request);
    if (cookie) await this.sessions.endByToken(cookie);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @AnyRole()
  @Get('me')
  @ApiOperation({ summary: 'Who is signed in' })
  @ApiResult('SessionUser')
  me(@CurrentActor() actor: Actor): SessionUser {
    return this.auth.me(actor);
  }

  /** Ends every other session and revokes every API token; a cookie caller gets a new session. */
  @AnyRole()
  @PasswordAttempts()
  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your password; ends your other sessions and revokes your API tokens' })
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const session = await this.auth.changePassword(actor, dto, userAgentOf(request));
    if (session) this.setSession(response, session);
  }

  @AnyRole()
  @Get('sessions')
  @ApiOperation({ summary: 'List your open sessions' })
  @ApiResult('SessionView[]')
  listSessions(@CurrentActor() actor: Actor): Promise<SessionView[]> {
    return this.sessions.list(actor);
  }

  @AnyRole()
  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'End one of your sessions' })
  endSession(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.sessions.end(actor, id);
  }

  @AnyRole()
  @Get('tokens')
  @ApiOperation({ summary: 'List your API tokens' })
  @ApiResult('ApiTokenView[]')
  tokens(@CurrentActor() actor: Actor): Promise<ApiTokenView[]> {
    return this.auth.listTokens(actor);
  }

  @AnyRole()
  @Post('tokens')
  @ApiOperation({ summary: 'Create an API token (its secret is in this answer only)' })
  @ApiResult('CreatedApiToken')
  createToken(@CurrentActor() actor: Actor, @Body() dto: CreateApiTokenDto): Promise<CreatedApiToken> {
    return this.auth.createToken(actor.id, dto);
  }

  @AnyRole()
  @Delete('tokens/:id')
  @ApiOperation({ summary: 'Revoke one of your API tokens' })
  @ApiResult('ApiTokenView')
  revokeToken(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ApiTokenView> {
    return this.auth.revokeToken(actor, id);
  }

  /** Who an invite or reset link is for and whether it still works. The token travels in the body, never the URL. */
  @Public()
  @PasswordAttempts()
  @Post('links/inspect')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check an invite or password-reset link: who it is for and whether it still works' })
  @ApiResult('AccountLinkInspection')
  inspectLink(@Body() dto: AccountLinkDto): Promise<AccountLinkInspection> {
    return this.links.inspect(dto.token);
  }

  /** Sets the password from an invite or reset link and signs the person in. */
  @Public()
  @PasswordAttempts()
  @Post('links/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a password from an invite or reset link and sign in' })
  @ApiResult('SessionUser')
  async acceptLink(@Body() dto: AcceptAccountLinkDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionUser> {
    const { user, session } = await this.auth.acceptLink(dto, userAgentOf(request));
    this.setSession(response, session);
    return user;
  }

  private setSession(response: Response, session: string): void {
    response.cookie(SESSION_COOKIE, session, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.get('COOKIE_SECURE', { infer: true }),
      path: '/',
      maxAge: this.config.get('SESSION_TTL_HOURS', { infer: true }) * 3_600_000,
    });
  }
}
