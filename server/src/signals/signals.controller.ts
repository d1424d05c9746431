import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, PatternGuidanceView, PilotDiagnosis, PortfolioSummary, SignalFlag, StuckPilot, SweepResult } from '@liftoff/shared';
import { IdParam } from '../common/id-param';
import { AnalysisService } from './analysis.service';
import { FlagListQueryDto } from './dto/flag-query.dto';
import { SignalsService } from './signals.service';
import { AnyRole, ProgramOffice } from '../auth/access.decorators';

@ApiTags('stuck detection')
@Controller()
export class SignalsController {
  constructor(
    private readonly signals: SignalsService,
    private readonly analysis: AnalysisService,
  ) {}

  @AnyRole()
  @Get('flags')
  listFlags(@Query() query: FlagListQueryDto): Promise<Page<SignalFlag>> {
    return this.signals.listFlags(query);
  }

  /** The same filters as /flags, paged by pilot. */
  @AnyRole()
  @Get('flags/by-pilot')
  listStuckPilots(@Query() query: FlagListQueryDto): Promise<Page<StuckPilot>> {
    return this.signals.listStuckPilots(query);
  }

  @AnyRole()
  @Get('pilots/:pilotId/flags')
  pilotFlags(@IdParam('pilotId') pilotId: string): Promise<SignalFlag[]> {
    return this.signals.pilotFlags(pilotId);
  }

  @AnyRole()
  @Get('pilots/:pilotId/diagnosis')
  diagnosis(@IdParam('pilotId') pilotId: string): Promise<PilotDiagnosis> {
    return this.signals.diagnosis(pilotId);
  }

  @AnyRole()
  @Get('portfolio/summary')
  summary(): Promise<PortfolioSummary> {
    return this.signals.summary();
  }

  @AnyRole()
  @Get('patterns/guidance')
  guidance(): PatternGuidanceView[] {
    return this.signals.guidance();
  }

  /** Runs the portfolio sweep now (the nightly job runs the same). */
  @ProgramOffice()
  @Post('sweeps')
  @HttpCode(200)
  sweep(): Promise<SweepResult> {
    return this.analysis.sweep();
  }
}
