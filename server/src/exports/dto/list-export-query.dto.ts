import { ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { SPREADSHEET_FORMATS, type SpreadsheetFormat } from '@liftoff/shared';
import { AuditQueryDto } from '../../audit/dto/audit-query.dto';
import { PortfolioBlockerQueryDto } from '../../blockers/dto/blocker.dto';
import { DecisionListQueryDto, ScaleQueueQueryDto } from '../../decisions/dto/decision.dto';
import { FlagListQueryDto } from '../../signals/dto/flag-query.dto';
import { PilotListQueryDto } from '../../pilots/dto/pilot-query.dto';

export class ExportFormatDto {
  @ApiPropertyOptional({ enum: SPREADSHEET_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(SPREADSHEET_FORMATS)
  format?: SpreadsheetFormat;
}

/** An export takes its list's filters (the same DTO, so the same validation) without the page. */
const PAGING = ['page', 'pageSize'] as const;

export class FlagExportQueryDto extends IntersectionType(OmitType(FlagListQueryDto, PAGING), ExportFormatDto) {}
export class BlockerExportQueryDto extends IntersectionType(OmitType(PortfolioBlockerQueryDto, PAGING), ExportFormatDto) {}
export class DecisionExportQueryDto extends IntersectionType(OmitType(DecisionListQueryDto, PAGING), ExportFormatDto) {}
export class ScaleQueueExportQueryDto extends IntersectionType(ScaleQueueQueryDto, ExportFormatDto) {}
export class AuditExportQueryDto extends IntersectionType(OmitType(AuditQueryDto, PAGING), ExportFormatDto) {}

/** The pilots file: the pilots list's filters and sort; without a sort, by unit and name (the import's own order). */
export class PilotExportQueryDto extends IntersectionType(OmitType(PilotListQueryDto, PAGING), ExportFormatDto) {}

export class WeeklyUpdateExportQueryDto extends ExportFormatDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this pilot's updates (its page's export)" })
  @IsOptional()
  @IsUUID()
  pilotId?: string;
}
