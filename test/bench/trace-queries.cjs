// Preloaded into the benchmark's server to see its round trips:
//   PGTRACE_FILE=/tmp/queries.txt BENCH_SERVER_NODE_OPTIONS="-r $PWD/test/bench/trace-queries.cjs" npm run bench -- update-post
// appends one line per statement the server sends (milliseconds until its answer, then its text),
// which a count per statement text turns into round trips per request. Never loaded by the product.
const { appendFileSync } = require('node:fs');
const pg = require(require.resolve('pg', { paths: [`${__dirname}/../../server`] }));

const file = process.env.PGTRACE_FILE;
if (!file) throw new Error('Set PGTRACE_FILE to the file the statements are appended to');
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function traced(config, values, callback) {
  const text = String(typeof config === 'string' ? config : config && config.text).replace(/\s+/g, ' ').slice(0, 200);
  const started = process.hrtime.bigint();
  const result = query.call(this, config, values, callback);
  const done = (outcome) => appendFileSync(file, `${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(2)}ms ${outcome}${text}\n`);
  if (result && typeof result.then === 'function') result.then(() => done(''), () => done('ERROR '));
  return result;
};
