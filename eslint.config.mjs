// Lint with import boundaries: the backend never imports electron, the renderer never touches Node,
// shared/ stays pure, and only window.ts may create a BrowserWindow.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'worker_threads'];
const ELECTRON = ['electron', 'electron/*', '@electron/remote'];

function banned(patterns, message) {
  return ['error', { patterns: [{ group: patterns, message }] }];
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-imports': banned(['@electron/remote'], '@electron/remote is never used: it breaks the sandbox.'),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': banned(
        [...NODE_BUILTINS, ...ELECTRON, 'react', 'react-dom', 'better-sqlite3', 'kysely', '**/electron/**', '**/renderer/**'],
        'shared/ is pure: it runs in the renderer and the backend alike.',
      ),
    },
  },
  {
    files: ['electron/backend/**/*.ts', 'electron/webhost/**/*.ts'],
    rules: {
      'no-restricted-imports': banned([...ELECTRON, '**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], 'The backend is plain Node and never imports electron.'),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': banned(
        [...NODE_BUILTINS, ...ELECTRON, 'better-sqlite3', 'kysely', '**/electron/**'],
        'The renderer talks to the backend only through api/client.ts.',
      ),
    },
  },
  {
    // Screens take their data from their feature's queries.ts hooks (renderer rooms): only queries.ts files name a method.
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/api/**', 'renderer/src/**/queries.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...NODE_BUILTINS, ...ELECTRON, 'better-sqlite3', 'kysely', '**/electron/**'], message: 'The renderer talks to the backend only through api/client.ts.' },
            { group: ['**/api/hooks'], message: "Data hooks live in the feature's queries.ts." },
            { group: ['**/api/client'], importNames: ['call'], message: "Calls live in the feature's queries.ts." },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': banned([...NODE_BUILTINS, '**/backend/**', '**/renderer/**'], 'The preload exposes one narrow bridge and nothing else.'),
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/window.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='BrowserWindow']", message: 'Create windows only in electron/main/window.ts (secure preferences).' },
        { selector: "MemberExpression[object.name='shell'][property.name='openExternal']", message: 'Opening external URLs is not allowed.' },
      ],
    },
  },
);
