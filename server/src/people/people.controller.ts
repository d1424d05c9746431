import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResult } from '../openapi/api-result';
import type { InvitedPerson, IssuedAccountLink, Page, Person } from '@liftoff/shared';
import { CurrentActor, type Actor } from '../auth/actor';
import { PersonAccessService } from './person-access.service';
import { IdParam } from '../common/id-param';
import { CreatePersonDto, PersonListQueryDto, UpdatePersonDto } from './dto/person.dto';
import { PeopleService } from './people.service';
import { AnyRole, ProgramOffice } from '../auth/access.decorators';

@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly access: PersonAccessService,
  ) {}

  @AnyRole()
  @Get()
  @ApiOperation({ summary: 'List people, filtered and paged' })
  @ApiResult('PersonPage')
  list(@Query() query: PersonListQueryDto): Promise<Page<Person>> {
    return this.people.list(query);
  }

  @AnyRole()
  @Get(':id')
  @ApiOperation({ summary: 'Get a person' })
  @ApiResult('Person')
  get(@IdParam() id: string): Promise<Person> {
    return this.people.get(id);
  }

  @ProgramOffice()
  @Post()
  @ApiOperation({ summary: 'Add a person without an account link' })
  @ApiResult('Person')
  create(@Body() dto: CreatePersonDto): Promise<Person> {
    return this.people.create(dto);
  }

  /** Creates the person with a single-use invite link, valid 7 days; the link is in this answer only. */
  @ProgramOffice()
  @Post('invite')
  @ApiOperation({ summary: 'Add a person and issue an invite link' })
  @ApiResult('InvitedPerson')
  invite(@Body() dto: CreatePersonDto, @CurrentActor() actor: Actor): Promise<InvitedPerson> {
    return this.access.invite(dto, actor);
  }

  /** A new invite link; the previous one stops working. */
  @ProgramOffice()
  @Post(':id/invite')
  @ApiOperation({ summary: 'Issue a new invite link for a person' })
  @ApiResult('IssuedAccountLink')
  resendInvite(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<IssuedAccountLink> {
    return this.access.resendInvite(id, actor);
  }

  @ProgramOffice()
  @Post(':id/password-reset')
  @ApiOperation({ summary: 'Issue a password-reset link for a person' })
  @ApiResult('IssuedAccountLink')
  issueReset(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<IssuedAccountLink> {
    return this.access.issueReset(id, actor);
  }

  /** Withdraws a pending invite or reset link. */
  @ProgramOffice()
  @Delete(':id/links')
  @ApiOperation({ summary: "Withdraw a person's pending invite or reset link" })
  @ApiResult('Person')
  revokeLinks(@IdParam() id: string): Promise<Person> {
    return this.access.revokeLinks(id);
  }

  @ProgramOffice()
  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate a person: ends their sessions and tokens' })
  @ApiResult('Person')
  deactivate(@IdParam() id: string, @CurrentActor() actor: Actor): Promise<Person> {
    return this.access.deactivate(id, actor);
  }

  @ProgramOffice()
  @Post(':id/reactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate a deactivated person' })
  @ApiResult('Person')
  reactivate(@IdParam() id: string): Promise<Person> {
    return this.access.reactivate(id);
  }

  @ProgramOffice()
  @Patch(':id')
  @ApiOperation({ summary: 'Edit a person' })
  @ApiResult('Person')
  update(@IdParam() id: string, @Body() dto: UpdatePersonDto): Promise<Person> {
    return this.people.update(id, dto);
  }

  @ProgramOffice()
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a person who is referenced nowhere' })
  remove(@IdParam() id: string): Promise<void> {
    return this.people.remove(id);
  }
}
