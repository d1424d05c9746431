import { Body, Controller, Delete, Get, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import type { ApiTokenView, CreatedApiToken, SessionUser } from '@liftoff/shared';
import { IdParam } from '../common/id-param';
import type { AppConfig } from '../config/config.schema';
import { AnyRole, Public } from './access.decorators';
import { CurrentActor, type Actor } from './actor';
import { AuthService } from './auth.service';
import { SESSION_COOKIE } from './credentials';
import { ChangePasswordDto, CreateApiTokenDto, LoginDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ login: {} })
  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Res({ passthrough: true }) response: Response): Promise<SessionUser> {
    const { user, session } = await this.auth.login(dto);
    this.setSession(response, session);
    return user;
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  logout(@Res({ passthrough: true }) response: Response): void {
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @AnyRole()
  @Get('me')
  me(@CurrentActor() actor: Actor): Promise<SessionUser> {
    return this.auth.me(actor);
  }

  @AnyRole()
  @Post('password')
  @HttpCode(204)
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto, @Res({ passthrough: true }) response: Response): Promise<void> {
    this.setSession(response, await this.auth.changePassword(actor, dto));
  }

  @AnyRole()
  @Get('tokens')
  tokens(@CurrentActor() actor: Actor): Promise<ApiTokenView[]> {
    return this.auth.listTokens(actor);
  }

  @AnyRole()
  @Post('tokens')
  createToken(@CurrentActor() actor: Actor, @Body() dto: CreateApiTokenDto): Promise<CreatedApiToken> {
    return this.auth.createToken(actor.id, dto);
  }

  @AnyRole()
  @Delete('tokens/:id')
  revokeToken(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ApiTokenView> {
    return this.auth.revokeToken(actor, id);
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
