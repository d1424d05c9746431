import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const DOC = resolve(__dirname, '../../../docs/RELIABILITY.md');

/**
 * Prints a suite's figures and writes them into docs/RELIABILITY.md, between the markers
 * `<!-- figures:<suite> -->` and `<!-- /figures:<suite> -->` (appended at the end when absent), with
 * the date and the command that produced them. So the document always holds the latest run's figures.
 */
export function reportFigures(suite: string, lines: string[]): void {
  const stamp = new Date().toISOString().slice(0, 10);
  const block = [
    `<!-- figures:${suite} -->`,
    `Measured ${stamp} by \`npm run test:reliability -- ${suite}\` (2 cores, PostgreSQL on loopback):`,
    '',
    ...lines.map((line) => `- ${line}`),
    `<!-- /figures:${suite} -->`,
  ].join('\n');
  console.log(`[reliability:${suite}]\n${lines.map((l) => `  ${l}`).join('\n')}`);
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Reliability\n';
  const pattern = new RegExp(`<!-- figures:${suite} -->[\\s\\S]*?<!-- /figures:${suite} -->`);
  const next = pattern.test(doc) ? doc.replace(pattern, block) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(DOC, next);
}
