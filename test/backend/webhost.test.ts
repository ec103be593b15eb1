import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebHost, listenOnLoopback } from '../../electron/webhost/server';
import { ADMIN, type TestBackend, openTestBackend, tempDir } from '../helpers/backend';

const TOKEN = 'test-token-0123456789abcdef';
let b: TestBackend;
let server: http.Server;
let port: number;
let connectionCookie = '';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: pathname, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
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
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>ui</title>');
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
    const reply = await request(`/?token=${TOKEN}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    expect(String(reply.headers['set-cookie'])).toMatch(/^tc_connection=[\w-]{32,}; HttpOnly; SameSite=Strict/);
    expect(String(reply.headers['set-cookie'])).not.toContain(TOKEN);
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
