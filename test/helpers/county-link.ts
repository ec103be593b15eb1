// A centre and a county linked as their people do it: the county's key taken by the centre after comparing its
// fingerprint, the centre's registration enrolled and confirmed by the county the same way.
import type { TestBackend } from './backend';

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
