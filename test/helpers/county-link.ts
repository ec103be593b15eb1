// A centre and a county linked as their people do it: the county's key taken by the centre after comparing its
// fingerprint, the centre's registration enrolled and confirmed by the county the same way.
import fs from 'node:fs';
import path from 'node:path';
import { type TestBackend, openTestBackend } from './backend';
import { PROFILE } from './centre';

export interface Linked {
  /** The county's X25519 public key, to seal packages a test builds itself. */
  countyPublicKey: string;
  /** The centre's Ed25519 signing key, read from its database, to sign packages a test builds itself. */
  centrePrivateKey: string;
}

export async function linkCentreToCounty(centre: TestBackend, county: TestBackend): Promise<Linked> {
  const countyKey = await county.call('county.status', {});
  await centre.call('sync.importCountyKey', { text: countyKey.keyFile.text });
  await centre.call('sync.confirmCountyKey', { fingerprint: countyKey.fingerprint });
  const registration = await centre.call('sync.registrationFile', {});
  const enrolled = await county.call('county.enrol', { text: registration.text });
  await county.call('county.confirmCentre', { centreCode: enrolled.centreCode, fingerprint: registration.fingerprint });
  return {
    countyPublicKey: (JSON.parse(countyKey.keyFile.text) as { publicKey: string }).publicKey,
    centrePrivateKey: (centre.database.sqlite.prepare('SELECT private_key AS k FROM sync_identity').get() as { k: string }).k,
  };
}

/** The centre exports a month to the stick's folder and the county imports the file; fails the test unless it is accepted. */
export async function exportAndImport(centre: TestBackend, county: TestBackend, period: string, folder: string): Promise<string> {
  const { jobId } = await centre.call('sync.export', { period, folder, correctionReason: null });
  let fileName = '';
  for (;;) {
    const job = await centre.call('sync.job', { jobId });
    if (job.done) {
      if (job.error) throw new Error(job.error);
      fileName = job.result!.fileName;
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const bytes = fs.readFileSync(path.join(folder, fileName));
  const staged = await county.call('county.stage', { batchId: null, files: [{ name: fileName, base64: Buffer.from(bytes).toString('base64') }] });
  const { jobId: applyJob } = await county.call('county.apply', { batchId: staged.batchId });
  for (;;) {
    const job = await county.call('county.job', { jobId: applyJob });
    if (job.done) {
      const refused = job.reports.filter((r) => r.outcome !== 'accepted');
      if (refused.length > 0) throw new Error(`the county did not accept ${fileName}: ${JSON.stringify(refused.map((r) => [r.outcome, r.errors]))}`);
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return path.join(folder, fileName);
}

/**
 * A small centre (one building, one room of nursing beds) in a county of a prefecture's or province's store, linked
 * through its county's key file (county.keyFileFor) as an area's centres are; returns the centre and that key file.
 */
export async function centreInArea(area: TestBackend, county: { code: string; name: string }, centre: { code: string; name: string; beds: number }) {
  const backend = await openTestBackend();
  await backend.call('facility.save', { ...PROFILE, name: centre.name, areaCode: centre.code, county: county.name, township: `${centre.name.slice(0, 2)}镇` });
  const { id: buildingId } = await backend.call('facility.addBuilding', { name: '一号楼', floors: 1 });
  await backend.call('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: centre.beds, bedType: 'nursing' });
  const keyFile = await area.call('county.keyFileFor', { countyCode: county.code, countyName: county.name });
  const status = await area.call('county.status', {});
  await backend.call('sync.importCountyKey', { text: keyFile.text });
  await backend.call('sync.confirmCountyKey', { fingerprint: status.fingerprint });
  const registration = await backend.call('sync.registrationFile', {});
  const enrolled = await area.call('county.enrol', { text: registration.text });
  await area.call('county.confirmCentre', { centreCode: enrolled.centreCode, fingerprint: registration.fingerprint });
  return { centre: backend, keyFile };
}
