// The simulated-time rows (1–4), run in Node on the engine tests' fakes. Bundled and run by bench/run.mjs.
import { installNodeGlobals } from './node-globals.js';
import { detectionRows } from './detection.js';
import { flakyRows } from './flaky.js';
import { requestRows } from './requests.js';
import type { Row } from './rows.js';
import { wakeUpRows } from './wakeups.js';

export async function simulatedRows(only?: number[]): Promise<Row[]> {
  installNodeGlobals();
  const rows: Row[] = [];
  const want = (n: number) => !only || only.includes(n);
  if (want(1)) rows.push(...(await requestRows()));
  if (want(2)) rows.push(...(await detectionRows()));
  if (want(3)) rows.push(...(await flakyRows()));
  if (want(4)) rows.push(...(await wakeUpRows()));
  return rows;
}
