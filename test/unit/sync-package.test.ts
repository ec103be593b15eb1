// The monthly package's contract (issue 8 groundwork): keys and fingerprints, sealing, deterministic building, and a
// corpus of damaged, forged and foreign packages — each refused with its own Chinese message. Issue 15: the reader's
// edges — sizes that lie, repeated and unknown entries, wrong CRCs — on zips written byte by byte (test/helpers/raw-zip).
import crypto from 'node:crypto';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fingerprint, generateEncryptionKeys, generateSigningKeys, privateKeyObject, sign } from '../../electron/backend/package/keys';
import { DEFAULT_LIMITS, type PackageInput, buildPackage, readPackage } from '../../electron/backend/package/package';
import { open, seal } from '../../electron/backend/package/seal';
import { forgeSigned, listed } from '../helpers/forge-package';
import { type RawEntry, deflated, rawZip, zeros } from '../helpers/raw-zip';

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

  it('writes the same bytes as before the reader was rewritten (issue 15), from fixed keys', () => {
    // Pinned: a re-export of an unchanged month must stay byte-identical across versions (a new fflate could change it).
    const countyPrivate = Buffer.alloc(32, 9).toString('base64');
    const countyPublic = crypto.createPublicKey(privateKeyObject('x25519', countyPrivate)).export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
    const fixed = { signingPrivateKey: Buffer.alloc(32, 7).toString('base64'), countyPublicKey: countyPublic };
    expect(buildPackage({ ...input, formatVersion: 2, sectionVersions: { residents: 2 } }, fixed).hash).toBe('5682e3c39663a87b5451b315fe96d0b610b417c6d5fcb1f59251ce4df9cd637f');
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
    }, /格式版本 99 比本程序支持的（5）新/],
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

