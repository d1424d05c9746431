import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { IdParam } from '../common/id-param';
import { ApiTags } from '@nestjs/swagger';
import type { BusinessUnit } from '@liftoff/shared';
import { BusinessUnitsService } from './business-units.service';
import { CreateBusinessUnitDto, UpdateBusinessUnitDto } from './dto/business-unit.dto';
import { AnyRole, ProgramOffice } from '../auth/access.decorators';

@ApiTags('business units')
@Controller('business-units')
export class BusinessUnitsController {
  constructor(private readonly units: BusinessUnitsService) {}

  @AnyRole()
  @Get()
  list(): Promise<BusinessUnit[]> {
    return this.units.list();
  }

  @AnyRole()
  @Get(':id')
  get(@IdParam() id: string): Promise<BusinessUnit> {
    return this.units.get(id);
  }

  @ProgramOffice()
  @Post()
  create(@Body() dto: CreateBusinessUnitDto): Promise<BusinessUnit> {
    return this.units.create(dto);
  }

  @ProgramOffice()
  @Patch(':id')
  update(@IdParam() id: string, @Body() dto: UpdateBusinessUnitDto): Promise<BusinessUnit> {
    return this.units.update(id, dto);
  }

  @ProgramOffice()
  @Delete(':id')
  @HttpCode(204)
  remove(@IdParam() id: string): Promise<void> {
    return this.units.remove(id);
  }
}
