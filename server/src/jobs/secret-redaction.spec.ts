import { redactSecrets } from './secret-redaction';

describe('redactSecrets', () => {
  it('blanks the password of a connection string and keeps the rest readable', () => {
    expect(redactSecrets('connect failed: postgres://liftoff_app:s3cr3t@db:5432/liftoff')).toBe('connect failed: postgres://[redacted]@db:5432/liftoff');
  });

  it('blanks bearer tokens, and values named like secrets in queries, headers and JSON', () => {
    const text = redactSecrets('POST https://hooks.example.com/x?token=abc123&team=ops with Authorization: Bearer eyJhbGciOi.x.y and {"password":"hunter2"} api_key=k-9');
    expect(text).not.toMatch(/abc123|eyJhbGciOi|hunter2|k-9/);
    expect(text).toContain('team=ops');
    expect(text).toContain('https://hooks.example.com/x?token=[redacted]');
  });

  it('leaves ordinary error text alone and cuts very long text', () => {
    expect(redactSecrets('webhook answered 410 Gone')).toBe('webhook answered 410 Gone');
    const long = redactSecrets('x'.repeat(2000));
    expect(long.length).toBe(500);
    expect(long.endsWith('…')).toBe(true);
  });
});
