import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';
import { PgBossJobQueue } from './pg-boss-job-queue';

/** The job queue (pg-boss on the app's database) for every module, and its state for the program office. */
@Global()
@Module({
  controllers: [JobsController],
  providers: [PgBossJobQueue, { provide: JobQueue, useExisting: PgBossJobQueue }, JobsService],
  exports: [JobQueue],
})
export class JobsModule {}
