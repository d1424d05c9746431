// `npm run openapi:check` (after `npm run build`): regenerates what is generated from the API contract
// and fails when a committed copy differs, so the typed client cannot drift from the server.
//   server/src/openapi/api-schemas.gen.json  from shared/src/api-schemas.ts  (ts-json-schema-generator)
//   shared/src/api-types.gen.ts              from the server's OpenAPI document (openapi-typescript)
// `npm run openapi:generate` rewrites both.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'liftoff-openapi-'));
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

const stale = [];
try {
  const checks = [
    ['server/src/openapi/api-schemas.gen.json', () => run('node', ['scripts/openapi-schemas.mjs', join(dir, 'schemas.json')]), 'schemas.json'],
    [
      'shared/src/api-types.gen.ts',
      () => {
        run('node', ['server/dist/openapi/write-openapi.cli.js', join(dir, 'openapi.json')]);
        run('npx', ['--no-install', 'openapi-typescript', join(dir, 'openapi.json'), '--output', join(dir, 'api-types.ts'), '--redocly', 'redocly.yaml', '--default-non-nullable', 'false']);
      },
      'api-types.ts',
    ],
  ];
  for (const [committed, generate, fresh] of checks) {
    generate();
    if (readFileSync(join(root, committed), 'utf8') !== readFileSync(join(dir, fresh), 'utf8')) stale.push(committed);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (stale.length > 0) {
  console.error(`Out of date with the API: ${stale.join(', ')}.\nRun \`npm run build && npm run openapi:generate\` and commit the result.`);
  process.exit(1);
}
console.log('Generated API files are up to date.');
