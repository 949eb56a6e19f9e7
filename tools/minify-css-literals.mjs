// Lit's `css` template literals reach the minifier as strings, whitespace and comments included. The build
// hands each one (they have no `${}` parts) to esbuild's CSS minifier, as an app's build of its own styles would.
import { transformSync } from 'esbuild';

const CSS_LITERAL = /\bcss`([^`$\\]*)`/g;

/** `source` with every interpolation-free `css` literal minified; the rest of the file untouched. */
export function minifyCssLiterals(source, file = 'source') {
  return source.replace(CSS_LITERAL, (whole, body) => {
    const code = transformSync(body, { loader: 'css', minify: true, logLevel: 'silent', sourcefile: file }).code.trim();
    // A backslash or backtick would read differently inside a template literal: such a literal stays as written.
    return /[`\\$]/.test(code) ? whole : `css\`${code}\``;
  });
}

const STYLED = /[\\/]src[\\/]elements[\\/].*\.ts$/;

/** For Vite (Rollup) builds. */
export const minifyCssLiteralsVite = () => ({
  name: 'minify-css-literals',
  apply: 'build',
  transform(source, id) {
    if (!STYLED.test(id) || !source.includes('css`')) return null;
    return { code: minifyCssLiterals(source, id), map: null };
  },
});

/** For esbuild builds (the self-contained bundle). */
export const minifyCssLiteralsEsbuild = () => ({
  name: 'minify-css-literals',
  setup(build) {
    build.onLoad({ filter: STYLED }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      return source.includes('css`') ? { contents: minifyCssLiterals(source, args.path), loader: 'ts' } : undefined;
    });
  },
});
