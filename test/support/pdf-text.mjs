// Reads a PDF with pdf.js (pdfjs-dist) and prints {"pages": [{"width", "height", "text"}]} as JSON.
// A separate Node process, because pdf.js is an ES module that jest's CommonJS workers cannot import.
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(readFileSync(process.argv[2]));
const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const [, , width, height] = page.view;
  const content = await page.getTextContent();
  const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
  pages.push({ width, height, text });
}
process.stdout.write(JSON.stringify({ pages }));
