// Row 5 and the bundle analysis. The three budget rows measure the built package (dist, built first when missing
// or stale) exactly as tools/check-size.mjs does: each entry bundled and minified as an app's build would (esbuild,
// one file per entry), then gzipped. Lit, @lit/context and nanostores stay external except in the self-contained
// bundle, as apps dedupe them. The analysis (weight by module, each fallback left out) bundles the same entries
// from source, where modules have names. The element rows measure the per-element entries (src/define) the same way.
import { readFileSync } from 'node:fs';
import { bundle, ELEMENT_ENTRIES, ensureBuilt, EXTERNAL, SHIPPED_ENTRIES } from '../tools/size-measure.mjs';

export { bundle };

/** Budgets from issue 13, checked by `--check` (tools/check-size.mjs holds the tripwires `npm test` enforces). */
export const TARGET_KB = { 'package entry': 12, core: 7, 'self-contained bundle': 20 };

/** The baseline's loop as an app would ship it. */
const BASELINE = { name: 'baseline loop', stdin: "export { ParaProviderLoop } from './bench/baseline.ts';\n", external: [] };

/** Replaces a fallback with stubs, to learn what it costs by leaving it out. */
const cut = (marker, stub) => (source) => {
  const at = source.indexOf(marker);
  return at < 0 ? null : `${source.slice(0, at)}${stub}\n`;
};
const FALLBACKS = [
  {
    name: 'lease election and announced exclusivity (no Web Locks: insecure contexts)',
    stubs: [
      { file: /tabs[\\/]lease-election\.ts$/, stub: () => 'export class LeaseElection { constructor() { throw new Error("left out"); } }\n' },
      { file: /tabs[\\/]exclusive\.ts$/, stub: cut('export class AnnouncedExclusive', 'export class AnnouncedExclusive { constructor() { throw new Error("left out"); } }') },
    ],
  },
  {
    name: 'storage transport (no BroadcastChannel)',
    stubs: [{ file: /tabs[\\/]transport\.ts$/, stub: cut('export function openStorageTransport', 'export function openStorageTransport() { throw new Error("left out"); }') }],
  },
];

/** Languages beyond English are opt-in modules: what a German or Arabic page adds to the package entry. */
const LOCALE_ENTRIES = [
  { name: 'locale module de (opt-in)', entry: 'dist/locales/de.js', external: EXTERNAL },
  { name: 'locale module ar (opt-in)', entry: 'dist/locales/ar.js', external: EXTERNAL },
];

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

function stubPlugin(fallback) {
  return {
    name: 'leave-out',
    setup(b) {
      for (const { file, stub } of fallback.stubs) {
        b.onLoad({ filter: file }, (args) => {
          const contents = stub(readFileSync(args.path, 'utf8'));
          return contents === null ? undefined : { contents, loader: 'ts' };
        });
      }
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

function analysed(name, result) {
  return { name, minKB: kb(result.min), gzipKB: kb(result.gzip), gzipBytes: result.gzip, targetKB: TARGET_KB[name] ?? null };
}

export async function sizeReport() {
  ensureBuilt();
  const baseline = await bundle(BASELINE);
  const entries = [];
  const fallbacks = [];
  for (const spec of SHIPPED_ENTRIES) {
    const shipped = await bundle(spec);
    const fromSource = await bundle({ ...spec, entry: spec.source });
    entries.push({
      ...analysed(spec.name, shipped),
      measured: spec.entry,
      fromSourceGzipKB: kb(fromSource.gzip),
      byArea: areas(fromSource),
      top: contributors(fromSource),
    });
    for (const fallback of FALLBACKS) {
      const without = await bundle({ ...spec, entry: spec.source }, [stubPlugin(fallback)]);
      fallbacks.push({ entry: spec.name, fallback: fallback.name, gzipBytes: fromSource.gzip - without.gzip });
    }
  }
  for (const spec of LOCALE_ENTRIES) entries.push({ ...analysed(spec.name, await bundle(spec)), measured: spec.entry });
  for (const spec of ELEMENT_ENTRIES) {
    const fromSource = await bundle({ ...spec, entry: spec.source });
    entries.push({ ...analysed(spec.name, await bundle(spec)), measured: spec.entry, element: true, fromSourceGzipKB: kb(fromSource.gzip), byArea: areas(fromSource), top: contributors(fromSource) });
  }
  const rows = entries.map((e) => ({
    row: 5,
    group: 'Size, min + gzip (one esbuild bundle per entry of the built package; Lit and nanostores external but in the self-contained bundle)',
    label: e.name,
    unit: 'KB',
    kit: e.gzipKB,
    baseline: kb(baseline.gzip),
    better: 'lower',
    note: e.targetKB ? `target ≤ ${e.targetKB} KB` : e.element ? `${e.measured.replace(/^dist\/(.*)\.js$/, 'para-session-kit/$1')}: all an app using no other tag loads` : `${e.measured}, loaded only by pages in that language`,
  }));
  return { rows, analysis: { entries, fallbacks, baselineGzipKB: kb(baseline.gzip) } };
}

// `node bench/size.mjs --check`: the targets as a pass/fail check.
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
