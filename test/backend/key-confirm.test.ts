// Confirming a key's fingerprint heard by phone, on real SQLite files through the real dispatcher: the key compared is
// the key confirmed. Another import that swaps the key between the comparison and the write (simulated by writing
// the swap on the same database at the moment the fingerprints are compared) makes the confirmation refuse, never
// confirm the new key with the old key's fingerprint.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateEncryptionKeys, generateSigningKeys } from '../../electron/backend/package/keys';
import { type TestBackend, openTestBackend, tempDir } from '../helpers/backend';
import { PROFILE } from '../helpers/centre';

/** Runs once, the next time a heard fingerprint is compared. */
const during = vi.hoisted(() => ({ compare: null as null | (() => void) }));
vi.mock('../../electron/backend/package/keys', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/backend/package/keys')>();
  return {
    ...real,
    sameFingerprint: (heard: string, expected: string) => {
      const swap = during.compare;
      during.compare = null;
      swap?.();
      return real.sameFingerprint(heard, expected);
    },
  };
});

let centre: TestBackend;
let county: TestBackend;
beforeEach(async () => {
  centre = await openTestBackend();
  await centre.call('facility.save', PROFILE);
  county = await openTestBackend(tempDir(), { county: { code: '320102', name: '测试县' } });
});
afterEach(async () => {
  during.compare = null;
  await centre.close();
  await county.close();
});

describe('a key swapped while its fingerprint is being confirmed', () => {
  it("is not confirmed on the centre with the county's old fingerprint", async () => {
    const countyKey = await county.call('county.status', {});
    await centre.call('sync.importCountyKey', { text: countyKey.keyFile.text });
    const newKey = generateEncryptionKeys().publicKey;
    during.compare = () => centre.database.sqlite.prepare("UPDATE sync_county SET public_key = ?, state = 'pending'").run(newKey);
    const refused = await centre.raw('sync.confirmCountyKey', { fingerprint: countyKey.fingerprint });
    expect(refused.error).toMatchObject({ code: 'CONFLICT', message: '县级公钥在核对期间被换掉了，请重新核对指纹' });
    expect((await centre.call('sync.status', {})).county?.state).toBe('pending');
    expect(centre.database.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'syncCounty' AND action = 'update'").get()).toEqual({ n: 0 });
    // Checked again without a swap, the key is confirmed.
    expect((await centre.call('sync.confirmCountyKey', { fingerprint: countyKey.fingerprint })).county?.state).toBe('confirmed');
  });

  it("is not confirmed by the county with the centre's old fingerprint", async () => {
    const registration = await centre.call('sync.registrationFile', {});
    const enrolled = await county.call('county.enrol', { text: registration.text });
    const newKey = generateSigningKeys().publicKey;
    during.compare = () => county.database.sqlite.prepare("UPDATE county_centres SET public_key = ?, state = 'pending' WHERE centre_code = ?").run(newKey, enrolled.centreCode);
    const refused = await county.raw('county.confirmCentre', { centreCode: enrolled.centreCode, fingerprint: registration.fingerprint });
    expect(refused.error).toMatchObject({ code: 'CONFLICT', message: `${enrolled.name} 的登记密钥在核对期间被换掉了，请重新核对指纹` });
    const row = county.database.sqlite.prepare('SELECT state FROM county_centres WHERE centre_code = ?').get(enrolled.centreCode);
    expect(row).toEqual({ state: 'pending' });
    expect((await county.call('county.confirmCentre', { centreCode: enrolled.centreCode, fingerprint: registration.fingerprint })).state).toBe('confirmed');
  });
});
