#!/usr/bin/env node
// Compile-time fixtures for the framework types in dist/frameworks (run after `npm run build`): each must pass
// with correct use, and each wrong use (a wrong property type, a misspelt event, a wrong `detail` field, a bad
// attribute value) must be an error — `@ts-expect-error` in TSX, `@vue-expect-error` in Vue, and for Svelte,
// whose markup has no such comment, an exact list of expected svelte-check errors.
import { spawn } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = join(dirname(fileURLToPath(import.meta.url)), 'frameworks');
const bin = (name) => join(here, '..', '..', '..', 'node_modules', '.bin', name);
const results = [];
const record = (name, problems) => {
  results.push({ name, problems });
  console.log(problems.length ? `✗ ${name}\n    ${problems.join('\n    ')}` : `✓ ${name}`);
};

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: here, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

function checkProgram(name, configFile) {
  const config = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const program = ts.createProgram(config.fileNames, config.options);
  const problems = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${relative(here, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1} ` : '';
    return where + ts.flattenDiagnosticMessageText(d.messageText, ' ');
  });
  record(`${name} (tsc, ${config.fileNames.length} files)`, problems);
}

// Line in svelte/wrong.svelte → what its error must say.
const svelteExpected = new Map([
  [7, /not assignable to type 'ParaSessionClient'/],
  [9, /onpara-session-expird/],
  [11, /Property 'identiti' does not exist on type 'ParaSessionExpiredDetail'/],
  [13, /sometimes.* is not assignable/],
]);

function judgeSvelte({ output }) {
  const errors = [...output.matchAll(/^\d+ ERROR "([^"]+)" (\d+):\d+ "(.*)"$/gm)].map(([, file, line, message]) => ({ file, line: Number(line), message }));
  const problems = [];
  for (const error of errors) {
    const expected = error.file === 'svelte/wrong.svelte' && svelteExpected.get(error.line);
    if (!expected || !expected.test(error.message)) problems.push(`unexpected: ${error.file}:${error.line} ${error.message}`);
  }
  for (const [line, pattern] of svelteExpected) {
    if (!errors.some((e) => e.file === 'svelte/wrong.svelte' && e.line === line && pattern.test(e.message))) problems.push(`missing error at svelte/wrong.svelte:${line} (${pattern})`);
  }
  if (!/COMPLETED/.test(output)) problems.push(`svelte-check did not complete: ${output.slice(-400)}`);
  return problems;
}

const vue = run(bin('vue-tsc'), ['-p', 'tsconfig.vue.json']);
const svelte = run(bin('svelte-check'), ['--tsconfig', './tsconfig.svelte.json', '--output', 'machine']);
for (const framework of ['react', 'preact', 'solid']) checkProgram(`${framework}: JSX types`, join(here, `tsconfig.${framework}.json`));
checkProgram('plain TypeScript: a real ParaWeb under exactOptionalPropertyTypes', join(here, 'tsconfig.plain.json'));
checkProgram('the framework suite\'s own TypeScript', join(here, '../../frameworks/tsconfig.json'));
const vueResult = await vue;
record('vue: GlobalComponents (vue-tsc)', vueResult.code === 0 ? [] : vueResult.output.trim().split('\n'));
record('svelte: svelte/elements (svelte-check)', judgeSvelte(await svelte));

const failed = results.filter((r) => r.problems.length).length;
console.log(`types: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
