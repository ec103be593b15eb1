// The Electron-only code, tested with `electron` mocked (no Electron binary on these machines).
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  return {
    handlers,
    ipcMain: { handle: vi.fn((channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn)) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    BrowserWindow: vi.fn(),
  };
});
vi.mock('electron', () => electron);

import { RPC_CHANNEL, isTrustedSender, registerRpc } from '../../electron/main/ipc';
import { appProtocolResponse, registerAppScheme } from '../../electron/main/protocol';
import { denyAllPermissions, hardenWebContents, isInternalUrl } from '../../electron/main/security';
import { secureWebPreferences } from '../../electron/main/window';
import { createBridge } from '../../electron/preload/bridge';
import { Session } from '../../electron/backend/security/session';

describe('window preferences', () => {
  it('isolate, sandbox and never integrate Node', () => {
    expect(secureWebPreferences('/app/preload.cjs', false)).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('only window.ts creates windows', () => {
    const files = fs.readdirSync(path.resolve(__dirname, '../../electron'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const creators = files.filter((f) => /new BrowserWindow\(/.test(fs.readFileSync(path.resolve(__dirname, '../../electron', f), 'utf8')));
    expect(creators).toEqual([path.join('main', 'window.ts')]);
  });
});

describe('navigation', () => {
  it.each([
    ['app://township-care/index.html', true],
    ['app://township-care/#/residents', true],
    ['app://township-care.evil/index.html', false],
    ['app://user:pw@township-care/', false],
    ['https://township-care/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s internal = %s', (url, internal) => {
    expect(isInternalUrl(url)).toBe(internal);
  });

  it('blocks outside navigation, redirects, webviews and new windows', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: (() => unknown) | undefined;
    const contents = {
      on: (name: string, fn: (event: { preventDefault(): void }, url?: string) => void) => listeners.set(name, fn),
      setWindowOpenHandler: (fn: () => unknown) => (openHandler = fn),
    };
    hardenWebContents(contents as never);
    const tryEvent = (name: string, url?: string) => {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)!(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(tryEvent('will-navigate', 'https://example.com')).toBe(true);
    expect(tryEvent('will-navigate', 'app://township-care/index.html')).toBe(false);
    expect(tryEvent('will-redirect', 'http://127.0.0.1:80/')).toBe(true);
    expect(tryEvent('will-attach-webview')).toBe(true);
    expect(openHandler!()).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    denyAllPermissions({ setPermissionRequestHandler: (fn: typeof request) => (request = fn), setPermissionCheckHandler: (fn: typeof check) => (check = fn) } as never);
    const cb = vi.fn();
    request!(null, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(check!()).toBe(false);
  });
});

describe('rpc over IPC', () => {
  const frame = (url: string, parent: unknown = null) => ({ url, parent });

  it('trusts only the main window main frame on app://township-care', () => {
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: frame('app://township-care/index.html') } as never, 1)).toBe(true);
    expect(isTrustedSender({ sender: { id: 2 }, senderFrame: frame('app://township-care/index.html') } as never, 1)).toBe(false);
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: frame('https://evil.example/') } as never, 1)).toBe(false);
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: frame('app://township-care/x', {}) } as never, 1)).toBe(false);
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: null } as never, 1)).toBe(false);
    expect(isTrustedSender({ sender: { id: 1 }, senderFrame: frame('app://township-care/') } as never, null)).toBe(false);
  });

  beforeEach(() => electron.handlers.clear());

  it('dispatches trusted calls and refuses forged senders without reaching the backend', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'pong' }));
    registerRpc(dispatch, new Session(), () => 7);
    const handler = electron.handlers.get(RPC_CHANNEL)!;
    expect(await handler({ sender: { id: 7 }, senderFrame: frame('app://township-care/index.html') }, 'system.info', {})).toEqual({ ok: true, value: 'pong' });
    expect(await handler({ sender: { id: 7 }, senderFrame: frame('https://evil.example/') }, 'system.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});

describe('app:// protocol', () => {
  const root = path.resolve(__dirname, '../fixtures/renderer-sample');

  it('registers app as a standard, secure scheme', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves files inside the UI folder with the CSP header, GET only', async () => {
    const ok = await appProtocolResponse(root, { method: 'GET', url: 'app://township-care/index.html' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect((await appProtocolResponse(root, { method: 'POST', url: 'app://township-care/index.html' })).status).toBe(403);
    expect((await appProtocolResponse(root, { method: 'GET', url: 'app://other/index.html' })).status).toBe(403);
    expect((await appProtocolResponse(root, { method: 'GET', url: 'app://township-care/missing.js' })).status).toBe(404);
  });
});

describe('preload bridge', () => {
  it('exposes only rpc, which invokes the one channel', async () => {
    const invoke = vi.fn(async () => 'answer');
    const bridge = createBridge({ invoke });
    expect(Object.keys(bridge)).toEqual(['rpc']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(await bridge.rpc('system.info', { a: 1 })).toBe('answer');
    expect(invoke).toHaveBeenCalledWith('rpc', 'system.info', { a: 1 });
  });
});

describe('secret protection', () => {
  it('encrypts with safeStorage when the OS offers it, and round-trips', async () => {
    const { secretProtection } = await import('../../electron/main/secrets');
    const fake = { isEncryptionAvailable: () => true, encryptString: (s: string) => Buffer.from(`enc:${s}`), decryptString: (b: Buffer) => b.toString().replace(/^enc:/, '') };
    const p = secretProtection(fake);
    const stored = p.protectSecret!('secret-key');
    expect(stored).not.toContain('secret-key');
    expect(p.unprotectSecret!(stored)).toBe('secret-key');
  });

  it('promises nothing where the OS has no encryption', async () => {
    const { secretProtection } = await import('../../electron/main/secrets');
    expect(secretProtection({ isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' })).toEqual({});
  });
});
