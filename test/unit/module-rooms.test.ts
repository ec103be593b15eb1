// One room per module (issue 16): every method's prefix names its module, and that module has its contract file
// (shared/api/<module>.ts), its handlers (electron/backend/services/<module>/handlers.ts) and its services folder.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '@shared/api/contract';

const ROOT = path.resolve(__dirname, '../..');
const apiFiles = fs.readdirSync(path.join(ROOT, 'shared/api')).filter((f) => f.endsWith('.ts'));

describe('module rooms', () => {
  it("names each method after the module whose contract file declares it", async () => {
    const declared = new Map<string, string>();
    for (const file of apiFiles) {
      const exports = (await import(path.join(ROOT, 'shared/api', file))) as Record<string, unknown>;
      const module = file.replace(/\.ts$/, '');
      const api = exports[`${module}Api`] as Record<string, unknown> | undefined;
      if (!api) continue;
      for (const method of Object.keys(api)) {
        expect(method.split('.')[0], `${method} in shared/api/${file}`).toBe(module);
        declared.set(method, module);
      }
    }
    expect([...declared.keys()].sort()).toEqual(Object.keys(contract).sort());
  });

  it('gives every module its handlers file, and the dispatcher only merges them', () => {
    const modules = new Set(Object.keys(contract).map((m) => m.split('.')[0]));
    for (const module of modules) expect(fs.existsSync(path.join(ROOT, 'electron/backend/services', module, 'handlers.ts')), module).toBe(true);
    const merged = fs.readFileSync(path.join(ROOT, 'electron/backend/rpc/handlers.ts'), 'utf8');
    expect(merged).not.toMatch(/from '\.\.\/services\/[a-z]+\/(?!handlers')/);
    expect(fs.existsSync(path.join(ROOT, 'electron/backend/rpc/handlers-sync.ts'))).toBe(false);
  });
});
