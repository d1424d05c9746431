import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { DEFAULT_TIME_ZONE, type Page, type Person as PersonView } from '@liftoff/shared';
import { findOrFail, loadForEdit } from '../common/optimistic-lock';
import { pageWindow, toPage } from '../common/pagination';
import { assertReference } from '../common/references';
import { assertNotNull } from '../common/validation';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { CreatePersonDto, PersonListQueryDto, UpdatePersonDto } from './dto/person.dto';
import { Person } from './person.entity';
import { accountStates, toPersonView, viewOf } from './person-view';

@Injectable()
export class PeopleService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: PersonListQueryDto): Promise<Page<PersonView>> {
    const window = pageWindow(query);
    const active = query.active === undefined ? undefined : query.active ? IsNull() : Not(IsNull());
    const [rows, total] = await this.dataSource.getRepository(Person).findAndCount({
      where: { role: query.role, businessUnitId: query.businessUnitId, deactivatedAt: active },
      order: { name: 'ASC', id: 'ASC' },
      skip: window.skip,
      take: window.pageSize,
    });
    const states = await accountStates(this.dataSource.manager, rows.map((p) => p.id));
    return toPage(rows, total, window, (person) => toPersonView(person, states.get(person.id)));
  }

  async get(id: string): Promise<PersonView> {
    return viewOf(this.dataSource.manager, await findOrFail(this.dataSource.manager, Person, id, 'Person'));
  }

  create(dto: CreatePersonDto): Promise<PersonView> {
    return this.dataSource.transaction(async (manager) => {
      return viewOf(manager, await this.createIn(manager, dto));
    });
  }

  /** Creates the person inside the caller's transaction (also used by invites). */
  async createIn(manager: EntityManager, dto: CreatePersonDto): Promise<Person> {
    await this.assertEmailFree(manager, dto.email);
    await assertReference(manager, BusinessUnit, dto.businessUnitId, 'businessUnitId');
    return manager.save(manager.create(Person, { ...dto, businessUnitId: dto.businessUnitId ?? null, timeZone: dto.timeZone ?? DEFAULT_TIME_ZONE, deactivatedAt: null }));
  }

  update(id: string, dto: UpdatePersonDto): Promise<PersonView> {
    assertNotNull(dto, ['name', 'email', 'role', 'timeZone']);
    return this.dataSource.transaction(async (manager) => {
      const person = await loadForEdit(manager, Person, id, dto.version, 'Person');
      if (dto.email !== undefined && dto.email !== person.email) await this.assertEmailFree(manager, dto.email);
      await assertReference(manager, BusinessUnit, dto.businessUnitId, 'businessUnitId');
      const { version: _version, ...changes } = dto;
      Object.assign(person, changes);
      return viewOf(manager, await manager.save(person));
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
