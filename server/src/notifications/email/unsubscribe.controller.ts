import { BadRequestException, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { NotificationUnsubscribed } from '@liftoff/shared';
import { Public } from '../../auth/access.decorators';
import { ApiResult } from '../../openapi/api-result';
import { escapeHtml } from './email-layout';
import { NotificationPreferencesService } from './notification-preferences.service';
import { UnsubscribeQueryDto } from './notification-settings.dto';
import { UnsubscribeTokens } from './unsubscribe-token';

/**
 * The link at the bottom of every notification email. Opening it (GET) or a mail program's one-click
 * request (POST, RFC 8058) turns that one event type off; a browser gets a small page, a program JSON.
 */
@ApiTags('notifications')
@Controller('notifications/unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly tokens: UnsubscribeTokens,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Stop one kind of notification email (the link in each email)' })
  @ApiResult('NotificationUnsubscribed')
  open(@Query() query: UnsubscribeQueryDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<NotificationUnsubscribed | string> {
    return this.unsubscribe(query.token, request, response);
  }

  @Public()
  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop one kind of notification email (one-click unsubscribe of mail programs)' })
  @ApiResult('NotificationUnsubscribed')
  oneClick(@Query() query: UnsubscribeQueryDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<NotificationUnsubscribed | string> {
    return this.unsubscribe(query.token, request, response);
  }

  private async unsubscribe(token: string, request: Request, response: Response): Promise<NotificationUnsubscribed | string> {
    const claim = await this.tokens.verify(token);
    if (!claim) throw new BadRequestException('token is not a valid unsubscribe link; copy the whole link from the email');
    const result = await this.preferences.unsubscribe(claim);
    if (request.accepts(['json', 'html']) !== 'html') return result;
    response.type('html');
    return page(result);
  }
}

/** A page a person can read after clicking the link in their mail program. */
function page(result: NotificationUnsubscribed): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Unsubscribed · Liftoff</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<main><h1>Unsubscribed</h1><p>${escapeHtml(result.message)}</p><p><a href="/account">Open your notification settings</a></p></main>
</body></html>`;
}
