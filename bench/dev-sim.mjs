import { build } from 'esbuild';
const t=Date.now();
await build({ entryPoints: ['bench/sim/main.ts'], outfile: 'node_modules/.cache/bench/sim.mjs', bundle: true, format: 'esm', platform: 'node', target: 'node20', tsconfig: 'tsconfig.json', define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'warning' });
const { simulatedRows } = await import('/work/wt-bench/node_modules/.cache/bench/sim.mjs?' + Date.now());
const rows = await simulatedRows(process.argv.slice(2).map(Number).filter(Boolean).length ? process.argv.slice(2).map(Number) : undefined);
console.table(rows.map(r => ({label: r.label, kit: r.kit, base: r.baseline, note: r.note ?? ''})));
console.log((Date.now()-t)/1000, 's');
