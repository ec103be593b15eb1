// The browser host: the same UI and the same dispatcher as the Electron app, over HTTP on 127.0.0.1 only.
// The launch token arrives once in the URL (?token=…) and is swapped for a connection cookie (HttpOnly,
// SameSite=Strict) that names this browser's session (one session per link: see connections.ts); people then sign in
// as on the desktop app. Foreign Hosts, Origins and peers are refused; request bodies are capped per method.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../backend/rpc/dispatch';
import { readBody } from './body';
import { bodyLimitFor, tooLargeMessage } from './body-limits';
import { Connections } from './connections';
import { CONTENT_SECURITY_POLICY } from './csp';
import { CONNECTION_COOKIE, isAllowedHost, isAllowedOrigin, isLoopbackAddress, readCookie } from './request-guard';
import { chooseEncoding } from './encoding';
import { etagFor, findStatic, isNotModified } from './static-files';

export interface WebHostOptions {
  dispatch: Dispatch;
  staticDir: string;
  token: string;
  port?: number;
}

export interface WebHost extends http.Server {
  /** A fresh launch token for the terminal to print (opening one more browser); an unused older link stops working. */
  issueToken(): string;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function refusePage(res: http.ServerResponse, status: number, message: string) {
  const html = `<!doctype html><meta charset="utf-8"><title>无法访问</title><body style="font:20px sans-serif;padding:2em"><h1>无法访问</h1><p>${message}</p></body>`;
  send(res, status, 'text/html; charset=utf-8', html);
}

/** The method named in /rpc/<method>, or null when its %-encoding is broken. */
function methodOf(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice('/rpc/'.length));
  } catch {
    return null;
  }
}

export function createWebHost(options: WebHostOptions): WebHost {
  const connections = new Connections(options.token);
  // The bound port, kept from 'listening': server.address() is null once the server is closing, while a request
  // that arrived just before may still be running.
  let boundPort = 0;
  const server = http.createServer(async (req, res) => {
    try {
      const port = boundPort || ((server.address() as AddressInfo | null)?.port ?? 0);
      if (!isLoopbackAddress(req.socket.remoteAddress) || !isAllowedHost(req.headers.host, port)) {
        return refusePage(res, 403, '本服务只接受本机访问（127.0.0.1）。');
      }
      if (!isAllowedOrigin(req.headers.origin, port)) {
        return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自其他网站的请求' } });
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const connectionId = readCookie(req.headers.cookie, CONNECTION_COOKIE);
      const session = connections.session(connectionId);

      // The printed link: its first visit sets the session cookie; the token leaves the address bar either way.
      const urlToken = url.searchParams.get('token') ?? undefined;
      if (req.method === 'GET' && urlToken !== undefined) {
        const opening = connections.open(urlToken, connectionId);
        if (opening.kind === 'wrong') return refusePage(res, 401, '链接中的令牌不正确。请使用本次启动时终端里打印的链接。');
        if (opening.kind === 'used') {
          return refusePage(res, 401, '这个链接已经打开过一次，不能再用来打开新的浏览器。请在启动本程序的终端窗口里按回车键，用新打印的链接打开。');
        }
        const cookie = opening.kind === 'opened' ? { 'Set-Cookie': `${CONNECTION_COOKIE}=${opening.connectionId}; HttpOnly; SameSite=Strict; Path=/` } : {};
        res.writeHead(303, { ...SECURITY_HEADERS, Location: '/', ...cookie });
        return res.end();
      }
      const authorised = session !== undefined;

      if (url.pathname.startsWith('/rpc/')) {
        if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'BAD_REQUEST', message: '只接受 POST 请求' } });
        if (!authorised) return sendJson(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '缺少或错误的访问令牌，请使用启动时打印的链接重新打开' } });
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return sendJson(res, 415, { ok: false, error: { code: 'BAD_REQUEST', message: '请求内容类型应为 application/json' } });
        }
        const method = methodOf(url.pathname);
        if (method === null) return sendJson(res, 400, { ok: false, error: { code: 'BAD_REQUEST', message: '请求的操作名称编码不正确（% 后应为两位十六进制数），未做任何修改' } });
        const body = await readBody(req, bodyLimitFor(method).bytes);
        if (!body.ok) {
          const close: Record<string, string> = body.closeAfterReply ? { Connection: 'close' } : {};
          return send(res, 413, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: { code: 'BAD_REQUEST', message: tooLargeMessage(method) } }), close);
        }
        let input: unknown;
        try {
          const text = body.bytes.toString('utf8');
          input = text.trim() === '' ? {} : JSON.parse(text);
        } catch {
          return sendJson(res, 400, { ok: false, error: { code: 'BAD_REQUEST', message: '请求内容不是有效的 JSON，未做任何修改' } });
        }
        return sendJson(res, 200, await options.dispatch(session!, method, input));
      }

      if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true });
      if (req.method !== 'GET' && req.method !== 'HEAD') return refusePage(res, 405, '不支持的请求方式。');
      if (!authorised) return refusePage(res, 401, '请使用程序启动时在终端里打印的链接（含 token）打开本页面。');
      const file = await findStatic(options.staticDir, url.pathname);
      if (!file) return refusePage(res, 404, '找不到该页面。');
      // Compressed once per file and encoding (see static-files); hashed assets are cached by the browser for a year.
      const { body, encoding } = await file.bytes(chooseEncoding(req.headers['accept-encoding']));
      const headers: Record<string, string> = { 'Cache-Control': file.cacheControl, ETag: etagFor(file, encoding), Vary: 'Accept-Encoding' };
      if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
      if (isNotModified(file, req.headers['if-none-match'])) {
        res.writeHead(304, { ...SECURITY_HEADERS, ...headers });
        return res.end();
      }
      return send(res, 200, file.type, body, headers);
    } catch (error) {
      console.error('[webhost] request failed:', error instanceof Error ? error.message : error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '服务器出错，请重试' } });
    }
  });
  server.on('listening', () => (boundPort = (server.address() as AddressInfo).port));
  return Object.assign(server, { issueToken: () => connections.issueToken() });
}

/** Starts listening on 127.0.0.1 (never another interface) and resolves with the port actually bound. */
export function listenOnLoopback(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
