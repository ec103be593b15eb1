import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('packaging', () => {
  it('targets Windows NSIS x64 and Linux deb/AppImage on x64 and arm64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    for (const target of config.linux.target) expect(target.arch).toEqual(['x64', 'arm64']);
    expect(config.linux.target.map((t: { target: string }) => t.target).sort()).toEqual(['AppImage', 'deb']);
  });

  it('unpacks better-sqlite3 from the asar and sets the security fuses', () => {
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('leaves the browser host, sources and tests out of the package', () => {
    expect(config.files).toEqual(expect.arrayContaining(['!electron/**', '!test/**']));
    expect(config.files.filter((f: string) => !f.startsWith('!')).every((f: string) => f.startsWith('out/') || f === 'package.json')).toBe(true);
    // The bundled main process must not pull the browser host in.
    expect(pkg.main).toBe('out/main/index.js');
  });

  it('never depends on @electron/remote and never downloads at install', () => {
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty('@electron/remote');
    expect(pkg.scripts.postinstall).toBeUndefined();
    expect(pkg.allowScripts.electron).toBe(false);
  });
});
