import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';

export const SPREADSHEET_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;

/** A route that answers with a CSV or XLSX download (`?format=`), as the OpenAPI document describes it. */
export const ApiSpreadsheet = (summary: string) =>
  applyDecorators(
    ApiOperation({ summary }),
    ApiOkResponse({
      description: 'The file, as an attachment: CSV (UTF-8 with a byte-order mark) or XLSX, as `format` asks.',
      content: Object.fromEntries(SPREADSHEET_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
    }),
  );
