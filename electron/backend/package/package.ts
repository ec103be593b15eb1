// The monthly package file (issue 8; format in docs/sync-package.md): a zip of manifest.json, manifest.sig (Ed25519 over
// the exact manifest bytes) and payload.enc (the data files, zipped, sealed to the county). Building is deterministic:
// the same data gives the same bytes. Reading trusts nothing until the signature, the hashes and the sizes agree, and
// every rejection says what was wrong in Chinese.
import crypto from 'node:crypto';
import { strToU8, strFromU8, zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import { FORMAT_VERSION, SECTION_NAMES, fileOf } from '@shared/domain/sync/sections';
import { sign, verify } from './keys';
import { listed, quoted } from './problem-list';
import { open, seal } from './seal';
import { readZip } from './zip-reader';

export { FORMAT_VERSION };
const OUTER = ['manifest.json', 'manifest.sig', 'payload.enc'] as const;
/** Zip timestamps are fixed: they would otherwise make every export differ. */
const MTIME = new Date('2000-01-01T00:00:00Z');

const MB = 1024 * 1024;
/**
 * What the county reads at most, checked before anything is inflated or parsed: the file; each entry and all entries of
 * one zip as declared; the compression ratio; the data lines the manifest declares. A large centre's month is a few MB
 * and some ten thousand lines, so these leave ample room and keep the reader's memory bounded (issue 15).
 */
export const DEFAULT_LIMITS = { packageBytes: 24 * MB, fileBytes: 24 * MB, totalBytes: 24 * MB, ratio: 200, rows: 500_000 };

export const sha256 = (data: Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');

export const Manifest = z.object({
  formatVersion: z.number().int().positive(),
  schemaVersion: z.number().int().positive(),
  /** The version of each data section's record shape (docs/sync-package.md §6). */
  sectionVersions: z.record(z.string().regex(/^[a-z0-9_]+$/), z.number().int().positive()),
  packageId: z.string().min(1),
  centreCode: z.string().regex(/^\d{12}$/),
  countyCode: z.string().regex(/^\d{6}$/),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  sequence: z.number().int().positive(),
  correction: z.number().int().min(0),
  correctionReason: z.string(),
  previousHash: z.string().regex(/^([0-9a-f]{64})?$/),
  createdAt: z.string(),
  appVersion: z.string(),
  files: z.array(z.object({ name: z.string().regex(/^[a-z0-9_]+\.jsonl$/), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().min(0), rows: z.number().int().min(0) })),
  payload: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().min(0), ephemeralPublicKey: z.string() }),
});
export type Manifest = z.output<typeof Manifest>;

export interface PackageInput {
  /** Defaults to the current FORMAT_VERSION; tests write older formats to prove the county still reads them. */
  formatVersion?: number;
  schemaVersion: number;
  sectionVersions: Record<string, number>;
  centreCode: string;
  countyCode: string;
  period: string;
  sequence: number;
  correction: number;
  correctionReason: string;
  previousHash: string;
  createdAt: string;
  appVersion: string;
  /** Data files by name: one JSON record per line. */
  files: Record<string, string>;
}

