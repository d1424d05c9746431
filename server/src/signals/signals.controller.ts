import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResult } from '../openapi/api-result';
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
  @ApiOperation({ summary: 'List stuck signs across the portfolio, filtered and paged' })
  @ApiResult('SignalFlagPage')
  listFlags(@Query() query: FlagListQueryDto): Promise<Page<SignalFlag>> {
    return this.signals.listFlags(query);
  }

  /** The same filters as /flags, paged by pilot. */
  @AnyRole()
  @Get('flags/by-pilot')
  @ApiOperation({ summary: 'List stuck pilots with their signs, paged by pilot' })
  @ApiResult('StuckPilotPage')
  listStuckPilots(@Query() query: FlagListQueryDto): Promise<Page<StuckPilot>> {
    return this.signals.listStuckPilots(query);
  }

  @AnyRole()
  @Get('pilots/:pilotId/flags')
  @ApiOperation({ summary: "List a pilot's stuck signs" })
  @ApiResult('SignalFlag[]')
  pilotFlags(@IdParam('pilotId') pilotId: string): Promise<SignalFlag[]> {
    return this.signals.pilotFlags(pilotId);
  }

  @AnyRole()
  @Get('pilots/:pilotId/diagnosis')
  @ApiOperation({ summary: "A pilot's diagnosis: stuck signs, patterns and the recommended action" })
  @ApiResult('PilotDiagnosis')
  diagnosis(@IdParam('pilotId') pilotId: string): Promise<PilotDiagnosis> {
    return this.signals.diagnosis(pilotId);
  }

  @AnyRole()
  @Get('portfolio/summary')
  @ApiOperation({ summary: 'How many pilots are stuck, and why' })
  @ApiResult('PortfolioSummary')
  summary(): Promise<PortfolioSummary> {
    return this.signals.summary();
  }

  @AnyRole()
  @Get('patterns/guidance')
  @ApiOperation({ summary: 'Guidance for each stuck pattern' })
  @ApiResult('PatternGuidanceView[]')
  guidance(): PatternGuidanceView[] {
    return this.signals.guidance();
  }

  /** Runs the portfolio sweep now (the nightly job runs the same). */
  @ProgramOffice()
  @Post('sweeps')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run the stuck-detection sweep over the portfolio now' })
  @ApiResult('SweepResult')
  sweep(): Promise<SweepResult> {
    return this.analysis.sweep();
  }
}
