// The Content-Security-Policy both shells send with the UI (and index.html repeats as a <meta>).
// Mantine injects <style> tags, hence 'unsafe-inline' for styles only; no remote origin is ever allowed.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
