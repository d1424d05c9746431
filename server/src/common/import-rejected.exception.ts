import { BadRequestException } from '@nestjs/common';
import type { ImportReport } from '@liftoff/shared';

/** A confirmed import whose file has errors: nothing was written, and the body carries the row-by-row report. */
export class ImportRejectedException extends BadRequestException {
  constructor(readonly report: ImportReport) {
    super(`Nothing was imported: the file has ${report.errorCount} error${report.errorCount === 1 ? '' : 's'} (see importReport.errors)`);
  }
}
