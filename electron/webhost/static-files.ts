// Serves the built UI from one folder; a path that resolves outside it is refused. Each file is read once and its
// compressed forms are made once, then kept in memory until the file changes on disk (a rebuild of the UI).
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type Encoding, compress } from './encoding';

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

/** Types worth compressing; PNG and WOFF2 are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.ico']);

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

/**
 * Vite names built assets `/assets/<name>-<8-character hash>.<ext>`: a new build gives new names, so the browser may
 * keep these for a year without asking. Everything else (index.html above all) is checked on every open.
 */
export function isHashedAsset(urlPath: string): boolean {
  return /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|css|woff2?|png|svg)$/.test(urlPath);
}

export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';

export interface StaticFile {
  type: string;
  /** Strong validator of the file's bytes; each encoding gets its own tag (see etagFor). */
  hash: string;
  cacheControl: string;
  /** The bytes to send for an encoding; the plain bytes when compressing would not help. */
  bytes(encoding: Encoding): Promise<{ body: Buffer; encoding: Encoding }>;
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  file: StaticFile;
}

const cache = new Map<string, CachedFile>();

function makeStaticFile(file: string, raw: Buffer, cacheControl: string): StaticFile {
  const compressible = COMPRESSIBLE.has(path.extname(file).toLowerCase()) && raw.length > 256;
  const encoded = new Map<Encoding, Promise<Buffer>>();
  return {
    type: contentType(file),
    hash: createHash('sha256').update(raw).digest('base64url').slice(0, 22),
    cacheControl,
    async bytes(encoding) {
      if (encoding === 'identity' || !compressible) return { body: raw, encoding: 'identity' };
      let pending = encoded.get(encoding);
      if (!pending) {
        pending = compress(raw, encoding);
        encoded.set(encoding, pending);
      }
      const body = await pending;
      return body.length < raw.length ? { body, encoding } : { body: raw, encoding: 'identity' };
    },
  };
}

async function loadFile(file: string, cacheControl: string): Promise<StaticFile | null> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) return null;
  const key = `${file}\0${cacheControl}`;
  const hit = cache.get(key);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.file;
  const entry = { mtimeMs: stat.mtimeMs, size: stat.size, file: makeStaticFile(file, await fs.readFile(file), cacheControl) };
  cache.set(key, entry);
  return entry.file;
}

/** The file for a URL path; unknown paths without an extension fall back to index.html (the UI routes with #hash). */
export async function findStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  const wanted = urlPath === '/' ? '/index.html' : urlPath;
  const file = resolveInside(root, wanted);
  if (!file) return null;
  const found = await loadFile(file, isHashedAsset(wanted) ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
  if (found) return found;
  if (path.extname(wanted) !== '') return null;
  return loadFile(path.join(path.resolve(root), 'index.html'), REVALIDATE_CACHE);
}

/** The ETag of one encoding of a file: the same bytes compressed differently are different representations. */
export function etagFor(file: StaticFile, encoding: Encoding): string {
  return encoding === 'identity' ? `"${file.hash}"` : `"${file.hash}-${encoding}"`;
}

/** If-None-Match names one of the file's tags (any encoding, weak or strong), so the browser's copy is current. */
export function isNotModified(file: StaticFile, ifNoneMatch: string | undefined): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const tags = ifNoneMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.some((tag) => tag === `"${file.hash}"` || tag.startsWith(`"${file.hash}-`));
}