describe("the reader's edges (issue 15): judged from the zip's directory before anything is inflated", () => {
  const { bytes: good } = buildPackage(input, keys);
  const parts = unzipSync(good);
  const manifestEntry = () => deflated('manifest.json', parts['manifest.json']);
  const sigEntry = () => deflated('manifest.sig', parts['manifest.sig']);
  const payloadEntry = (): RawEntry => ({ name: 'payload.enc', data: parts['payload.enc'], method: 0 });
  const readRaw = (entries: RawEntry[], limits = DEFAULT_LIMITS) => readPackage(rawZip(entries), { ...options, limits });
  const messageOf = (read: ReturnType<typeof readPackage>) => (read.ok ? '(accepted)' : read.message);
  const residents = input.files['residents.jsonl'];

  it('reads a package written by an independent zip writer (the helpers are honest)', () => {
    expect(readRaw([manifestEntry(), sigEntry(), payloadEntry()]).ok).toBe(true);
    const inner = rawZip([deflated('incidents.jsonl', Buffer.from('')), deflated('residents.jsonl', Buffer.from(residents))]);
    const forged = forgeSigned(input, keys, inner, [listed('incidents.jsonl', ''), listed('residents.jsonl', residents)]);
    expect(readPackage(forged, options).ok).toBe(true);
  });

  const outerCases: [string, () => RawEntry[], RegExp][] = [
    ['a 322-byte file declaring 2 GB (compressed size 0)', () => [{ name: 'manifest.json', data: new Uint8Array(0), compressed: 0, size: 2 ** 31, crc: 0 }, sigEntry(), payloadEntry()], /「manifest\.json」解压后太大（声明 2147483648 字节，压缩后 0 字节），可能是压缩炸弹/],
    ['an entry that inflates past its declared size', () => {
      const z = zeros(10 * 1024 * 1024);
      return [manifestEntry(), sigEntry(), { name: 'payload.enc', data: z.data, crc: z.crc, size: 100_000 }];
    }, /「payload\.enc」解压后比声明的 100000 字节大/],
    ['an entry shorter than declared', () => [{ ...manifestEntry(), size: parts['manifest.json'].length + 50 }, sigEntry(), payloadEntry()], /「manifest\.json」解压后是 \d+ 字节，与声明的 \d+ 字节不符/],
    ['a wrong CRC-32', () => [{ ...manifestEntry(), crc: manifestEntry().crc! ^ 1 }, sigEntry(), payloadEntry()], /「manifest\.json」的校验码（CRC-32）不对/],
    ['a decoy manifest.json first', () => [deflated('manifest.json', Buffer.from('{"decoy":true}')), manifestEntry(), sigEntry(), payloadEntry()], /重名的文件：「manifest\.json」 2 个，可能是伪造的/],
    ['thousands of copies of the manifest, each declaring 150 MB', () => [...Array.from({ length: 5000 }, (): RawEntry => ({ name: 'manifest.json', data: new Uint8Array(0), compressed: 0, size: 150 * 1024 * 1024 })), sigEntry(), payloadEntry()], /重名的文件：「manifest\.json」 5000 个/],
    ['stored bytes that claim another size', () => [manifestEntry(), sigEntry(), { ...payloadEntry(), size: parts['payload.enc'].length - 1 }], /「payload\.enc」的大小与目录里写的不符/],
    ['a compression method this program never writes', () => [{ ...manifestEntry(), method: 12 }, sigEntry(), payloadEntry()], /「manifest\.json」用了本程序不支持的压缩方式或加密/],
    ['ZIP64 size markers', () => [{ ...manifestEntry(), size: 0xffffffff }, sigEntry(), payloadEntry()], /不支持的 ZIP64 格式/],
    ['two entries sharing one stream', () => [manifestEntry(), { ...sigEntry(), sameAs: 0 }, payloadEntry()], /文件不完整或已损坏/],
    ['a manifest far larger than any manifest', () => {
      const big = Buffer.alloc(2 * 1024 * 1024, 'a');
      return [deflated('manifest.json', big), sigEntry(), payloadEntry()];
    }, /「manifest\.json」解压后太大/],
  ];
  it.each(outerCases)('%s', (_name, entries, message) => {
    expect(messageOf(readRaw(entries()))).toMatch(message);
  });

  it('is refused in 322 bytes, whatever the declared size', () => {
    const empty = (name: string): RawEntry => ({ name, data: new Uint8Array(0), method: 0 });
    const bomb = rawZip([{ ...empty('manifest.json'), method: 8, size: 2 ** 31, crc: 0 }, empty('manifest.sig'), empty('payload.enc')]);
    expect(bomb.length).toBe(322);
    expect(messageOf(readPackage(bomb, options))).toMatch(/可能是压缩炸弹/);
  });

  it('lists the first 50 unknown entries, then how many more, with names cut to a line', () => {
    const extra = Array.from({ length: 3000 }, (_, i) => deflated(`x${i}.txt`, Buffer.from('hi')));
    const read = readRaw([manifestEntry(), sigEntry(), payloadEntry(), ...extra, deflated(`${'长'.repeat(200)}\n.txt`, Buffer.from('hi'))]);
    const message = messageOf(read);
    expect(message).toMatch(/^数据包里有多余的文件「x0\.txt」、「x1\.txt」.*「x49\.txt」，还有 2951 处，已拒绝$/);
    expect(message).not.toContain('x50.txt');
    const unsafe = messageOf(readRaw([manifestEntry(), sigEntry(), payloadEntry(), deflated(`../${'长'.repeat(200)}\n`, Buffer.from('hi'))]));
    expect(unsafe).toMatch(/不允许的文件名「\.\.\/长+…」/);
    expect(unsafe.length).toBeLessThan(120);
  });

  it('caps the total declared size of a zip, not only each entry', () => {
    expect(messageOf(readRaw([manifestEntry(), sigEntry(), payloadEntry()], { ...DEFAULT_LIMITS, totalBytes: 1000 }))).toMatch(/数据包解压后共 \d+ 字节，超过上限 1000 字节/);
  });

  describe('inside a correctly signed and sealed payload', () => {
    const file = (text: string) => Buffer.from(text);
    const honest = () => [listed('incidents.jsonl', ''), listed('residents.jsonl', residents)];
    const innerCases: [string, () => Uint8Array, RegExp][] = [
      ['a data file declaring 2 GB', () => forgeSigned(input, keys, rawZip([deflated('incidents.jsonl', file('')), { name: 'residents.jsonl', data: new Uint8Array(0), compressed: 0, size: 2 ** 31 }]), honest()), /「residents\.jsonl」解压后太大（声明 2147483648 字节/],
      ['a data file inflating past its declared size', () => {
        const z = zeros(50 * 1024 * 1024);
        return forgeSigned(input, keys, rawZip([deflated('incidents.jsonl', file('')), { name: 'residents.jsonl', data: z.data, crc: z.crc, size: 60_000 }]), honest());
      }, /「residents\.jsonl」解压后比声明的 60000 字节大/],
      ['a decoy data file first', () => forgeSigned(input, keys, rawZip([deflated('incidents.jsonl', file('')), deflated('residents.jsonl', file('{"id":"假"}\n')), deflated('residents.jsonl', file(residents))]), honest()), /重名的文件：「residents\.jsonl」 2 个/],
      ['a data file the manifest does not list', () => forgeSigned(input, keys, rawZip([deflated('incidents.jsonl', file('')), deflated('residents.jsonl', file(residents)), deflated('staff.jsonl', file(''))]), honest()), /多余的文件「staff\.jsonl」/],
      ['a wrong CRC-32 in the data', () => forgeSigned(input, keys, rawZip([deflated('incidents.jsonl', file('')), { ...deflated('residents.jsonl', file(residents)), crc: 1 }]), honest()), /「residents\.jsonl」的校验码（CRC-32）不对/],
      ['a file listed twice in the manifest', () => forgeSigned(input, keys, rawZip([deflated('residents.jsonl', file(residents))]), [listed('residents.jsonl', residents), listed('residents.jsonl', residents)]), /清单里有重复的数据文件：「residents\.jsonl」 2 次/],
      ['120 files the format does not know', () => forgeSigned(input, keys, rawZip([]), Array.from({ length: 120 }, (_, i) => listed(`a${i}.jsonl`, ''))), /清单里有本程序不认识的数据文件「a0\.jsonl」、.*「a49\.jsonl」，还有 70 处，已拒绝$/],
      ['more lines declared than any month has', () => forgeSigned(input, keys, rawZip([deflated('residents.jsonl', file(residents))]), [{ ...listed('residents.jsonl', residents), rows: 600_000 }]), /数据包声明共 600000 行数据，超过上限 500000 行/],
    ];
    it.each(innerCases)('%s', (_name, make, message) => {
      const read = readPackage(make(), options);
      expect(messageOf(read)).toMatch(message);
      // Refused after the signature was checked: the report can still name the centre and month.
      if (!read.ok) expect(read.manifest?.centreCode).toBe('320102001000');
    });
  });
});
