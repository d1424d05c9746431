import { createHmac } from 'node:crypto';
import type { SendResult } from './delivery-channel';

/**
 * The signature of a generic webhook request: hex HMAC-SHA256 with the channel's secret over
 * `<timestamp>.<body>`, sent as `Liftoff-Signature: v1=<hex>` (docs/WEBHOOKS.md).
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Codes worth trying again: the receiver is busy or timed out; other 4xx will not change. */
const RETRYABLE_4XX = new Set([408, 425, 429]);

/**
 * POSTs a JSON body and reports how it went, never throwing and never naming the URL (it may hold
 * a token). Redirects are not followed: a webhook that moved needs its new address configured.
 */
export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<SendResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'Liftoff-Webhooks/1', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Drain the answer so the connection is freed; its content is not needed.
    await response.arrayBuffer().catch(() => undefined);
    const code = response.status;
    if (code >= 200 && code < 300) return { ok: true, responseCode: code, error: null, retryable: false };
    const retryable = code >= 500 || RETRYABLE_4XX.has(code);
    return { ok: false, responseCode: code, error: `The receiver answered ${code}${response.statusText ? ` ${response.statusText}` : ''}`, retryable };
  } catch (error) {
    return { ok: false, responseCode: null, error: networkError(error, timeoutMs), retryable: true };
  }
}

function networkError(error: unknown, timeoutMs: number): string {
  const err = error as { name?: string; cause?: { code?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `No answer within ${Math.round(timeoutMs / 1000)} s`;
  const code = err.cause?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'Connection refused (nothing listens at that address)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'The host name could not be resolved';
    case 'ECONNRESET':
      return 'The receiver closed the connection';
    default:
      return code ? `The request failed (${code})` : 'The request failed';
  }
}
