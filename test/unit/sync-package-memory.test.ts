// The reader's memory bound (issue 15): run in a child process of its own, the real reader reads every package built
// here — a genuine large month, bombs declaring 2 GB, thousands of copies of one entry, streams that inflate far past
// what they declare, outside and inside a signed payload — and its peak resident set stays under 300 MB.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { generateEncryptionKeys, generateSigningKeys } from '../../electron/backend/package/keys';
import { type PackageInput, buildPackage } from '../../electron/backend/package/package';
import { forgeSigned, listed } from '../helpers/forge-package';
import { type RawEntry, deflated, rawZip, zeros } from '../helpers/raw-zip';

const ROOT = path.resolve(__dirname, '../..');
const MB = 1024 * 1024;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-reader-memory-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const centre = generateSigningKeys();
const county = generateEncryptionKeys();
const keys = { signingPrivateKey: centre.privateKey, countyPublicKey: county.publicKey };
const resident = (i: number) => JSON.stringify({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `老人${i}`, note: '精神好，饮食正常，夜间睡眠安稳'.repeat(3) });
const month = Array.from({ length: 110_000 }, (_, i) => `${resident(i)}\n`).join('');
const input: PackageInput = { schemaVersion: 10, sectionVersions: { residents: 2 }, centreCode: '320102001000', countyCode: '320102', period: '2026-03', sequence: 3, correction: 0, correctionReason: '', previousHash: '', createdAt: '2026-04-01T00:00:00.000Z', appVersion: '0.1.0', files: { 'residents.jsonl': month } };

/** The packages, each with the problem the reader must find (null: accepted). */
function corpus(): [string, Uint8Array, string | null][] {
  const genuine = buildPackage(input, keys).bytes;
  const parts = unzipSync(genuine);
  const honest = [deflated('manifest.json', parts['manifest.json']), deflated('manifest.sig', parts['manifest.sig'])];
  const empty = (name: string): RawEntry => ({ name, data: new Uint8Array(0), method: 0 });
  const lie = zeros(256 * MB); // about 1.7 MB that inflate to 256 MB
  const files = [listed('residents.jsonl', month)];
  return [
    ['genuine', genuine, null],
    ['322 bytes declaring 2 GB', rawZip([{ ...empty('manifest.json'), method: 8, size: 2 ** 31, crc: 0 }, empty('manifest.sig'), empty('payload.enc')]), 'bomb'],
    ['5000 manifests of 150 MB each', rawZip([...Array.from({ length: 5000 }, (): RawEntry => ({ ...empty('manifest.json'), method: 8, size: 150 * MB })), ...honest.slice(1), empty('payload.enc')]), 'duplicate'],
    ['a payload inflating to 256 MB declared as 23 MB', rawZip([...honest, { name: 'payload.enc', data: lie.data, crc: lie.crc, size: 23 * MB }]), 'size'],
    ['a signed data file declaring 2 GB', forgeSigned(input, keys, rawZip([{ ...empty('residents.jsonl'), method: 8, size: 2 ** 31 }]), files), 'bomb'],
    ['a signed data file inflating to 256 MB declared as 23 MB', forgeSigned(input, keys, rawZip([{ name: 'residents.jsonl', data: lie.data, crc: lie.crc, size: 23 * MB }]), files), 'size'],
  ];
}

function readInChild(files: string[]): Promise<string[]> {
  const job = path.join(dir, 'job.json');
  fs.writeFileSync(job, JSON.stringify({ countyCode: '320102', countyPrivateKey: county.privateKey, centreCode: '320102001000', centrePublicKey: centre.publicKey, files }));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/read-package.ts', job], { cwd: ROOT });
    let out = '';
    let errors = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (errors += c.toString('utf8')));
    child.on('exit', (code) => (code === 0 ? resolve(out.trim().split('\n')) : reject(new Error(`reader exited ${code}: ${errors}`))));
  });
}

describe("the reader's memory", () => {
  it('stays under 300 MB peak on every package built here, each refused for its own reason', async () => {
    const packages = corpus();
    const files = packages.map(([name, bytes], i) => {
      const file = path.join(dir, `${i}.tcpkg`);
      fs.writeFileSync(file, bytes);
      expect(bytes.length, name).toBeLessThan(24 * MB);
      return file;
    });
    const lines = await readInChild(files);
    const results = lines.slice(0, -1).map((l) => JSON.parse(l) as { ok: boolean; problem: string | null });
    expect(results.map((r, i) => [packages[i][0], r.problem])).toEqual(packages.map(([name, , problem]) => [name, problem]));
    expect(results[0].ok).toBe(true);
    const { maxRssBytes } = JSON.parse(lines[lines.length - 1]) as { maxRssBytes: number };
    expect(maxRssBytes).toBeLessThan(300 * MB);
  }, 120_000);
});
