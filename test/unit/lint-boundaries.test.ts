// The import boundaries are real lint errors: each forbidden import below must be reported.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it.each([
    ['electron/backend/services/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['renderer/src/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['renderer/src/y.ts', "import Database from 'better-sqlite3';\nexport const a = Database;"],
    ['shared/domain/x.ts', "import path from 'node:path';\nexport const a = path;"],
    ['shared/api/y.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/preload/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
  ])('%s may not import that', async (file, code) => {
    expect(await problems(file, code)).toContain('no-restricted-imports');
  });

  it('only window.ts may create a BrowserWindow', async () => {
    expect(await problems('electron/main/other.ts', "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow();")).toContain('no-restricted-syntax');
  });

  it('allows what each layer needs', async () => {
    expect(await problems('electron/backend/x.ts', "import fs from 'node:fs';\nexport const a = fs;")).toEqual([]);
    expect(await problems('renderer/src/z.ts', "import { z } from 'zod';\nexport const a = z;")).toEqual([]);
  });
});
