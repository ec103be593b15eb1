// Reading a zip we did not write, trusting nothing (issue 15). The central directory is parsed here, so every entry's
// name and declared sizes are judged before a byte is inflated (fflate's unzipSync allocates each entry's declared size
// up front: a 322-byte file declaring 2 GB took 2 GB). Each entry is then inflated with a hard output cap — its
// declared size — and its CRC-32 checked. Format: PKWARE APPNOTE 4.3 (no ZIP64, no encryption: our writer uses neither).
import zlib from 'node:zlib';
import { listed, quoted } from './problem-list';

export interface ZipLimits {
  /** Declared uncompressed size of one entry. */
  fileBytes: number;
  /** Declared uncompressed size of all entries together. */
  totalBytes: number;
  /** Declared uncompressed size over compressed size. */
  ratio: number;
  /** A tighter cap for entries that are always small (a manifest, a signature). */
  perEntry?: Record<string, number>;
}

export type ZipProblem = { problem: string; message: string };
export type ZipRead = { ok: true; entries: Map<string, Uint8Array> } | ({ ok: false } & ZipProblem);

interface Entry {
  name: string;
  rawName: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  /** Where the compressed data starts, once the local header has been checked. */
  dataStart: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATE = 8;
const ZIP64 = 0xffffffff;

const fail = (problem: string, message: string): ZipRead => ({ ok: false, problem, message });
const corrupt = () => fail('corrupt', '不是有效的数据包：文件不完整或已损坏（可能没有拷贝完）');
const utf8 = new TextDecoder('utf-8');

/** A name that could write outside the folder it is unpacked into. */
export const badName = (name: string) => name.includes('/') || name.includes('\\') || name.includes('..') || name.startsWith('.') || name.includes('\0');

/** The entries of the central directory, or null when the structure is not a whole, plain zip. */
function centralDirectory(data: Uint8Array): { entries: Entry[]; cdStart: number } | 'zip64' | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // The end record is the last 22 bytes plus a comment of up to 65535 bytes.
  let eocd = -1;
  for (let p = data.length - 22; p >= Math.max(0, data.length - 22 - 0xffff); p--) {
    if (view.getUint32(p, true) === EOCD && p + 22 + view.getUint16(p + 20, true) === data.length) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdStart = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === ZIP64 || cdStart === ZIP64) return 'zip64';
  // One disk only, and the directory lies before its end record.
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0 || view.getUint16(eocd + 8, true) !== count) return null;
  if (cdStart + cdSize !== eocd) return null;
  const entries: Entry[] = [];
  let p = cdStart;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL) return null;
    const nameLength = view.getUint16(p + 28, true);
    const end = p + 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    if (end > eocd) return null;
    const rawName = data.subarray(p + 46, p + 46 + nameLength);
    const entry = { name: utf8.decode(rawName), rawName, flags: view.getUint16(p + 8, true), method: view.getUint16(p + 10, true), crc: view.getUint32(p + 16, true), compressed: view.getUint32(p + 20, true), size: view.getUint32(p + 24, true), offset: view.getUint32(p + 42, true), dataStart: 0 };
    if (entry.compressed === ZIP64 || entry.size === ZIP64 || entry.offset === ZIP64) return 'zip64';
    entries.push(entry);
    p = end;
  }
  return p === eocd ? { entries, cdStart } : null;
}

/** Each entry's local header matches the directory, and no two entries' data overlap (one stream read many times). */
function locate(data: Uint8Array, entries: Entry[], cdStart: number): boolean {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  let free = 0;
  for (const e of byOffset) {
    if (e.offset < free || e.offset + 30 > cdStart || view.getUint32(e.offset, true) !== LOCAL) return false;
    const nameLength = view.getUint16(e.offset + 26, true);
    e.dataStart = e.offset + 30 + nameLength + view.getUint16(e.offset + 28, true);
    free = e.dataStart + e.compressed;
    if (free > cdStart || !Buffer.from(data.subarray(e.offset + 30, e.offset + 30 + nameLength)).equals(e.rawName)) return false;
  }
  return true;
}

