import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { IdParam } from '../common/id-param';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResult } from '../openapi/api-result';
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
  @ApiOperation({ summary: 'List business units' })
  @ApiResult('BusinessUnit[]')
  list(): Promise<BusinessUnit[]> {
    return this.units.list();
  }

  @AnyRole()
  @Get(':id')
  @ApiOperation({ summary: 'Get a business unit' })
  @ApiResult('BusinessUnit')
  get(@IdParam() id: string): Promise<BusinessUnit> {
    return this.units.get(id);
  }

  @ProgramOffice()
  @Post()
  @ApiOperation({ summary: 'Create a business unit' })
  @ApiResult('BusinessUnit')
  create(@Body() dto: CreateBusinessUnitDto): Promise<BusinessUnit> {
    return this.units.create(dto);
  }

  @ProgramOffice()
  @Patch(':id')
  @ApiOperation({ summary: 'Edit a business unit' })
  @ApiResult('BusinessUnit')
  update(@IdParam() id: string, @Body() dto: UpdateBusinessUnitDto): Promise<BusinessUnit> {
    return this.units.update(id, dto);
  }

  @ProgramOffice()
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a business unit that nothing uses' })
  remove(@IdParam() id: string): Promise<void> {
    return this.units.remove(id);
  }
}
