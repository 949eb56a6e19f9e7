#!/usr/bin/env node
// `npm run bench`: the kit against a re-implementation of ParaProvider's keep-alive loop, side by side in one
// run. Rows 1–4 in Node on simulated time, 5 from bundles, 6–8 in headless Chromium. Prints the table and
// writes bench/results.json and bench/results.md. `node bench/run.mjs 1 4` runs only those rows.
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { browserRows } from './browser.mjs';
import { sizeReport } from './size.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const only = process.argv.slice(2).map(Number).filter(Boolean);
const want = (n) => only.length === 0 || only.includes(n);
const started = Date.now();

/** The simulation is TypeScript on the engine tests' fakes: bundled for Node first. */
async function simulated(rows) {
  const outfile = join(root, 'node_modules/.cache/bench/simulation.mjs');
  await mkdir(dirname(outfile), { recursive: true });
  await build({
    entryPoints: ['bench/sim/main.ts'],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: 'tsconfig.json',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const { simulatedRows } = await import(`${pathToFileURL(outfile).href}?${Date.now()}`);
  return simulatedRows(rows);
}

function ratio({ kit, baseline, better }) {
  if (kit === null || baseline === null) return 'n/a';
  const [num, den] = better === 'lower' ? [baseline, kit] : [kit, baseline];
  if (num === 0 && den === 0) return '=';
  if (den === 0) return '∞';
  const times = num / den;
  // Past a thousand the exact figure says nothing more (a 20 ms answer against an hour's wait).
  if (times >= 1000) return '>1000×';
  return `${Math.round(times * 100) / 100}×`;
}

function markdown(rows, seconds) {
  const lines = [
    `Ratio: baseline ÷ kit (above 1×: the kit does better). Run: ${seconds} s, ${new Date().toISOString().slice(0, 16)}Z, \`npm run bench\`.`,
    '',
    '| # | measure | unit | kit | baseline | ratio | note |',
    '|---|---|---|---:|---:|---:|---|',
  ];
  let group = '';
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group;
      lines.push(`| **${r.row}** | **${group}** | | | | | |`);
    }
    lines.push(`| ${r.row} | ${r.label} | ${r.unit} | ${r.kit ?? 'n/a'} | ${r.baseline ?? 'n/a'} | ${ratio(r)} | ${r.note ?? ''} |`);
  }
  return lines.join('\n');
}

function text(rows) {
  const cells = rows.map((r) => [String(r.row), r.label, r.unit, String(r.kit ?? 'n/a'), String(r.baseline ?? 'n/a'), ratio(r), r.note ?? '']);
  const header = ['#', 'measure', 'unit', 'kit', 'baseline', 'ratio', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((v, i) => (i >= 3 && i <= 5 ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd();
  const out = [line(header), widths.map((w) => '─'.repeat(w)).join('  ')];
  let group = '';
  for (const [i, r] of rows.entries()) {
    if (r.group !== group) out.push(`${(group = r.group)}`);
    out.push(line(cells[i]));
  }
  return out.join('\n');
}

const rows = [];
let analysis = null;
const simRows = [1, 2, 3, 4].filter(want);
if (simRows.length) rows.push(...(await simulated(simRows)));
if (want(5)) {
  const size = await sizeReport();
  rows.push(...size.rows);
  analysis = size.analysis;
}
if ([6, 7, 8].some(want)) rows.push(...(await browserRows()).filter((r) => want(r.row)));

const seconds = Math.round((Date.now() - started) / 100) / 10;
const table = text(rows);
console.log(`\n${table}\n\nratio = baseline ÷ kit (above 1×: the kit does better) · ${seconds} s`);
if (only.length === 0) {
  const withRatios = rows.map((r) => ({ ...r, ratio: ratio(r) }));
  await writeFile('bench/results.json', `${JSON.stringify({ ranAt: new Date().toISOString(), seconds, rows: withRatios, sizeAnalysis: analysis }, null, 2)}\n`);
  const md = markdown(rows, seconds);
  await writeFile('bench/results.md', `${md}\n`);
  // The README shows the latest table.
  const readme = await readFile('bench/README.md', 'utf8');
  await writeFile('bench/README.md', readme.replace(/(<!-- results:start -->\n)[\s\S]*(<!-- results:end -->)/, `$1${md}\n$2`));
  console.log('bench/results.json, bench/results.md and the table in bench/README.md written');
}
