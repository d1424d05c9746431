import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ChannelTestResult, DeliveryView, NotificationChannelView, NotificationChannelWithSecret, Page } from '@liftoff/shared';
import { ProgramOffice } from '../auth/access.decorators';
import { IdParam } from '../common/id-param';
import { ApiResult } from '../openapi/api-result';
import { DeliveriesService } from './deliveries.service';
import { DeliveryListQueryDto } from './dto/delivery-list-query.dto';
import { CreateNotificationChannelDto, EditNotificationChannelDto, RotateSecretDto } from './dto/notification-channel.dto';
import { NotificationChannelsService } from './notification-channels.service';

@ApiTags('notifications')
@Controller('notification-channels')
export class NotificationChannelsController {
  constructor(private readonly channels: NotificationChannelsService) {}

  @ProgramOffice()
  @Get()
  @ApiOperation({ summary: 'List the Slack, Teams and webhook channels (addresses masked)' })
  @ApiResult('NotificationChannelView[]')
  list(): Promise<NotificationChannelView[]> {
    return this.channels.list();
  }

  @ProgramOffice()
  @Get(':id')
  @ApiOperation({ summary: 'Get a notification channel' })
  @ApiResult('NotificationChannelView')
  get(@IdParam() id: string): Promise<NotificationChannelView> {
    return this.channels.get(id);
  }

  @ProgramOffice()
  @Post()
  @ApiOperation({ summary: 'Add a channel; a webhook gets a signing secret, shown in this answer only' })
  @ApiResult('NotificationChannelWithSecret')
  create(@Body() dto: CreateNotificationChannelDto): Promise<NotificationChannelWithSecret> {
    return this.channels.create(dto);
  }

  @ProgramOffice()
  @Patch(':id')
  @ApiOperation({ summary: 'Edit a channel' })
  @ApiResult('NotificationChannelView')
  edit(@IdParam() id: string, @Body() dto: EditNotificationChannelDto): Promise<NotificationChannelView> {
    return this.channels.edit(id, dto);
  }

  @ProgramOffice()
  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: "Replace a webhook's signing secret; the new one is shown in this answer only" })
  @ApiResult('NotificationChannelWithSecret')
  rotate(@IdParam() id: string, @Body() dto: RotateSecretDto): Promise<NotificationChannelWithSecret> {
    return this.channels.rotateSecret(id, dto.version);
  }

  @ProgramOffice()
  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a test message to the channel now and report what it answered' })
  @ApiResult('ChannelTestResult')
  test(@IdParam() id: string): Promise<ChannelTestResult> {
    return this.channels.test(id);
  }

  @ProgramOffice()
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a channel (its delivery log stays)' })
  remove(@IdParam() id: string): Promise<void> {
    return this.channels.remove(id);
  }
}

@ApiTags('notifications')
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @ProgramOffice()
  @Get()
  @ApiOperation({ summary: 'The delivery log: each event sent to each target, with its attempts and outcome' })
  @ApiResult('DeliveryPage')
  list(@Query() query: DeliveryListQueryDto): Promise<Page<DeliveryView>> {
    return this.deliveries.list(query);
  }
}
