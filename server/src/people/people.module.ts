import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MailModule } from '../mail/mail.module';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { PersonAccessService } from './person-access.service';

@Module({ imports: [AuthModule, MailModule], controllers: [PeopleController], providers: [PeopleService, PersonAccessService], exports: [PeopleService] })
export class PeopleModule {}
