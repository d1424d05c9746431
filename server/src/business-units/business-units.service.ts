import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { BusinessUnit as BusinessUnitView } from '@liftoff/shared';
import { findOrFail, loadForEdit } from '../common/optimistic-lock';
import { BusinessUnit } from './business-unit.entity';
import { CreateBusinessUnitDto, UpdateBusinessUnitDto } from './dto/business-unit.dto';

export function toBusinessUnitView(unit: BusinessUnit): BusinessUnitView {
  return { id: unit.id, name: unit.name, version: unit.version };
}

@Injectable()
export class BusinessUnitsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<BusinessUnitView[]> {
    const units = await this.dataSource.getRepository(BusinessUnit).find({ order: { name: 'ASC' } });
    return units.map(toBusinessUnitView);
  }

  async get(id: string): Promise<BusinessUnitView> {
    return toBusinessUnitView(await findOrFail(this.dataSource.manager, BusinessUnit, id, 'Business unit'));
  }

  create(dto: CreateBusinessUnitDto): Promise<BusinessUnitView> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertNameFree(manager.getRepository(BusinessUnit), dto.name);
      const unit = await manager.save(manager.create(BusinessUnit, { name: dto.name.trim() }));
      return toBusinessUnitView(unit);
    });
  }

  update(id: string, dto: UpdateBusinessUnitDto): Promise<BusinessUnitView> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await loadForEdit(manager, BusinessUnit, id, dto.version, 'Business unit');
      if (dto.name !== undefined && dto.name.trim() !== unit.name) {
        await this.assertNameFree(manager.getRepository(BusinessUnit), dto.name);
        unit.name = dto.name.trim();
      }
      return toBusinessUnitView(await manager.save(unit));
    });
  }

  remove(id: string): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await findOrFail(manager, BusinessUnit, id, 'Business unit');
      await manager.remove(unit);
    });
  }

  private async assertNameFree(repository: ReturnType<DataSource['getRepository']>, name: string): Promise<void> {
    if (await repository.exists({ where: { name: name.trim() } })) {
      throw new ConflictException(`A business unit named "${name.trim()}" already exists`);
    }
  }
}
