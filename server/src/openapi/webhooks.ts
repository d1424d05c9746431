import { WEBHOOK_EVENT_SCHEMAS, WEBHOOK_EVENT_TYPES } from '@liftoff/shared';

const RECEIVER_ANSWERS = {
  '2XX': { description: 'Received. Any 2xx acknowledges the delivery; the body is ignored.' },
  '4XX': { description: 'Refused by the receiver; the delivery counts as failed and may be retried.' },
};

/**
 * The outbound webhook events, as OpenAPI 3.0 `x-webhooks` (Nest's swagger emits 3.0, where the 3.1
 * `webhooks` field does not exist; Redocly and openapi-typescript both read the extension). Each is a
 * POST of the event's JSON to the subscriber's URL; the payload types live in shared/src/webhook-events.ts.
 */
export function webhooksDocument(): { 'x-webhooks': Record<string, object> } {
  const webhooks: Record<string, object> = {};
  for (const type of WEBHOOK_EVENT_TYPES) {
    const schema = WEBHOOK_EVENT_SCHEMAS[type];
    webhooks[type] = {
      post: {
        operationId: `webhook_${type.replace(/\./g, '_')}`,
        summary: `The "${type}" event`,
        tags: ['webhooks'],
        security: [],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } },
        responses: RECEIVER_ANSWERS,
      },
    };
  }
  return { 'x-webhooks': webhooks };
}