/** The problems of the names, from the directory alone: unsafe, repeated, not in the format's list, missing. */
function judgeNames(entries: Entry[], allowed: readonly string[]): ZipProblem | null {
  const seen = new Map<string, number>();
  for (const e of entries) seen.set(e.name, (seen.get(e.name) ?? 0) + 1);
  const names = [...seen.keys()];
  const unsafe = names.filter(badName);
  if (unsafe.length) return { problem: 'path', message: `数据包里有不允许的文件名${listed(unsafe.map(quoted))}（可能想写到别的文件夹），已拒绝` };
  const repeated = names.filter((n) => seen.get(n)! > 1);
  if (repeated.length) return { problem: 'duplicate', message: `数据包里有重名的文件：${listed(repeated.map((n) => `${quoted(n)} ${seen.get(n)} 个`))}，可能是伪造的，已拒绝` };
  const extra = names.filter((n) => !allowed.includes(n));
  if (extra.length) return { problem: 'extra', message: `数据包里有多余的文件${listed(extra.map(quoted))}，已拒绝` };
  const missing = allowed.filter((n) => !seen.has(n));
  if (missing.length) return { problem: 'missing', message: `数据包缺少${listed(missing.map(quoted))}` };
  return null;
}

const capOf = (name: string, limits: ZipLimits) => (limits.perEntry && Object.hasOwn(limits.perEntry, name) ? limits.perEntry[name] : limits.fileBytes);

/** The problems of the declared sizes: each entry and all together capped, and no more than `ratio` times compressed. */
function judgeSizes(entries: Entry[], limits: ZipLimits): ZipProblem | null {
  for (const e of entries) {
    if (e.flags & 1 || (e.method !== STORED && e.method !== DEFLATE)) return { problem: 'method', message: `${quoted(e.name)}用了本程序不支持的压缩方式或加密，不是本程序导出的数据包` };
    // Compressed size 0 with a declared size is refused too (any size is more than 200 × 0).
    if (e.size > capOf(e.name, limits) || e.size > limits.ratio * e.compressed) return { problem: 'bomb', message: `${quoted(e.name)}解压后太大（声明 ${e.size} 字节，压缩后 ${e.compressed} 字节），可能是压缩炸弹，已拒绝` };
    if (e.method === STORED && e.size !== e.compressed) return { problem: 'size', message: `${quoted(e.name)}的大小与目录里写的不符，文件已损坏` };
  }
  const total = entries.reduce((n, e) => n + e.size, 0);
  if (total > limits.totalBytes) return { problem: 'bomb', message: `数据包解压后共 ${total} 字节，超过上限 ${limits.totalBytes} 字节，可能是压缩炸弹，已拒绝` };
  return null;
}

/** One entry's bytes: never more than it declared, and only when its length and CRC-32 agree with the directory. */
function inflate(data: Uint8Array, e: Entry): Uint8Array | ZipProblem {
  const stored = data.subarray(e.dataStart, e.dataStart + e.compressed);
  let out: Uint8Array;
  if (e.method === STORED) out = stored;
  else {
    try {
      // maxOutputLength stops inflating as soon as the output passes it (0 is not allowed; one byte over still fails below).
      out = zlib.inflateRawSync(stored, { maxOutputLength: Math.max(1, e.size) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { problem: 'size', message: `${quoted(e.name)}解压后比声明的 ${e.size} 字节大，可能是压缩炸弹，已拒绝` };
      return { problem: 'corrupt', message: `${quoted(e.name)}解压失败：文件不完整或已损坏` };
    }
  }
  if (out.length !== e.size) return { problem: 'size', message: `${quoted(e.name)}解压后是 ${out.length} 字节，与声明的 ${e.size} 字节不符，文件已损坏` };
  if (zlib.crc32(out) !== e.crc) return { problem: 'crc', message: `${quoted(e.name)}的校验码（CRC-32）不对，文件已损坏` };
  return out;
}

/** The entries named in `allowed`, each checked; any problem refuses the whole archive, naming what was wrong. */
export function readZip(data: Uint8Array, allowed: readonly string[], limits: ZipLimits): ZipRead {
  const directory = centralDirectory(data);
  if (directory === 'zip64') return fail('zip64', '数据包用了本程序不支持的 ZIP64 格式（文件或条目过大），不是本程序导出的数据包');
  if (!directory) return corrupt();
  const { entries, cdStart } = directory;
  const problem = judgeNames(entries, allowed) ?? judgeSizes(entries, limits);
  if (problem) return fail(problem.problem, problem.message);
  if (!locate(data, entries, cdStart)) return corrupt();
  const out = new Map<string, Uint8Array>();
  for (const e of entries) {
    const bytes = inflate(data, e);
    if (!(bytes instanceof Uint8Array)) return fail(bytes.problem, bytes.message);
    out.set(e.name, bytes);
  }
  return { ok: true, entries: out };
}
