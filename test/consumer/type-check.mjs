// Type-checks the consumer fixture inside the fresh project, with the project's TypeScript and no lib skipping.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const settings = {
  bundler: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
  node16: { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 },
  node10: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Node10 },
};

const parsed = new Map();

export function checkTypes(project, fixture, resolution) {
  mkdirSync(join(project, 'src'), { recursive: true });
  const file = join(project, 'src', 'consumer.ts');
  copyFileSync(fixture, file);
  const options = {
    ...settings[resolution],
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    strict: true,
    noEmit: true,
    skipLibCheck: false, // the package's declarations (and Lit's) are checked as the app sees them
    skipDefaultLibCheck: true, // TypeScript's own lib.dom.d.ts needs no checking here
    types: [],
    experimentalDecorators: true,
  };
  const host = ts.createCompilerHost(options);
  // One parse of lib.dom.d.ts and the package's files serves all three resolutions.
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, version, ...rest) => {
    const key = `${name}:${JSON.stringify(version)}`;
    if (!parsed.has(key)) parsed.set(key, getSourceFile.call(host, name, version, ...rest));
    return parsed.get(key);
  };
  const program = ts.createProgram({ rootNames: [file], options, host });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${relative(project, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
    return where + ts.flattenDiagnosticMessageText(d.messageText, ' ');
  });
  if (problems.length) throw new Error(problems.join('\n'));
  const kit = program.getSourceFiles().filter((f) => f.fileName.includes('node_modules/para-session-kit/')).length;
  if (kit === 0) throw new Error('no declaration of para-session-kit was read');
  return `${kit} declaration files of the package read`;
}
