// app://township-care/… serves the built UI from out/renderer (never file://), GET only, with the CSP header.
import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../webhost/csp';
import { contentType, resolveInside } from '../webhost/static-files';
import { APP_HOST, APP_SCHEME } from './security';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export async function appProtocolResponse(rendererDir: string, request: { method: string; url: string }): Promise<Response> {
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.host !== APP_HOST) return new Response('Forbidden', { status: 403 });
  const file = resolveInside(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
  if (!file) return new Response('Forbidden', { status: 403 });
  try {
    const body = await fs.readFile(file);
    return new Response(body, {
      headers: { 'Content-Type': contentType(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(rendererDir, request));
}
