#!/usr/bin/env node
/**
 * Prints the raw and gzipped size of every JS/CSS asset in dist/ and the initial JS: the entry
 * script plus the chunks index.html modulepreloads. Exits 1 if the initial JS is over budget.
 * Run after `vite build`.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP_BYTES = 250 * 1024;
const distDir = resolve(fileURLToPath(new URL('..', import.meta.url)), 'dist');

if (!existsSync(join(distDir, 'index.html'))) {
  console.error(`No build found at ${distDir}. Run \`vite build\` first.`);
  process.exit(2);
}

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function sizes(path) {
  const content = readFileSync(path);
  return { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const assets = listFiles(distDir)
  .filter((path) => /\.(js|css)$/.test(path))
  .map((path) => ({ file: relative(distDir, path).split('\\').join('/'), ...sizes(path) }))
  .sort((a, b) => b.gzip - a.gzip);

// The initial JS is what index.html loads before anything lazy: the module entry and its preloads.
const html = readFileSync(join(distDir, 'index.html'), 'utf8');
const initial = new Set();
for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
  const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
  if (src && /type="module"/.test(tag)) initial.add(src.replace(/^\//, ''));
}
for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
  const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
  if (href && /rel="modulepreload"/.test(tag)) initial.add(href.replace(/^\//, ''));
}

const nameWidth = Math.max(...assets.map((a) => a.file.length), 10);
console.log(`${'Asset'.padEnd(nameWidth)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}  initial`);
for (const asset of assets) {
  const mark = initial.has(asset.file) ? '  *' : '';
  console.log(`${asset.file.padEnd(nameWidth)}  ${kb(asset.raw).padStart(10)}  ${kb(asset.gzip).padStart(10)}${mark}`);
}

const missing = [...initial].filter((file) => !assets.some((a) => a.file === file));
if (missing.length) {
  console.error(`index.html references files not in dist/: ${missing.join(', ')}`);
  process.exit(1);
}

const initialJs = assets.filter((a) => initial.has(a.file) && a.file.endsWith('.js'));
const total = initialJs.reduce((sum, a) => ({ raw: sum.raw + a.raw, gzip: sum.gzip + a.gzip }), { raw: 0, gzip: 0 });
const css = assets.filter((a) => a.file.endsWith('.css')).reduce((sum, a) => sum + a.gzip, 0);
console.log('');
console.log(`Initial JS (${initialJs.length} files): ${kb(total.raw)} raw, ${kb(total.gzip)} gzipped (budget ${kb(BUDGET_GZIP_BYTES)})`);
console.log(`All CSS: ${kb(css)} gzipped`);

if (total.gzip > BUDGET_GZIP_BYTES) {
  console.error(`Initial JS is over budget by ${kb(total.gzip - BUDGET_GZIP_BYTES)}.`);
  process.exit(1);
}
