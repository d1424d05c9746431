import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import type { AppConfig } from '../config/config.schema';
import { AnalysisService } from './analysis.service';

/** The nightly portfolio sweep, on the cron from SWEEP_CRON. */
@Injectable()
export class SweepScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(SweepScheduler.name);

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly registry: SchedulerRegistry,
    private readonly analysis: AnalysisService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.get('SWEEP_ENABLED', { infer: true })) return;
    const cron = this.config.get('SWEEP_CRON', { infer: true });
    const job = CronJob.from({
      cronTime: cron,
      onTick: () => {
        this.analysis.sweep().catch((error: unknown) => this.logger.error(`Sweep failed: ${String(error)}`));
      },
    });
    this.registry.addCronJob('portfolio-sweep', job);
    job.start();
  }
}
