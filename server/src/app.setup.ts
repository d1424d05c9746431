import { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ConfigService } from '@nestjs/config';
import { requestContextMiddleware } from './audit/request-context';
import { clientDistDir, precompressedAssets } from './client-assets/client-assets';
import { jsonBodyParser, urlencodedParser } from './common/json-body';
import { wholeJsonCompression } from './common/json-compression';
import { writeRequestGuard } from './common/write-request-guard';
import type { AppConfig } from './config/config.schema';
import { RequestCancellation } from './database/request-cancellation';
import { answerRefusedRequests } from './common/http-client-errors';
import { createOpenApiDocument } from './openapi/openapi-document';

export const API_PREFIX = 'api';

/** Smaller bodies gain less than the compression header and work cost. */
const COMPRESS_FROM_BYTES = 1024;

/** Everything main.ts and the tests both need on top of the module: prefix, logger, OpenAPI. */
export function configureApp(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);
  answerRefusedRequests(app.getHttpServer());
  app.use(requestContextMiddleware);
  // A client that hangs up has the database work of its request cancelled.
  app.use(app.get(RequestCancellation).middleware);
  const config = app.get<ConfigService<AppConfig, true>>(ConfigService);
  // Before any body is read: cross-origin and non-JSON writes are refused, then the one JSON parser runs.
  app.use(writeRequestGuard(config.get('PUBLIC_URL', { infer: true })));
  app.use(jsonBodyParser(config.get('BODY_LIMIT_BYTES', { infer: true })));
  app.use(urlencodedParser);
  app.use(cookieParser());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { ...helmet.contentSecurityPolicy.getDefaultDirectives(), 'img-src': ["'self'", 'data:'] },
      },
    }),
  );
  // Responses over 1 KB (the API's JSON) go out compressed when the client accepts it; an asset that
  // already carries its precompressed encoding is passed through untouched.
  app.use(compression({ threshold: COMPRESS_FROM_BYTES }));
  // After it, so that it sees a JSON answer compressed here as already encoded (see the function).
  app.use(wholeJsonCompression(COMPRESS_FROM_BYTES));
  const clientDir = clientDistDir();
  // Before the static server, which is registered when the app initialises.
  if (clientDir) app.use(precompressedAssets(clientDir));
  // Built on the first request for it, not at start.
  SwaggerModule.setup('api/docs', app, () => createOpenApiDocument(app), { jsonDocumentUrl: 'api/docs/json' });
}
