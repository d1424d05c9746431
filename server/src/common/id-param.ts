import { Param, ParseUUIDPipe } from '@nestjs/common';
import { RequestValidationException } from './validation';

/** A UUID route parameter; a malformed one is a 400 that names the parameter. */
export function IdParam(name = 'id'): ParameterDecorator {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new RequestValidationException([{ field: name, messages: [`${name} must be a UUID`] }]),
    }),
  );
}
