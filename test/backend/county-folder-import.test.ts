// A folder import through the real dispatcher (issue 15): each .tcpkg file is read and checked on its own — a file over
// the size limit is refused unread (its hash taken in pieces), something that is not a file is skipped with a message,
// a bomb and a signed package with a decoy data file are refused by the reader — and nothing but the reports is written.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeys } from '../../electron/backend/package/keys';
import { DEFAULT_LIMITS, type PackageInput } from '../../electron/backend/package/package';
import { type TestBackend, openTestBackend, tempDir } from '../helpers/backend';
import { forgeSigned, listed } from '../helpers/forge-package';
import { type RawEntry, deflated, rawZip } from '../helpers/raw-zip';
import { changesBesidesLogs, storeDump } from '../helpers/canonical-dump';

let county: TestBackend;
const centre = generateSigningKeys();
const CENTRE = '411422104000';

beforeAll(async () => {
  county = await openTestBackend(tempDir(), { county: { code: '411422', name: '睢县' } });
  const file = JSON.stringify({ type: 'township-care-centre-registration', version: 1, centreCode: CENTRE, name: '孙集乡敬老院', county: '睢县', township: '孙集乡', publicKey: centre.publicKey });
  const enrolled = await county.call('county.enrol', { text: file });
  await county.call('county.confirmCentre', { centreCode: CENTRE, fingerprint: enrolled.fingerprint });
}, 60_000);
const folder = tempDir('tc-folder-');
afterAll(async () => {
  await county.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** Every table of the county, canonically (a refusal may only add its report and audit row). */
const countyData = () => storeDump(county);

describe('importing a folder', () => {
  it('refuses each bad file with its own message, reading none over the limit, and writes only the reports', async () => {
    // Sparse: 1 MB over the limit without using the disk.
    fs.closeSync(fs.openSync(path.join(folder, '1-huge.tcpkg'), 'w'));
    fs.truncateSync(path.join(folder, '1-huge.tcpkg'), DEFAULT_LIMITS.packageBytes + 1024 * 1024);
    fs.mkdirSync(path.join(folder, '2-folder.tcpkg'));
    const empty = (name: string): RawEntry => ({ name, data: new Uint8Array(0), method: 0 });
    fs.writeFileSync(path.join(folder, '3-bomb.tcpkg'), rawZip([{ ...empty('manifest.json'), method: 8, size: 2 ** 31, crc: 0 }, empty('manifest.sig'), empty('payload.enc')]));
    const countyKey = JSON.parse((await county.call('county.status', {})).keyFile.text) as { publicKey: string };
    const input: PackageInput = { schemaVersion: 17, sectionVersions: { centre: 1 }, centreCode: CENTRE, countyCode: '411422', period: '2026-01', sequence: 1, correction: 0, correctionReason: '', previousHash: '', createdAt: '2026-02-01T00:00:00.000Z', appVersion: 'x', files: {} };
    const line = `${JSON.stringify({ id: '00000000-0000-4000-8000-000000000001', centreCode: CENTRE })}\n`;
    const decoy = rawZip([deflated('centre.jsonl', Buffer.from('{"id":"假"}\n')), deflated('centre.jsonl', Buffer.from(line))]);
    fs.writeFileSync(path.join(folder, '4-decoy.tcpkg'), forgeSigned(input, { signingPrivateKey: centre.privateKey, countyPublicKey: countyKey.publicKey }, decoy, [listed('centre.jsonl', line)]));
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not a package');

    const before = await countyData();
    const staged = await county.call('county.stage', { batchId: null, folder });
    expect(staged.items.map((i) => [i.fileName, i.outcome, i.message])).toEqual([
      ['1-huge.tcpkg', 'rejected', `文件太大（${DEFAULT_LIMITS.packageBytes + 1024 * 1024} 字节），不是月报数据包`],
      ['2-folder.tcpkg', 'rejected', '「2-folder.tcpkg」不是普通文件，已跳过'],
      ['3-bomb.tcpkg', 'rejected', expect.stringMatching(/「manifest\.json」解压后太大（声明 2147483648 字节，压缩后 0 字节），可能是压缩炸弹/)],
      ['4-decoy.tcpkg', 'rejected', expect.stringMatching(/重名的文件：「centre\.jsonl」 2 个/)],
    ]);
    // The refusal after the signature still names the centre and month for the receipt.
    expect(staged.items[3]).toMatchObject({ centreCode: CENTRE, centreName: '孙集乡敬老院', period: '2026-01' });

    const { jobId } = await county.call('county.apply', { batchId: staged.batchId });
    for (let job = await county.call('county.job', { jobId }); !job.done; job = await county.call('county.job', { jobId })) await new Promise((r) => setTimeout(r, 20));
    expect(changesBesidesLogs(before, await countyData())).toEqual([]);
    const reports = await county.query<{ file_name: string; outcome: string; file_hash: string }>('SELECT file_name, outcome, file_hash FROM county_import_reports ORDER BY file_name');
    expect(reports.map((r) => [r.file_name, r.outcome])).toEqual(staged.items.map((i) => [i.fileName, 'rejected']));
    // The oversized file's hash is its real SHA-256 (of zeros here), taken without reading it whole.
    const zeros = (await import('node:crypto')).createHash('sha256').update(Buffer.alloc(DEFAULT_LIMITS.packageBytes + 1024 * 1024)).digest('hex');
    expect(reports[0].file_hash).toBe(zeros);
  });
});