/** A package id that is the same for the same centre, month, sequence and correction. */
export function packageId(p: Pick<PackageInput, 'centreCode' | 'period' | 'sequence' | 'correction'>): string {
  const h = sha256(strToU8(`${p.centreCode}|${p.period}|${p.sequence}|${p.correction}`));
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function buildPackage(input: PackageInput, keys: { signingPrivateKey: string; countyPublicKey: string }): { bytes: Uint8Array; manifest: Manifest; hash: string } {
  const names = Object.keys(input.files).sort();
  const inner: Zippable = {};
  const files = names.map((name) => {
    const data = strToU8(input.files[name]);
    inner[name] = [data, { mtime: MTIME }];
    const text = input.files[name];
    return { name, sha256: sha256(data), bytes: data.length, rows: text === '' ? 0 : text.replace(/\n$/, '').split('\n').length };
  });
  const sealed = seal(zipSync(inner, { level: 6, mtime: MTIME }), keys.countyPublicKey, keys.signingPrivateKey);
  const { files: _files, formatVersion = FORMAT_VERSION, ...rest } = input;
  void _files;
  const manifest: Manifest = {
    formatVersion,
    ...rest,
    packageId: packageId(input),
    files,
    payload: { sha256: sha256(sealed.ciphertext), bytes: sealed.ciphertext.length, ephemeralPublicKey: sealed.ephemeralPublicKey },
  };
  const manifestBytes = strToU8(JSON.stringify(manifest, null, 2));
  const bytes = zipSync(
    { 'manifest.json': [manifestBytes, { mtime: MTIME }], 'manifest.sig': [strToU8(sign(manifestBytes, keys.signingPrivateKey)), { mtime: MTIME }], 'payload.enc': [sealed.ciphertext, { mtime: MTIME, level: 0 }] },
    { mtime: MTIME },
  );
  return { bytes, manifest, hash: sha256(bytes) };
}

export type ReadResult =
  | { ok: true; manifest: Manifest; files: Map<string, string>; lines: Map<string, string[]>; records: Map<string, unknown[]>; hash: string }
  | { ok: false; problem: string; message: string; manifest?: Manifest };

export interface ReadOptions {
  countyCode: string;
  countyPrivateKey: string;
  /** The enrolled centre's signing key, or null when the centre is not registered. */
  centreKey(centreCode: string): string | null;
  limits?: typeof DEFAULT_LIMITS;
}

/** The refusal of a file over the size limit (also given by a folder import, which does not read such a file). */
export const tooLarge = (size: number) => `文件太大（${size} 字节），不是月报数据包`;

/**
 * A data file's text as fflate's strFromU8 gives it (TextDecoder: a leading BOM dropped, bad bytes as U+FFFD), through
 * Buffer instead: the county decodes some 2.6 million lines per 360 packages, and this is a tenth of a check faster.
 */
function utf8(data: Uint8Array): string {
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const refuse = (problem: string, message: string, manifest?: Manifest): ReadResult => ({ ok: false, problem, message, manifest });
/** The manifest and its signature are small whatever the month holds: a 200 MB "manifest" is refused unread. */
const OUTER_CAPS = { 'manifest.json': 1024 * 1024, 'manifest.sig': 1024 };
const KNOWN_FILES = SECTION_NAMES.map(fileOf);

/** The manifest's list of data files: each name once, each a section of the format (all listed, capped), rows capped. */
function checkFileList(manifest: Manifest, limits: typeof DEFAULT_LIMITS): { problem: string; message: string } | null {
  const seen = new Map<string, number>();
  for (const f of manifest.files) seen.set(f.name, (seen.get(f.name) ?? 0) + 1);
  const repeated = [...seen.keys()].filter((n) => seen.get(n)! > 1);
  if (repeated.length) return { problem: 'duplicate', message: `数据包的清单里有重复的数据文件：${listed(repeated.map((n) => `${quoted(n)} ${seen.get(n)} 次`))}，已拒绝` };
  const unknown = [...seen.keys()].filter((n) => !KNOWN_FILES.includes(n));
  if (unknown.length) return { problem: 'extra', message: `数据包的清单里有本程序不认识的数据文件${listed(unknown.map(quoted))}，已拒绝` };
  // Parsed lines take far more memory than their bytes: their number is capped before any is read.
  const rows = manifest.files.reduce((n, f) => n + f.rows, 0);
  if (rows > limits.rows) return { problem: 'rows', message: `数据包声明共 ${rows} 行数据，超过上限 ${limits.rows} 行，已拒绝` };
  return null;
}

/** How messages name the store's area: 本县 for a county (6 digits), 本汇总范围 for a prefecture or province. */
export const areaWord = (areaCode: string) => (areaCode.length === 6 ? '本县' : '本汇总范围');

export function readPackage(bytes: Uint8Array, options: ReadOptions): ReadResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (bytes.length > limits.packageBytes) return refuse('size', tooLarge(bytes.length));
  const outer = readZip(bytes, OUTER, { ...limits, perEntry: OUTER_CAPS });
  if (!outer.ok) return refuse(outer.problem, outer.message);
  const manifestBytes = outer.entries.get('manifest.json')!;
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(manifestBytes));
  } catch {
    return refuse('manifest', '数据包的清单（manifest.json）不是合法的 JSON');
  }
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > FORMAT_VERSION) return refuse('version', `数据包格式版本 ${version} 比本程序支持的（${FORMAT_VERSION}）新，请先升级程序`);
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) return refuse('manifest', `数据包的清单有错：${parsed.error.issues[0].path.join('.')} 不正确`);
  const manifest = parsed.data;
  const listProblem = checkFileList(manifest, limits);
  if (listProblem) return refuse(listProblem.problem, listProblem.message, manifest);
  // A county store takes its own county's packages; a prefecture's or province's store (a 4- or 2-digit area code)
  // those of every county within it. The centre's code is always within the county its package names.
  const area = areaWord(options.countyCode);
  if (!manifest.countyCode.startsWith(options.countyCode)) return refuse('county', `这个数据包是报给县级代码 ${manifest.countyCode} 的，不是${area}（${options.countyCode}）`, manifest);
  if (!manifest.centreCode.startsWith(manifest.countyCode)) return refuse('county', `数据包的机构代码 ${manifest.centreCode} 不属于它所报的县（${manifest.countyCode}）`, manifest);
  const key = options.centreKey(manifest.centreCode);
  if (!key) return refuse('unregistered', `机构代码 ${manifest.centreCode} 还没有登记，请先导入该院的登记文件`, manifest);
  if (!verify(manifestBytes, strFromU8(outer.entries.get('manifest.sig')!), key)) return refuse('signature', '签名不对：数据包被改动过，或不是该院的密钥签发的', manifest);
  const payload = outer.entries.get('payload.enc')!;
  if (sha256(payload) !== manifest.payload.sha256 || payload.length !== manifest.payload.bytes) return refuse('hash', '数据内容与清单不符（校验值不对），数据包被改动过或已损坏', manifest);
  const plain = open({ ephemeralPublicKey: manifest.payload.ephemeralPublicKey, ciphertext: payload }, options.countyPrivateKey);
  if (!plain) return refuse('decrypt', `无法解密：数据包不是发给${area}的密钥，或已损坏`, manifest);
  const inner = readZip(plain, manifest.files.map((f) => f.name), limits);
  if (!inner.ok) return refuse(inner.problem, inner.message, manifest);
  const files = new Map<string, string>();
  const linesOf = new Map<string, string[]>();
  const records = new Map<string, unknown[]>();
  for (const f of manifest.files) {
    const data = inner.entries.get(f.name)!;
    if (sha256(data) !== f.sha256 || data.length !== f.bytes) return refuse('hash', `「${f.name}」与清单不符（校验值不对）`, manifest);
    const text = utf8(data);
    const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
    if (lines.length !== f.rows) return refuse('rows', `「${f.name}」应有 ${f.rows} 行，实际 ${lines.length} 行`, manifest);
    const parsed: unknown[] = new Array(lines.length);
    let i = 0;
    try {
      for (; i < lines.length; i++) parsed[i] = JSON.parse(lines[i]);
    } catch {
      return refuse('json', `「${f.name}」第 ${i + 1} 行不是合法的 JSON`, manifest);
    }
    files.set(f.name, text);
    linesOf.set(f.name, lines);
    records.set(f.name, parsed);
  }
  return { ok: true, manifest, files, lines: linesOf, records, hash: sha256(bytes) };
}
