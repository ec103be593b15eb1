import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseEncoding } from '../../electron/webhost/encoding';
import { IMMUTABLE_CACHE, etagFor, findStatic, isHashedAsset, isNotModified, resolveInside } from '../../electron/webhost/static-files';

const root = path.resolve('/srv/app/renderer');

describe('resolveInside', () => {
  it.each(['/index.html', '/assets/a.js', '/assets/%E4%B8%AD.png'])('keeps %s inside the root', (p) => {
    expect(resolveInside(root, p)?.startsWith(root + path.sep)).toBe(true);
  });
  // '..' is clamped at the root (like a web server would) or refused; it never reaches a file outside.
  it.each(['/../secret', '/%2e%2e/secret', '/..%2f..%2fetc/passwd', '/assets/../../renderer-evil/x.js', '/%00', '/%E0%A4%A'])('never leaves the root for %s', (p) => {
    const resolved = resolveInside(root, p);
    expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true);
  });
  it('refuses undecodable and NUL paths outright', () => {
    expect(resolveInside(root, '/%E0%A4%A')).toBeNull();
    expect(resolveInside(root, '/a%00b')).toBeNull();
  });
});

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['x-gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['identity', 'identity'],
    ['', 'identity'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
  ] as const)('answers %j with %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
  it('treats a missing header as plain bytes', () => {
    expect(chooseEncoding(undefined)).toBe('identity');
  });
});

describe('isHashedAsset', () => {
  it.each(['/assets/index-CK45huDC.js', '/assets/AuditPage-a_b-C12d.js', '/assets/index-CazJ_Ebj.css'])('lets the browser keep %s', (p) => {
    expect(isHashedAsset(p)).toBe(true);
  });
  it.each(['/index.html', '/', '/assets/index.js', '/favicon.ico', '/assets/sub/x-CK45huDC.js', '/other/index-CK45huDC.js'])('has the browser ask again for %s', (p) => {
    expect(isHashedAsset(p)).toBe(false);
  });
});

describe('findStatic', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-static-unit-'));
  const script = Buffer.from(`export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ 编号: i, 名称: '床位' })))};\n`);
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>ui</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'page-AbCd1234.js'), script);
  fs.writeFileSync(path.join(dir, 'assets', 'tiny-AbCd1234.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('compresses a script to brotli and gzip that give back the same bytes, and keeps the compressed bytes', async () => {
    const file = (await findStatic(dir, '/assets/page-AbCd1234.js'))!;
    expect(file.type).toBe('text/javascript; charset=utf-8');
    expect(file.cacheControl).toBe(IMMUTABLE_CACHE);
    const br = await file.bytes('br');
    expect(br.encoding).toBe('br');
    expect(br.body.length).toBeLessThan(script.length);
    expect(zlib.brotliDecompressSync(br.body).equals(script)).toBe(true);
    const gz = await file.bytes('gzip');
    expect(gz.encoding).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).equals(script)).toBe(true);
    expect((await file.bytes('identity')).body.equals(script)).toBe(true);
    // The second request gets the very same buffer: nothing is compressed per request.
    const again = (await findStatic(dir, '/assets/page-AbCd1234.js'))!;
    expect(again).toBe(file);
    expect((await again.bytes('br')).body).toBe(br.body);
  });

  it('sends images as they are, and index.html for routes without an extension, to be checked on every open', async () => {
    expect((await (await findStatic(dir, '/assets/tiny-AbCd1234.png'))!.bytes('br')).encoding).toBe('identity');
    const index = (await findStatic(dir, '/some/route'))!;
    expect(index.type).toBe('text/html; charset=utf-8');
    expect(index.cacheControl).toBe('no-cache');
    expect(await findStatic(dir, '/assets/missing-AbCd1234.js')).toBeNull();
    expect(await findStatic(dir, '/..%2f..%2fetc%2fpasswd')).toBeNull();
  });

  it('reads the file again after a rebuild changes it', async () => {
    const file = path.join(dir, 'assets', 'page-AbCd1234.js');
    const before = (await findStatic(dir, '/assets/page-AbCd1234.js'))!;
    fs.writeFileSync(file, `${script.toString()}// rebuilt\n`);
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    const after = (await findStatic(dir, '/assets/page-AbCd1234.js'))!;
    expect(after.hash).not.toBe(before.hash);
    expect(zlib.brotliDecompressSync((await after.bytes('br')).body).toString()).toContain('// rebuilt');
  });

  it('matches If-None-Match against the tags of any encoding, weak or strong', async () => {
    const file = (await findStatic(dir, '/index.html'))!;
    expect(isNotModified(file, etagFor(file, 'br'))).toBe(true);
    expect(isNotModified(file, `W/${etagFor(file, 'identity')}`)).toBe(true);
    expect(isNotModified(file, `"other", ${etagFor(file, 'gzip')}`)).toBe(true);
    expect(isNotModified(file, '"other"')).toBe(false);
    expect(isNotModified(file, undefined)).toBe(false);
  });
});
