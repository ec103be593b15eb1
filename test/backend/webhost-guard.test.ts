// The browser host's edges through real HTTP against the real server and dispatcher: broken %-encoding in a method
// name, request bodies over each method's limit (declared or streamed), and the launch link opening one session only.
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT, LARGE_BODY_METHODS } from '../../electron/webhost/body-limits';
import { type WebHost, createWebHost, listenOnLoopback } from '../../electron/webhost/server';
import { ADMIN, type TestBackend, openTestBackend, tempDir } from '../helpers/backend';

const TOKEN = 'guard-token-0123456789abcdef';
let b: TestBackend;
let server: WebHost;
let port: number;
let cookie = '';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A request whose body is sent as `chunks` pieces of `chunk` (chunked encoding unless `contentLength` is given). The
 * reply counts even when the server stops reading the upload after answering.
 */
function send(pathname: string, options: { method?: string; headers?: Record<string, string>; chunk?: Buffer; chunks?: number; contentLength?: number } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let replied = false;
    const headers: Record<string, string> = { Host: `127.0.0.1:${port}`, ...options.headers };
    if (options.contentLength !== undefined) headers['Content-Length'] = String(options.contentLength);
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method: options.method ?? 'GET', headers }, (res) => {
      replied = true;
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
    });
    req.on('error', (error) => {
      if (!replied) reject(error);
    });
    const chunks = options.chunks ?? (options.chunk ? 1 : 0);
    let sent = 0;
    const pump = () => {
      while (sent < chunks && !req.destroyed) {
        sent += 1;
        if (!req.write(options.chunk!)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

const rpc = (method: string, chunk: Buffer, extra: { chunks?: number; contentLength?: number; cookie?: string } = {}) =>
  send(`/rpc/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: extra.cookie ?? cookie }, chunk, chunks: extra.chunks, contentLength: extra.contentLength });

/** A JSON body of about `bytes` bytes: one long string field. */
const jsonOfSize = (bytes: number) => Buffer.from(JSON.stringify({ name: 'x'.repeat(Math.max(0, bytes - 11)) }));

const setCookieOf = (reply: Reply) => String(reply.headers['set-cookie'] ?? '').split(';')[0];

beforeAll(async () => {
  b = await openTestBackend();
  server = createWebHost({ dispatch: b.dispatch, staticDir: tempDir('tc-static-'), token: TOKEN });
  port = await listenOnLoopback(server, 0);
  cookie = setCookieOf(await send(`/?token=${TOKEN}`));
  const login = await rpc('auth.login', Buffer.from(JSON.stringify({ username: ADMIN.username, password: ADMIN.password })));
  expect(JSON.parse(login.body)).toMatchObject({ ok: true });
});
afterAll(async () => {
  server.close();
  await b.close();
});

describe('browser host: method names', () => {
  it('answers a method name with broken %-encoding with a Chinese error envelope, not a 500, and writes nothing', async () => {
    const before = b.count('audit_log');
    for (const name of ['facility.save%', 'facility%2', '%E4%B8', '%ZZsave']) {
      const reply = await rpc(name, Buffer.from('{}'));
      expect(reply.status, name).toBe(400);
      expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/操作名称编码不正确/) } });
    }
    expect(b.count('audit_log')).toBe(before);
  });

  it('still decodes a well-formed encoded name', async () => {
    const reply = await rpc('system%2Einfo', Buffer.from('{}'));
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
  });
});

describe('browser host: request body limits', () => {
  it('limits most methods to 256 KB and gives photo and file methods what they need', () => {
    expect(DEFAULT_BODY_LIMIT).toBe(256 * 1024);
    expect(LARGE_BODY_METHODS['residents.admit'].bytes).toBe(1024 * 1024);
    expect(LARGE_BODY_METHODS['county.stage'].bytes).toBe(16 * 1024 * 1024);
  });

  it('refuses a body declared over the limit with a 413 envelope before reading it, and nothing is written', async () => {
    const before = b.count('audit_log');
    const body = jsonOfSize(DEFAULT_BODY_LIMIT + 1);
    const reply = await rpc('facility.save', body, { contentLength: body.length });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: '请求内容太大（超过 256KB），未做任何修改' } });
    expect(b.count('audit_log')).toBe(before);
  });

  it('refuses a streamed (chunked) body once it passes the limit, replying 413 before the connection closes', async () => {
    const reply = await rpc('facility.save', Buffer.alloc(64 * 1024, 0x20), { chunks: 64 });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error.message).toMatch(/^请求内容太大（超过 256KB）/);
  });

  it('names what to do for the large methods', async () => {
    const stage = await rpc('county.stage', Buffer.alloc(1024 * 1024, 0x20), { chunks: 17 });
    expect(stage.status).toBe(413);
    expect(JSON.parse(stage.body).error.message).toBe('请求内容太大（超过 16MB），未做任何修改。请分几次拖入，或改用「从文件夹导入」');
    const photo = await rpc('residents.admit', jsonOfSize(1024 * 1024 + 10));
    expect(JSON.parse(photo.body).error.message).toBe('请求内容太大（超过 1MB），未做任何修改。请换一张小一些的照片');
  });

  it('passes a body under its method limit on to the dispatcher (which judges it), even above the default limit', async () => {
    const reply = await rpc('residents.admit', jsonOfSize(600 * 1024));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('answers a huge declared body at once and then closes, without waiting for the upload', async () => {
    const socket = net.connect(port, '127.0.0.1');
    socket.write(
      [`POST /rpc/county.stage HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Content-Type: application/json', `Cookie: ${cookie}`, `Content-Length: ${2 * 1024 ** 3}`, '', '{"files":['].join('\r\n'),
    );
    const reply = await new Promise<string>((resolve, reject) => {
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (c: string) => (text += c));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply).toMatch(/connection: close/i);
    expect(reply).toContain('请分几次拖入');
  });

  it('keeps the connection usable after draining a refused body', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const post = (body: Buffer) =>
        new Promise<number>((resolve, reject) => {
          const req = http.request({ host: '127.0.0.1', port, path: '/rpc/system.info', method: 'POST', agent, headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', Cookie: cookie, 'Content-Length': String(body.length) } }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          });
          req.on('error', reject);
          req.end(body);
        });
      expect(await post(jsonOfSize(DEFAULT_BODY_LIMIT * 2))).toBe(413);
      expect(await post(Buffer.from('{}'))).toBe(200);
    } finally {
      agent.destroy();
    }
  });

  it('holds six parallel uploads of 60 MB each without buffering them (the old limit let them take 700 MB)', async () => {
    global.gc?.();
    const before = process.memoryUsage().rss;
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const replies = await Promise.all(Array.from({ length: 6 }, () => rpc('county.stage', chunk, { chunks: 60 })));
    const grown = process.memoryUsage().rss - before;
    expect(replies.map((r) => r.status)).toEqual([413, 413, 413, 413, 413, 413]);
    // Each request holds at most its 16 MB limit for a moment, then drops the rest as it arrives.
    expect(grown).toBeLessThan(200 * 1024 * 1024);
  });
});

describe('browser host: the launch link opens one session', () => {
  it('opens a session the first time; followed again in another browser, it opens none and says why', async () => {
    const host = createWebHost({ dispatch: b.dispatch, staticDir: tempDir('tc-static-'), token: 'one-time-token-0123456789' });
    const saved = port;
    port = await listenOnLoopback(host, 0);
    try {
      const first = await send('/?token=one-time-token-0123456789');
      expect(first.status).toBe(303);
      const mine = setCookieOf(first);
      expect(mine).toMatch(/^tc_connection=[\w-]{32,}$/);

      // Another browser (no cookie) with the same link: no session, a page that says what to do.
      const copied = await send('/?token=one-time-token-0123456789');
      expect(copied.status).toBe(401);
      expect(copied.headers['set-cookie']).toBeUndefined();
      expect(copied.body).toContain('这个链接已经打开过一次');
      expect(copied.body).toContain('按回车键');
      // Fifty more tries push nobody out: the first browser's session still answers.
      for (let i = 0; i < 50; i++) expect((await send('/?token=one-time-token-0123456789')).headers['set-cookie']).toBeUndefined();
      expect(JSON.parse((await rpc('auth.status', Buffer.from('{}'), { cookie: mine })).body)).toMatchObject({ ok: true });

      // The same browser following its link again keeps its session (a reload of the printed address).
      const reload = await send('/?token=one-time-token-0123456789', { headers: { Cookie: mine } });
      expect(reload.status).toBe(303);
      expect(reload.headers.location).toBe('/');
      expect(reload.headers['set-cookie']).toBeUndefined();

      // A wrong token is still "wrong", not "used".
      expect((await send('/?token=another-token-0123456789ab')).body).toContain('令牌不正确');

      // The terminal's fresh link opens one more browser, once.
      const fresh = host.issueToken();
      const second = await send(`/?token=${fresh}`);
      expect(second.status).toBe(303);
      const theirs = setCookieOf(second);
      expect(theirs).not.toBe(mine);
      expect((await send(`/?token=${fresh}`)).status).toBe(401);
      expect(JSON.parse((await rpc('auth.status', Buffer.from('{}'), { cookie: theirs })).body)).toMatchObject({ ok: true });
    } finally {
      host.close();
      port = saved;
    }
  });

  it('retires an unused link when a fresh one is printed', async () => {
    const host = createWebHost({ dispatch: b.dispatch, staticDir: tempDir('tc-static-'), token: 'unused-token-0123456789ab' });
    const saved = port;
    port = await listenOnLoopback(host, 0);
    try {
      const fresh = host.issueToken();
      expect((await send('/?token=unused-token-0123456789ab')).status).toBe(401);
      expect((await send(`/?token=${fresh}`)).status).toBe(303);
    } finally {
      host.close();
      port = saved;
    }
  });
});
