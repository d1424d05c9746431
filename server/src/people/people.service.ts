import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Page, Person as PersonView } from '@liftoff/shared';
import { findOrFail, loadForEdit } from '../common/optimistic-lock';
import { pageWindow, toPage } from '../common/pagination';
import { assertReference } from '../common/references';
import { assertNotNull } from '../common/validation';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { CreatePersonDto, PersonListQueryDto, UpdatePersonDto } from './dto/person.dto';
import { Person } from './person.entity';

export function toPersonView(person: Person): PersonView {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    role: person.role,
    businessUnitId: person.businessUnitId,
    version: person.version,
  };
}

@Injectable()
export class PeopleService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: PersonListQueryDto): Promise<Page<PersonView>> {
    const window = pageWindow(query);
    const [rows, total] = await this.dataSource.getRepository(Person).findAndCount({
      where: { role: query.role, businessUnitId: query.businessUnitId },
      order: { name: 'ASC', id: 'ASC' },
      skip: window.skip,
      take: window.pageSize,
    });
    return toPage(rows, total, window, toPersonView);
  }

  async get(id: string): Promise<PersonView> {
    return toPersonView(await findOrFail(this.dataSource.manager, Person, id, 'Person'));
  }

  create(dto: CreatePersonDto): Promise<PersonView> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertEmailFree(manager, dto.email);
      await assertReference(manager, BusinessUnit, dto.businessUnitId, 'businessUnitId');
      const person = manager.create(Person, { ...dto, businessUnitId: dto.businessUnitId ?? null });
      return toPersonView(await manager.save(person));
    });
  }

  update(id: string, dto: UpdatePersonDto): Promise<PersonView> {
    assertNotNull(dto, ['name', 'email', 'role']);
    return this.dataSource.transaction(async (manager) => {
      const person = await loadForEdit(manager, Person, id, dto.version, 'Person');
      if (dto.email !== undefined && dto.email !== person.email) await this.assertEmailFree(manager, dto.email);
      await assertReference(manager, BusinessUnit, dto.businessUnitId, 'businessUnitId');
      const { version: _version, ...changes } = dto;
      Object.assign(person, changes);
      return toPersonView(await manager.save(person));
    });
  }

  remove(id: string): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await manager.remove(await findOrFail(manager, Person, id, 'Person'));
    });
  }

  private async assertEmailFree(manager: EntityManager, email: string): Promise<void> {
    if (await manager.exists(Person, { where: { email } })) {
      throw new ConflictException(`Someone with the email ${email} already exists`);
    }
  }
}
