// Serves the built UI from one folder; a path that resolves outside it is refused.
import fs from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The file a URL path names inside root, or null if it escapes root. Shared with Electron's app:// handler. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rootResolved = path.resolve(root);
  const target = path.resolve(rootResolved, `.${path.posix.normalize(`/${decoded}`)}`);
  return target === rootResolved || target.startsWith(rootResolved + path.sep) ? target : null;
}

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Reads the file for a URL path; unknown paths fall back to index.html (the UI routes with #hash anyway). */
export function readStatic(root: string, urlPath: string): { body: Buffer; type: string } | null {
  const wanted = urlPath === '/' ? '/index.html' : urlPath;
  const file = resolveInside(root, wanted);
  if (!file) return null;
  if (fs.existsSync(file) && fs.statSync(file).isFile()) return { body: fs.readFileSync(file), type: contentType(file) };
  const index = path.join(root, 'index.html');
  if (path.extname(wanted) === '' && fs.existsSync(index)) return { body: fs.readFileSync(index), type: TYPES['.html'] };
  return null;
}
