import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsHexadecimal, IsIn, IsOptional, Length } from 'class-validator';
import { DATE_ORDERS, DECIMAL_SEPARATORS, SPREADSHEET_FORMATS, type DateOrder, type DecimalSeparator, type ExportQuery, type ImportOptions, type SpreadsheetFormat } from '@liftoff/shared';
import { queryBoolean } from '../../common/validators';

/** The form fields sent beside the file (multipart fields are text, so booleans arrive as "true"/"false"). */
export class ImportOptionsDto implements ImportOptions {
  @ApiPropertyOptional({ enum: DATE_ORDERS, default: 'iso', description: 'How dates written as text are read' })
  @IsOptional()
  @IsIn(DATE_ORDERS)
  dateOrder?: DateOrder;

  @ApiPropertyOptional({ enum: DECIMAL_SEPARATORS, default: 'auto' })
  @IsOptional()
  @IsIn(DECIMAL_SEPARATORS)
  decimalSeparator?: DecimalSeparator;

  @ApiPropertyOptional({ default: false, description: 'Create people the file names by email who do not exist yet' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  createPeople?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Create business units the file names that do not exist yet' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  createUnits?: boolean;

  @ApiPropertyOptional({ description: 'Confirm only: the fileSha256 of the dry run' })
  @IsOptional()
  @IsHexadecimal()
  @Length(64, 64)
  expectedSha256?: string;
}

export class ExportQueryDto implements ExportQuery {
  @ApiPropertyOptional({ enum: SPREADSHEET_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(SPREADSHEET_FORMATS)
  format?: SpreadsheetFormat;
}
