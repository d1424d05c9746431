import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { PilotsModule } from '../pilots/pilots.module';

@Module({ imports: [PilotsModule], controllers: [ExportsController], providers: [ExportsService] })
export class ExportsModule {}
