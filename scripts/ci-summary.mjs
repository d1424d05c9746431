// Sums the test counts jest and vitest printed, adds the smoke check, and prints "N passed, N failed".
import { readFileSync } from 'node:fs';

const [logFile, smokeOk] = process.argv.slice(2);
const log = readFileSync(logFile, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
for (const line of log.split('\n')) {
  const jest = /^Tests:\s+(.*)total/.exec(line);
  const vitest = /^\s*Tests\s+(.*)\(\d+\)/.exec(line);
  const counts = jest?.[1] ?? vitest?.[1];
  if (!counts) continue;
  passed += Number(/(\d+) passed/.exec(counts)?.[1] ?? 0);
  failed += Number(/(\d+) failed/.exec(counts)?.[1] ?? 0);
}
if (smokeOk === '1') passed += 1;
else failed += 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
