// Reading a request body within a limit: never more than the limit is held in memory, and a refused body is read
// to its end and dropped, so the browser gets the 413 reply rather than a connection reset mid-upload.
import type http from 'node:http';

/** Past this many refused bytes (or a minute) the connection is cut instead of drained. */
const DRAIN_LIMIT = 128 * 1024 * 1024;
const DRAIN_MS = 60_000;

export type Body = { ok: true; bytes: Buffer } | { ok: false; closeAfterReply: boolean };

/** The body, or refused: from Content-Length before reading anything, else as soon as the bytes pass the limit. */
export function readBody(req: http.IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    const closeAfterReply = declared > DRAIN_LIMIT;
    if (!closeAfterReply) drain(req, 0);
    return Promise.resolve({ ok: false, closeAfterReply });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      chunks.length = 0;
      req.off('data', onData);
      req.off('end', onEnd);
      drain(req, size);
      resolve({ ok: false, closeAfterReply: false });
    };
    const onEnd = () => resolve({ ok: true, bytes: Buffer.concat(chunks, size) });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

function drain(req: http.IncomingMessage, already: number) {
  let dropped = already;
  const cut = () => req.socket.destroy();
  const timer = setTimeout(cut, DRAIN_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DRAIN_LIMIT) cut();
  });
  req.once('close', () => clearTimeout(timer));
  req.resume();
}
