import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'custom-elements.json', 'test-results/', 'docs/'] },
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // House rule 1: the engine knows nothing of Lit or tags, and nothing outside src/para knows the SDK.
    // The engine reaches Para only through src/para/adapter.ts (see ParaSessionPort).
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [
        { group: ['lit', 'lit/*', '@lit/*', 'lit-html', 'lit-element'], message: 'src/core must not depend on Lit.' },
        { group: ['@getpara/*'], message: 'Only src/para may know the Para SDK, and only by type.' },
        { group: ['**/elements/**', '../elements/*'], message: 'src/core must not import elements.' },
        { group: ['../para/*', '../../para/*', '!../para/adapter.js', '!../para/errors.js', '!../para/identity.js'], allowTypeImports: true, message: 'The engine calls Para only through src/para/adapter.ts.' },
      ] }],
    },
  },
  {
    files: ['src/para/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['lit', 'lit/*', '@lit/*'], message: 'src/para must not depend on Lit.' },
        { group: ['**/elements/**'], message: 'src/para must not import elements.' },
        { group: ['**/core/**', '../core/*'], message: 'The arrow runs one way: src/core uses src/para, never the reverse.' },
      ] }],
    },
  },
  {
    files: ['src/elements/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@getpara/*'], message: 'Elements reach the SDK only through src/para.' },
      ] }],
    },
  },
  {
    // Private members are ES private (`#name`): minifiers rename them, TypeScript's `private` names ship whole
    // (1 KB of the package entry). TypeScript's `private` stays only for decorated fields and for fields whose
    // initializer reads `this` (with useDefineForClassFields off those run in the constructor, an ES private
    // field's before it), and for the parameter properties of such classes.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "MethodDefinition[accessibility='private']", message: 'A private method is `#name()`.' },
        { selector: "PropertyDefinition[accessibility='private'][decorators.length=0]:not(:has(ThisExpression))", message: 'A private field is `#name`.' },
      ],
    },
  },
  {
    // Node scripts: the emulator, tools, end-to-end drivers and configs.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
