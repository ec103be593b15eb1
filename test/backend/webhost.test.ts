import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebHost, createWebHost, listenOnLoopback } from '../../electron/webhost/server';
import { ADMIN, type TestBackend, openTestBackend, tempDir } from '../helpers/backend';

const TOKEN = 'test-token-0123456789abcdef';
const INDEX_HTML = '<!doctype html><title>ui</title>';
// A built script as vite names it (`-<hash>`), large enough to be worth compressing.
const SCRIPT_PATH = '/assets/index-CK45huDC.js';
const SCRIPT = Buffer.from(`export const beds = ${JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ 床号: `${i}床`, 状态: '空闲' })))};\n`);
let b: TestBackend;
let server: WebHost;
let port: number;
let connectionCookie = '';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The bytes as they travelled (still compressed, if the server compressed them). */
  raw: Buffer;
}

function request(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: pathname, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: raw.toString('utf8'), raw });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const cookie = () => connectionCookie;
const rpc = (method: string, body: string, headers: Record<string, string> = {}) =>
  request(`/rpc/${method}`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', Cookie: cookie(), ...headers } });

beforeAll(async () => {
  b = await openTestBackend();
  const staticDir = tempDir('tc-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX_HTML);
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, SCRIPT_PATH), SCRIPT);
  server = createWebHost({ dispatch: b.dispatch, staticDir, token: TOKEN });
  port = await listenOnLoopback(server, 0);
  const exchange = await request(`/?token=${TOKEN}`);
  connectionCookie = String(exchange.headers['set-cookie']).split(';')[0];
});
afterAll(async () => {
  server.close();
  await b.close();
});

describe('browser host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect((server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('swaps the launch token in the URL for a connection cookie (HttpOnly, SameSite=Strict) that is not the token', async () => {
    // The token of beforeAll is used up (one link, one session: webhost-guard.test); the terminal prints a fresh one.
    const token = server.issueToken();
    const reply = await request(`/?token=${token}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    expect(String(reply.headers['set-cookie'])).toMatch(/^tc_connection=[\w-]{32,}; HttpOnly; SameSite=Strict/);
    expect(String(reply.headers['set-cookie'])).not.toContain(token);
    const page = await request('/', { headers: { Cookie: cookie() } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });

  it('refuses the UI and the API without the token, or with a wrong one', async () => {
    expect((await request('/')).status).toBe(401);
    expect((await request('/?token=wrong')).status).toBe(401);
    const api = await rpc('facility.get', '{}', { Cookie: 'tc_connection=wrong' });
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body).error.code).toBe('UNAUTHENTICATED');
  });

  it('serves the same dispatcher over POST /rpc/<method>, and requires sign-in like the desktop app', async () => {
    expect(JSON.parse((await rpc('system.info', '{}')).body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const login = await rpc('auth.login', JSON.stringify({ username: ADMIN.username, password: ADMIN.password }));
    expect(JSON.parse(login.body)).toMatchObject({ ok: true, value: { name: ADMIN.displayName } });
    expect(JSON.parse((await rpc('system.info', '{}')).body)).toMatchObject({ ok: true, value: { hasFacility: false } });
  });

  it('refuses another Origin, another Host, and GET on the API', async () => {
    expect((await rpc('system.info', '{}', { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await rpc('system.info', '{}', { Host: 'evil.example' })).status).toBe(403);
    expect((await request('/rpc/system.info', { headers: { Cookie: cookie() } })).status).toBe(405);
  });

  it('answers malformed JSON with a Chinese message and writes nothing', async () => {
    const before = b.count('audit_log');
    const reply = await rpc('facility.save', '{"name": "半截');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.message).toMatch(/不是有效的 JSON/);
    expect(b.count('audit_log')).toBe(before);
  });

  it('does not serve files outside the UI folder', async () => {
    const reply = await request('/..%2f..%2f..%2fetc%2fpasswd', { headers: { Cookie: cookie() } });
    expect(reply.status).not.toBe(200);
  });
});

describe('browser host: compressed and cached UI files', () => {
  const get = (pathname: string, headers: Record<string, string> = {}) => request(pathname, { headers: { Cookie: cookie(), ...headers } });

  it('sends brotli to a browser that accepts it, and the bytes decompress to the built file', async () => {
    const reply = await get(SCRIPT_PATH, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe('br');
    expect(reply.headers.vary).toBe('Accept-Encoding');
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(reply.raw.length).toBeLessThan(SCRIPT.length / 3);
    expect(Number(reply.headers['content-length'])).toBe(reply.raw.length);
    expect(zlib.brotliDecompressSync(reply.raw).equals(SCRIPT)).toBe(true);
  });

  it('sends gzip when brotli is not accepted, and the plain bytes when nothing is', async () => {
    const gz = await get(SCRIPT_PATH, { 'Accept-Encoding': 'gzip, deflate' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.raw).equals(SCRIPT)).toBe(true);
    const plain = await get(SCRIPT_PATH, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.raw.equals(SCRIPT)).toBe(true);
    expect((await get(SCRIPT_PATH)).raw.equals(SCRIPT)).toBe(true);
  });

  it('lets the browser keep hashed assets for a year, while index.html is checked on every open', async () => {
    const asset = await get(SCRIPT_PATH, { 'Accept-Encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await get('/', { 'Accept-Encoding': 'br' });
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-encoding']).toBeUndefined(); // too small to gain anything
    expect(index.body).toBe(INDEX_HTML);
    const route = await get('/some/route', { 'Accept-Encoding': 'gzip' });
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(route.body).toBe(INDEX_HTML);
  });

  it('keeps the security headers on UI files', async () => {
    for (const reply of [await get('/'), await get(SCRIPT_PATH, { 'Accept-Encoding': 'br' })]) {
      expect(reply.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['x-frame-options']).toBe('DENY');
      expect(reply.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('answers 304 without a body when the browser already has the file, and 200 when its copy is old', async () => {
    const first = await get('/', { 'Accept-Encoding': 'gzip' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get('/', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.raw.length).toBe(0);
    expect(again.headers['cache-control']).toBe('no-cache');
    const asset = await get(SCRIPT_PATH, { 'Accept-Encoding': 'br' });
    expect(asset.headers.etag).toMatch(/-br"$/);
    expect((await get(SCRIPT_PATH, { 'Accept-Encoding': 'br', 'If-None-Match': String(asset.headers.etag) })).status).toBe(304);
    expect((await get('/', { 'If-None-Match': '"an-old-build"' })).status).toBe(200);
  });

  it('still asks for the launch link before sending any UI file', async () => {
    const reply = await request(SCRIPT_PATH, { headers: { 'Accept-Encoding': 'br' } });
    expect(reply.status).toBe(401);
    expect(reply.headers['cache-control']).toBe('no-store');
  });
});
