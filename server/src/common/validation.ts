import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldError } from '@liftoff/shared';

/** Flattens nested class-validator errors into `field.path` entries the client can place next to inputs. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      const messages = Object.values(error.constraints).map((message) =>
        // class-validator words the whitelist error around the property name only; give the full path.
        message.replace(`property ${error.property} `, `property ${field} `),
      );
      result.push({ field, messages });
    }
    if (error.children?.length) result.push(...flattenValidationErrors(error.children, field));
  }
  return result;
}

export class RequestValidationException extends BadRequestException {
  constructor(readonly fieldErrors: FieldError[]) {
    super(`Invalid request: ${fieldErrors.map((e) => `${e.field} (${e.messages.join('; ')})`).join(', ')}`);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => new RequestValidationException(flattenValidationErrors(errors)),
  });
}

/**
 * Edit bodies are partial, so their validators let `null` through like a missing field. For columns
 * that cannot be empty, `null` is the client's mistake: a 400 naming the field, not a database error.
 */
export function assertNotNull<T extends object>(dto: T, fields: readonly (keyof T & string)[]): void {
  const nulls = fields.filter((field) => dto[field] === null);
  if (nulls.length > 0) {
    throw new RequestValidationException(nulls.map((field) => ({ field, messages: [`${field} must not be null`] })));
  }
}
