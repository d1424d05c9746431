import { ImportRejectedException } from './import-rejected.exception';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import { EntityNotFoundError, QueryFailedError } from 'typeorm';
import type { ApiErrorBody } from '@liftoff/shared';
import { RequestValidationException } from './validation';
import { StaleEditException } from './optimistic-lock';
import { databaseUnavailableReason } from '../database/database-errors';
import { requestAborted, requestLostConnection } from '../database/request-cancellation';

/** Seconds a client should wait before trying again after a 503 (the database is restarting or busy). */
export const RETRY_AFTER_SECONDS = 2;

/** PostgreSQL error codes that mean the client sent something the database guards against. */
const PG_CLIENT_ERRORS: Record<string, { status: number; message: string }> = {
  '23505': { status: HttpStatus.CONFLICT, message: 'A record with the same unique value already exists' },
  '23502': { status: HttpStatus.BAD_REQUEST, message: 'A required value is missing' },
  '23503': { status: HttpStatus.BAD_REQUEST, message: 'A referenced record does not exist or is still in use' },
  '23001': { status: HttpStatus.CONFLICT, message: 'This record is still in use or append-only, so it cannot be changed or removed' },
  '23514': { status: HttpStatus.BAD_REQUEST, message: 'A value is outside the range the data allows' },
  '22P02': { status: HttpStatus.BAD_REQUEST, message: 'A value has the wrong format' },
  '22003': { status: HttpStatus.BAD_REQUEST, message: 'A number is too large' },
};

/** The columns of a key violation (`Key (pilot_id, week)=(…) already exists.`), without their values. */
function keyColumns(detail: string | undefined): string[] {
  const columns = detail ? /^Key \((.*?)\)=\(/.exec(detail)?.[1] : undefined;
  if (!columns) return [];
  // Expression keys such as lower((email)::text) name their column inside.
  return columns.split(',').map((column) => column.trim().replace(/^\w+\(\(?(\w+)\)?.*$/, '$1'));
}

/** snake_case column to the camelCase field the API speaks (`pilot_id` -> `pilotId`). */
function apiFieldName(column: string): string {
  return column.replace(/_([a-z])/g, (_m, letter: string) => letter.toUpperCase());
}

/** Gives every error one JSON shape: status, error name, message and (for validation) field errors. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    // The client hung up and its database work was cancelled: nobody is left to answer.
    if (requestAborted()) return;
    const unavailable = databaseUnavailableReason(exception) ?? (!(exception instanceof HttpException) && requestLostConnection() ? 'unreachable' : undefined);
    const body = unavailable ? this.unavailable(unavailable) : this.toBody(exception);
    if (unavailable) this.logger.warn(`Database unavailable (${unavailable}): ${exception instanceof Error ? exception.message : String(exception)}`);
    else if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof RequestValidationException) {
      return { ...this.base(HttpStatus.BAD_REQUEST, exception.message), fieldErrors: exception.fieldErrors };
    }
    if (exception instanceof ImportRejectedException) {
      return { ...this.base(HttpStatus.BAD_REQUEST, exception.message), importReport: exception.report };
    }
    if (exception instanceof StaleEditException) {
      return { ...this.base(HttpStatus.CONFLICT, exception.message), staleEdit: exception.staleEdit };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const message =
        typeof payload === 'string'
          ? payload
          : Array.isArray((payload as { message?: unknown }).message)
            ? ((payload as { message: string[] }).message).join('; ')
            : String((payload as { message?: unknown }).message ?? exception.message);
      return this.base(status, message);
    }
    // A row the code read a moment ago is gone: another request deleted it in between. The next read would say 404.
    if (exception instanceof EntityNotFoundError) return this.base(HttpStatus.NOT_FOUND, 'The record was not found (it may just have been deleted)');
    if (exception instanceof QueryFailedError) return this.fromDatabase(exception) ?? this.base(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error');
    // Body-parser failures (malformed JSON, too large) carry their own HTTP status.
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return this.base(status, status === 400 ? 'The request body is not valid JSON' : String((exception as Error).message));
    }
    return this.base(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error');
  }

  /**
   * Constraint violations the client caused, named by API field. PostgreSQL's own detail is never echoed:
   * it quotes the stored values (`Key (email)=(someone@example.com)`) and the schema's internal names.
   */
  private fromDatabase(exception: QueryFailedError): ApiErrorBody | undefined {
    const driverError = exception.driverError as { code?: string; detail?: string; column?: string; table?: string };
    if (driverError.code === '23503' && driverError.detail?.includes('still referenced')) {
      const table = /from table "([^"]+)"/.exec(driverError.detail)?.[1];
      return this.base(HttpStatus.CONFLICT, `The record is still in use${table ? ` by ${table.replace(/_/g, ' ')}` : ''}`);
    }
    const known = driverError.code ? PG_CLIENT_ERRORS[driverError.code] : undefined;
    if (!known) return undefined;
    const fields = driverError.code === '23502' ? (driverError.column ? [driverError.column] : []) : keyColumns(driverError.detail);
    if (fields.length === 0) return this.base(known.status, known.message);
    const names = fields.map(apiFieldName);
    const message = driverError.code === '23505' ? `A record with the same ${names.join(' and ')} already exists` : `${known.message}: ${names.join(', ')}`;
    return { ...this.base(known.status, message), fieldErrors: names.map((field) => ({ field, messages: [message] })) };
  }

  /** An outage or an overlong statement: 503, so clients and load balancers retry instead of giving up. */
  private unavailable(reason: 'unreachable' | 'timeout'): ApiErrorBody {
    return this.base(
      HttpStatus.SERVICE_UNAVAILABLE,
      reason === 'timeout' ? 'The database took too long to answer and the request was stopped; try again' : 'The database is not reachable at the moment; try again shortly',
    );
  }

  private base(statusCode: number, message: string): ApiErrorBody {
    return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
  }
}
