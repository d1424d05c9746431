import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, Person } from '@liftoff/shared';
import { IdParam } from '../common/id-param';
import { CreatePersonDto, PersonListQueryDto, UpdatePersonDto } from './dto/person.dto';
import { PeopleService } from './people.service';
import { AnyRole, ProgramOffice } from '../auth/access.decorators';

@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @AnyRole()
  @Get()
  list(@Query() query: PersonListQueryDto): Promise<Page<Person>> {
    return this.people.list(query);
  }

  @AnyRole()
  @Get(':id')
  get(@IdParam() id: string): Promise<Person> {
    return this.people.get(id);
  }

  @ProgramOffice()
  @Post()
  create(@Body() dto: CreatePersonDto): Promise<Person> {
    return this.people.create(dto);
  }

  @ProgramOffice()
  @Patch(':id')
  update(@IdParam() id: string, @Body() dto: UpdatePersonDto): Promise<Person> {
    return this.people.update(id, dto);
  }

  @ProgramOffice()
  @Delete(':id')
  @HttpCode(204)
  remove(@IdParam() id: string): Promise<void> {
    return this.people.remove(id);
  }
}
