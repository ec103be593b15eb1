// The monthly package file (issue 8; format in docs/sync-package.md): a zip of manifest.json, manifest.sig (Ed25519 over
// the exact manifest bytes) and payload.enc (the data files, zipped, sealed to the county). Building is deterministic:
// the same data gives the same bytes. Reading trusts nothing until the signature, the hashes and the sizes agree, and
// every rejection says what was wrong in Chinese.
import crypto from 'node:crypto';
import { strToU8, strFromU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import { FORMAT_VERSION } from '../../../shared/domain/sync/sections';
import { sign, verify } from './keys';
import { open, seal } from './seal';

export { FORMAT_VERSION };
const OUTER = ['manifest.json', 'manifest.sig', 'payload.enc'] as const;
/** Zip timestamps are fixed: they would otherwise make every export differ. */
const MTIME = new Date('2000-01-01T00:00:00Z');

export const DEFAULT_LIMITS = { packageBytes: 200 * 1024 * 1024, fileBytes: 500 * 1024 * 1024, ratio: 200 };

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

const refuse = (problem: string, message: string, manifest?: Manifest): ReadResult => ({ ok: false, problem, message, manifest });
const badName = (name: string) => name.includes('/') || name.includes('\\') || name.includes('..') || name.startsWith('.');

function safeUnzip(data: Uint8Array, allowed: readonly string[], limits: typeof DEFAULT_LIMITS): { files: Record<string, Uint8Array> } | { problem: string; message: string } {
  let refused: { problem: string; message: string } | null = null;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, {
      // Decide on every entry from its header, before anything is decompressed.
      filter: (f) => {
        if (refused) return false;
        if (badName(f.name)) refused = { problem: 'path', message: `数据包里有不允许的文件名「${f.name}」（可能想写到别的文件夹），已拒绝` };
        else if (!allowed.includes(f.name)) refused = { problem: 'extra', message: `数据包里有多余的文件「${f.name}」，已拒绝` };
        else if (f.originalSize > limits.fileBytes || (f.size > 0 && f.originalSize / f.size > limits.ratio)) refused = { problem: 'bomb', message: `「${f.name}」解压后太大（${f.originalSize} 字节），可能是压缩炸弹，已拒绝` };
        return refused === null;
      },
    });
  } catch {
    return { problem: 'corrupt', message: '不是有效的数据包：文件不完整或已损坏（可能没有拷贝完）' };
  }
  if (refused) return refused;
  for (const name of allowed) if (!files[name]) return { problem: 'missing', message: `数据包缺少「${name}」` };
  return { files };
}

export function readPackage(bytes: Uint8Array, options: ReadOptions): ReadResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (bytes.length > limits.packageBytes) return refuse('size', `文件太大（${bytes.length} 字节），不是月报数据包`);
  const outer = safeUnzip(bytes, OUTER, limits);
  if ('problem' in outer) return refuse(outer.problem, outer.message);
  const manifestBytes = outer.files['manifest.json'];
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
  if (manifest.countyCode !== options.countyCode) return refuse('county', `这个数据包是报给县级代码 ${manifest.countyCode} 的，不是本县（${options.countyCode}）`, manifest);
  const key = options.centreKey(manifest.centreCode);
  if (!key) return refuse('unregistered', `机构代码 ${manifest.centreCode} 还没有登记，请先导入该院的登记文件`, manifest);
  if (!verify(manifestBytes, strFromU8(outer.files['manifest.sig']), key)) return refuse('signature', '签名不对：数据包被改动过，或不是该院的密钥签发的', manifest);
  const payload = outer.files['payload.enc'];
  if (sha256(payload) !== manifest.payload.sha256 || payload.length !== manifest.payload.bytes) return refuse('hash', '数据内容与清单不符（校验值不对），数据包被改动过或已损坏', manifest);
  const plain = open({ ephemeralPublicKey: manifest.payload.ephemeralPublicKey, ciphertext: payload }, options.countyPrivateKey);
  if (!plain) return refuse('decrypt', '无法解密：数据包不是发给本县的密钥，或已损坏', manifest);
  const inner = safeUnzip(plain, manifest.files.map((f) => f.name), limits);
  if ('problem' in inner) return refuse(inner.problem, inner.message, manifest);
  const files = new Map<string, string>();
  const linesOf = new Map<string, string[]>();
  const records = new Map<string, unknown[]>();
  for (const f of manifest.files) {
    const data = inner.files[f.name];
    if (sha256(data) !== f.sha256 || data.length !== f.bytes) return refuse('hash', `「${f.name}」与清单不符（校验值不对）`, manifest);
    const text = strFromU8(data);
    const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
    if (lines.length !== f.rows) return refuse('rows', `「${f.name}」应有 ${f.rows} 行，实际 ${lines.length} 行`, manifest);
    const parsed: unknown[] = [];
    for (const [i, line] of lines.entries()) {
      try {
        parsed.push(JSON.parse(line));
      } catch {
        return refuse('json', `「${f.name}」第 ${i + 1} 行不是合法的 JSON`, manifest);
      }
    }
    files.set(f.name, text);
    linesOf.set(f.name, lines);
    records.set(f.name, parsed);
  }
  return { ok: true, manifest, files, lines: linesOf, records, hash: sha256(bytes) };
}

/** Centre, sequence and correction from the manifest, unchecked: only to put a batch in order before reading it. */
export function peekManifest(bytes: Uint8Array): { centreCode: string; sequence: number; correction: number } | null {
  try {
    const entry = unzipSync(bytes, { filter: (f) => f.name === 'manifest.json' && f.originalSize < 1_000_000 })['manifest.json'];
    const m = JSON.parse(strFromU8(entry)) as { centreCode?: unknown; sequence?: unknown; correction?: unknown };
    return { centreCode: String(m.centreCode ?? ''), sequence: Number(m.sequence) || 0, correction: Number(m.correction) || 0 };
  } catch {
    return null;
  }
}
