// Issue 13 §8: the sign-in screen loads only the core. A page imported the ordinary way would put it, and what it
// uses (charts, date pickers), back into the first screen's scripts — so pages are imported with lazyPage only.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(__dirname, '../../renderer/src');
const read = (file: string) => fs.readFileSync(path.join(src, file), 'utf8');
/** Static (not type-only) imports of feature modules. */
const staticFeatureImports = (code: string) => [...code.matchAll(/^import (?!type )[^;]*? from '(\.\/features\/[^']+)';$/gm)].map((m) => m[1]);

describe('bundle split by route', () => {
  it('App.tsx imports no feature page the ordinary way (lazyPage keeps each page in its own chunk)', () => {
    expect(staticFeatureImports(read('App.tsx'))).toEqual([]);
  });

  it('the first screen (Root.tsx) loads the signed-in app lazily and imports only the sign-in gate', () => {
    const root = read('Root.tsx');
    expect(root).not.toMatch(/^import [^;]* from '\.\/App';$/m);
    expect(root).toContain("lazyPage(() => import('./App'), 'SignedInApp')");
    expect(staticFeatureImports(root)).toEqual(['./features/auth/AuthGate']);
  });

  it('main.tsx starts from Root, not from the signed-in app', () => {
    const main = read('main.tsx');
    expect(main).toMatch(/^import \{ Root \} from '\.\/Root';$/m);
    expect(main).not.toMatch(/from '\.\/App'/);
  });
});
