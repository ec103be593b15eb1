// The monthly package's contract (issue 8 groundwork): keys and fingerprints, sealing, deterministic building, and a
// corpus of damaged, forged and foreign packages — each refused with its own Chinese message.
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fingerprint, generateEncryptionKeys, generateSigningKeys, sign } from '../../electron/backend/sync/keys';
import { type PackageInput, buildPackage, readPackage } from '../../electron/backend/sync/package';
import { open, seal } from '../../electron/backend/sync/seal';

const centre = generateSigningKeys();
const county = generateEncryptionKeys();
const input: PackageInput = {
  schemaVersion: 10,
  sectionVersions: { residents: 1 },
  centreCode: '320102001000',
  countyCode: '320102',
  period: '2026-03',
  sequence: 3,
  correction: 0,
  correctionReason: '',
  previousHash: 'a'.repeat(64),
  createdAt: '2026-04-01T00:00:00.000Z',
  appVersion: '0.1.0',
  files: { 'residents.jsonl': '{"id":"r1","name":"张三"}\n{"id":"r2","name":"李四"}\n', 'incidents.jsonl': '' },
};
const keys = { signingPrivateKey: centre.privateKey, countyPublicKey: county.publicKey };
const options = { countyCode: '320102', countyPrivateKey: county.privateKey, centreKey: (code: string) => (code === '320102001000' ? centre.publicKey : null) };

/** A package whose outer entries are given by hand (for forging and damaging). */
function outer(entries: Record<string, Uint8Array>) {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, [v, { mtime: new Date('2000-01-01') }]])));
}

describe('keys and sealing', () => {
  it('reads a fingerprint aloud in four groups, and seals to the county only', () => {
    expect(fingerprint(centre.publicKey)).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    const sealed = seal(strToU8('秘密'), county.publicKey, centre.privateKey);
    expect(Buffer.from(open(sealed, county.privateKey)!).toString()).toBe('秘密');
    expect(open(sealed, generateEncryptionKeys().privateKey)).toBeNull();
    const flipped = Uint8Array.from(sealed.ciphertext);
    flipped[0] ^= 1;
    expect(open({ ...sealed, ciphertext: flipped }, county.privateKey)).toBeNull();
  });
});

describe('building', () => {
  it('gives byte-identical output for the same data, and different bytes for other data', () => {
    const a = buildPackage(input, keys);
    const b = buildPackage(input, keys);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const c = buildPackage({ ...input, files: { ...input.files, 'incidents.jsonl': '{"id":"i1"}\n' } }, keys);
    expect(c.hash).not.toBe(a.hash);
    expect(c.manifest.payload.ephemeralPublicKey).not.toBe(a.manifest.payload.ephemeralPublicKey);
  });

  it('reads back what was written, with row counts and hashes from the manifest', () => {
    const { bytes } = buildPackage(input, keys);
    const read = readPackage(bytes, options);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.manifest.files.map((f) => [f.name, f.rows])).toEqual([
      ['incidents.jsonl', 0],
      ['residents.jsonl', 2],
    ]);
    expect(read.files.get('residents.jsonl')).toContain('李四');
  });
});

describe('the bad-input corpus: each refused with its own message', () => {
  const { bytes: good, manifest } = buildPackage(input, keys);
  const manifestBytes = unzipSync(good)['manifest.json'];
  const entries = () => ({ sig: strToU8(sign(manifestBytes, centre.privateKey)) });
  /** The sealed payload straight from a good package. */
  const payloadOf = () => unzipSync(good)['payload.enc'];
  const cases: [string, () => Uint8Array, RegExp][] = [
    ['truncated file', () => good.subarray(0, Math.floor(good.length / 2)), /文件不完整或已损坏/],
    ['flipped byte in the data', () => {
      const sig = entries().sig;
      const payload = Uint8Array.from(payloadOf());
      payload[10] ^= 0xff;
      return outer({ 'manifest.json': manifestBytes, 'manifest.sig': sig, 'payload.enc': payload });
    }, /校验值不对/],
    ['flipped byte in the manifest', () => {
      const changed = strToU8(JSON.stringify({ ...manifest, sequence: 4 }, null, 2));
      return outer({ 'manifest.json': changed, 'manifest.sig': entries().sig, 'payload.enc': payloadOf() });
    }, /签名不对/],
    ['signed by another key', () => outer({ 'manifest.json': manifestBytes, 'manifest.sig': strToU8(sign(manifestBytes, generateSigningKeys().privateKey)), 'payload.enc': payloadOf() }), /签名不对/],
    ['unregistered centre', () => buildPackage({ ...input, centreCode: '320102009999' }, keys).bytes, /机构代码 320102009999 还没有登记/],
    ['package for another county', () => buildPackage({ ...input, countyCode: '320103' }, keys).bytes, /是报给县级代码 320103 的，不是本县/],
    ['sealed to another county key', () => buildPackage(input, { ...keys, countyPublicKey: generateEncryptionKeys().publicKey }).bytes, /无法解密/],
    ['future format version', () => {
      const future = strToU8(JSON.stringify({ ...manifest, formatVersion: 99 }, null, 2));
      return outer({ 'manifest.json': future, 'manifest.sig': strToU8(sign(future, centre.privateKey)), 'payload.enc': payloadOf() });
    }, /格式版本 99 比本程序支持的（2）新/],
    ['zip bomb', () => zipSync({ 'manifest.json': [new Uint8Array(50 * 1024 * 1024), { level: 9 }], 'manifest.sig': strToU8('x'), 'payload.enc': strToU8('x') }), /可能是压缩炸弹/],
    ['path-traversal entry name', () => outer({ '../../etc/evil.jsonl': strToU8('{}'), 'manifest.json': manifestBytes, 'manifest.sig': entries().sig, 'payload.enc': payloadOf() }), /不允许的文件名「\.\.\/\.\.\/etc\/evil\.jsonl」/],
    ['malformed JSON line', () => buildPackage({ ...input, files: { 'residents.jsonl': '{"id":"r1"}\nnot json\n' } }, keys).bytes, /「residents\.jsonl」第 2 行不是合法的 JSON/],
    ['manifest that is not JSON', () => outer({ 'manifest.json': strToU8('{oops'), 'manifest.sig': entries().sig, 'payload.enc': payloadOf() }), /不是合法的 JSON/],
    ['wrong types in the manifest', () => {
      const typed = strToU8(JSON.stringify({ ...manifest, sequence: '三' }, null, 2));
      return outer({ 'manifest.json': typed, 'manifest.sig': strToU8(sign(typed, centre.privateKey)), 'payload.enc': payloadOf() });
    }, /清单有错：sequence 不正确/],
    ['missing file', () => outer({ 'manifest.json': manifestBytes, 'payload.enc': payloadOf() }), /数据包缺少「manifest\.sig」/],
    ['extra file', () => outer({ 'manifest.json': manifestBytes, 'manifest.sig': entries().sig, 'payload.enc': payloadOf(), 'readme.txt': strToU8('hi') }), /多余的文件「readme\.txt」/],
  ];
  it.each(cases)('%s', (_name, make, message) => {
    const read = readPackage(make(), options);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(message);
  });
});
