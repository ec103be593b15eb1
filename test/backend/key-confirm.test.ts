// Confirming a key's fingerprint heard by phone, on real SQLite files (the county also on PostgreSQL) through the real
// dispatcher: the key compared is the key confirmed. Another import that swaps the key between the comparison and the
// write (simulated by writing the swap on the same database at the moment the fingerprints are compared) makes the
// confirmation refuse, never confirm the new key with the old key's fingerprint.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fingerprint, generateEncryptionKeys, generateSigningKeys } from '../../electron/backend/package/keys';
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
    const swap = "UPDATE county_centres SET public_key = $1, state = 'pending' WHERE centre_code = $2";
    const confirm = () => county.raw('county.confirmCentre', { centreCode: enrolled.centreCode, fingerprint: registration.fingerprint });
    let refused: Awaited<ReturnType<typeof confirm>>;
    if (county.holder.postgres) {
      // On PostgreSQL the swap is another connection's write (a hook that cannot wait cannot run a query to its end): it
      // takes the row before the confirmation starts and commits at the moment of the comparison, so the confirmation's
      // write waits for that commit and then meets the new key.
      const other = await county.holder.postgres.pool.connect();
      try {
        await other.query('BEGIN');
        await other.query(swap, [newKey, enrolled.centreCode]);
        during.compare = () => void other.query('COMMIT');
        refused = await confirm();
      } finally {
        other.release();
      }
    } else {
      during.compare = () => county.database.sqlite.prepare(swap.replace(/\$\d/g, '?')).run(newKey, enrolled.centreCode);
      refused = await confirm();
    }
    expect(during.compare).toBeNull(); // the swap ran
    expect(refused.error).toMatchObject({ code: 'CONFLICT', message: `${enrolled.name} 的登记密钥在核对期间被换掉了，请重新核对指纹` });
    // On SQLite the swap ran inside the refused transaction and went with it; on PostgreSQL it is another connection's
    // committed write, so the new key stays, pending.
    const oldKey = (JSON.parse(registration.text) as { publicKey: string }).publicKey;
    const rows = await county.query('SELECT state, public_key FROM county_centres WHERE centre_code = ?', enrolled.centreCode);
    expect(rows).toEqual([{ state: 'pending', public_key: county.store === 'postgres' ? newKey : oldKey }]);
    if (county.store === 'postgres') {
      // The key now there is confirmed only with its own fingerprint.
      expect((await confirm()).error?.code).toBe('INVALID_INPUT');
      expect((await county.call('county.confirmCentre', { centreCode: enrolled.centreCode, fingerprint: fingerprint(newKey) })).state).toBe('confirmed');
    } else {
      // Checked again without a swap, the key is confirmed.
      expect((await county.call('county.confirmCentre', { centreCode: enrolled.centreCode, fingerprint: registration.fingerprint })).state).toBe('confirmed');
    }
  });
});
