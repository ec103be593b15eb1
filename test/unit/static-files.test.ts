import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside } from '../../electron/webhost/static-files';

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
