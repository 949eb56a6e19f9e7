// publint on the installed tarball's files (strict), and @arethetypeswrong/cli on the tarball for node10, node16 and bundler.
// The package is ESM-only like Lit itself: require() from CommonJS (cjs-resolves-to-esm) is the one rule left out.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

export async function lintPackage(root, tarball, installed) {
  // The installed copy holds exactly the tarball's files, so nothing needs packing again.
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const { messages } = await publint({ pkgDir: installed, pack: false, strict: true });
  const publintLines = messages.map((m) => `${m.type}: ${formatMessage(m, pkg)}`);
  let attw;
  try {
    attw = execFileSync(join(root, 'node_modules/.bin/attw'), [tarball, '--ignore-rules', 'cjs-resolves-to-esm', '--format', 'table-flipped'], { encoding: 'utf8', stdio: 'pipe', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  } catch (error) {
    throw new Error(`@arethetypeswrong/cli found problems:\n${error.stdout}${error.stderr}\npublint: ${publintLines.join('\n') || 'clean'}`);
  }
  if (messages.length) throw new Error(`publint:\n${publintLines.join('\n')}`);
  return `publint: no errors, warnings or suggestions\n@arethetypeswrong/cli:\n${attw.trim()}`;
}
