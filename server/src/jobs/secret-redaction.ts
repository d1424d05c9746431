/** Longest error text the jobs overview shows. */
const MAX_ERROR_LENGTH = 500;

const SECRET_PATTERNS: [RegExp, string][] = [
  // Credentials inside a URL: scheme://user:password@host
  [/([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]*@/gi, '$1[redacted]@'],
  // Authorization values
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, '$1 [redacted]'],
  // name=value and name: value pairs whose name says secret
  [/\b([\w-]*(?:password|passwd|secret|token|api[_-]?key|authorization|cookie)[\w-]*)(["']?\s*[=:]\s*["']?)[^\s"'&,;}]+/gi, '$1$2[redacted]'],
];

/**
 * An error message fit to show on screen: a job's error can quote a connection string, a webhook URL's
 * query or a header, so anything that looks like a credential is blanked out, and the text is cut short.
 */
export function redactSecrets(text: string): string {
  let result = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) result = result.replace(pattern, replacement);
  return result.length > MAX_ERROR_LENGTH ? `${result.slice(0, MAX_ERROR_LENGTH - 1)}…` : result;
}
