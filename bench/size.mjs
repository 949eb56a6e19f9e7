// Row 5 and the bundle analysis: each entry bundled from source as an app's build would (esbuild, one
// file per entry, minified), then gzipped. Lit, @lit/context and nanostores stay external except in the
// self-contained bundle, as apps dedupe them.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const EXTERNAL = ['lit', 'lit/*', '@lit/*', 'nanostores'];
const ELEMENTS = [
  ['para-session', 'ParaSession'],
  ['para-session-status', 'ParaSessionStatus'],
  ['para-reauth-dialog', 'ParaReauthDialog'],
  ['para-session-guard', 'ParaSessionGuard'],
];

/** Budgets from issue 13, checked only by `--check` (tools/check-size.mjs holds the budgets `npm test` enforces today). */
export const TARGET_KB = { 'package entry': 12, core: 7, 'self-contained bundle': 20 };

const elementEntry = (tag, name) => `import { ${name} } from './src/elements/${tag}/${tag}.ts';\n${name}.define('${tag}');\n`;

export const ENTRIES = [
  { name: 'package entry', entry: 'src/index.ts', external: EXTERNAL },
  { name: 'core', entry: 'src/core/index.ts', external: EXTERNAL },
  { name: 'self-contained bundle', entry: 'src/index.ts', external: [] },
  ...ELEMENTS.map(([tag, name]) => ({ name: `<${tag}> alone`, stdin: elementEntry(tag, name), external: EXTERNAL })),
];

/** The baseline's loop as an app would ship it. */
const BASELINE = { name: 'baseline loop', stdin: "export { ParaProviderLoop } from './bench/baseline.ts';\n", external: [] };

/** Replaces a fallback with a stub, to learn what it costs by leaving it out. */
const FALLBACKS = [
  {
    name: 'lease election (no Web Locks: insecure contexts)',
    file: /tabs[\\/]lease-election\.ts$/,
    stub: () => 'export class LeaseElection { constructor() { throw new Error("left out"); } }\n',
  },
  {
    name: 'storage transport (no BroadcastChannel)',
    file: /tabs[\\/]transport\.ts$/,
    stub: (source) => {
      const at = source.indexOf('export function openStorageTransport');
      return at < 0 ? null : `${source.slice(0, at)}export function openStorageTransport() { throw new Error("left out"); }\n`;
    },
  },
];

/** One entry bundled and minified as an app's build would; also what the browser rows load. */
export async function bundle({ entry, stdin, external }, plugins = []) {
  const result = await build({
    ...(stdin ? { stdin: { contents: stdin, resolveDir: process.cwd(), loader: 'ts' } } : { entryPoints: [entry] }),
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    tsconfig: 'tsconfig.json',
    external,
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
    plugins,
  });
  const code = result.outputFiles[0].contents;
  const output = Object.values(result.metafile.outputs)[0];
  return { code, min: code.length, gzip: gzipSync(code).length, inputs: output.inputs };
}

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

function stubPlugin(fallback) {
  return {
    name: 'leave-out',
    setup(b) {
      b.onLoad({ filter: fallback.file }, (args) => {
        const contents = fallback.stub(readFileSync(args.path, 'utf8'));
        return contents === null ? undefined : { contents, loader: 'ts' };
      });
    },
  };
}

/** Per module, its share of the gzip size (minified bytes in the output, scaled to the gzipped total). */
function contributors(result, top = 8) {
  const scale = result.gzip / result.min;
  return Object.entries(result.inputs)
    .map(([path, { bytesInOutput }]) => ({ module: path.replace(/^node_modules\//, ''), minBytes: bytesInOutput, gzipKB: kb(bytesInOutput * scale) }))
    .sort((a, b) => b.minBytes - a.minBytes)
    .slice(0, top);
}

/** The same shares summed by area: engine, tabs, elements, Para glue, each library. */
function areas(result) {
  const scale = result.gzip / result.min;
  const area = (path) =>
    /^src\/core\/tabs\//.test(path) ? 'src/core/tabs' : /^src\/(core|para|elements)\//.test(path) ? path.split('/').slice(0, 2).join('/') : path.startsWith('node_modules/') ? path.split('/').slice(1, path.includes('/@') || path.split('/')[1].startsWith('@') ? 3 : 2).join('/') : path;
  const sums = {};
  for (const [path, { bytesInOutput }] of Object.entries(result.inputs)) sums[area(path)] = (sums[area(path)] ?? 0) + bytesInOutput;
  return Object.entries(sums)
    .map(([name, bytes]) => ({ area: name, gzipKB: kb(bytes * scale) }))
    .filter((a) => a.gzipKB > 0)
    .sort((a, b) => b.gzipKB - a.gzipKB);
}

export async function sizeReport() {
  const baseline = await bundle(BASELINE);
  const entries = [];
  for (const spec of ENTRIES) {
    const result = await bundle(spec);
    entries.push({
      name: spec.name,
      minKB: kb(result.min),
      gzipKB: kb(result.gzip),
      gzipBytes: result.gzip,
      targetKB: TARGET_KB[spec.name] ?? null,
      byArea: areas(result),
      top: contributors(result),
    });
  }
  const fallbacks = [];
  for (const spec of ENTRIES.slice(0, 3)) {
    const full = entries.find((e) => e.name === spec.name);
    for (const fallback of FALLBACKS) {
      const without = await bundle(spec, [stubPlugin(fallback)]);
      fallbacks.push({ entry: spec.name, fallback: fallback.name, gzipBytes: full.gzipBytes - without.gzip });
    }
  }
  const rows = entries.map((e) => ({
    row: 5,
    group: 'Size, min + gzip (one esbuild bundle per entry; Lit and nanostores external but in the self-contained bundle)',
    label: e.name,
    unit: 'KB',
    kit: e.gzipKB,
    baseline: kb(baseline.gzip),
    better: 'lower',
    note: e.targetKB ? `target ≤ ${e.targetKB} KB` : undefined,
  }));
  return { rows, analysis: { entries, fallbacks, baselineGzipKB: kb(baseline.gzip) } };
}

// `node bench/size.mjs --check`: the budgets, for the integrator to switch on in `npm test`.
if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes('--check')) {
  const { analysis } = await sizeReport();
  let passed = 0;
  let failed = 0;
  for (const entry of analysis.entries.filter((e) => e.targetKB)) {
    const ok = entry.gzipKB <= entry.targetKB;
    console.log(`${ok ? '✓' : '✗'} ${entry.name}: ${entry.gzipKB} KB min+gzip (budget ${entry.targetKB} KB)`);
    if (ok) passed += 1;
    else failed += 1;
  }
  console.log(`size budgets: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
