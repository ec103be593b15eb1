// The 特困 tier belongs to the county, end to end on real SQLite files through the real dispatcher: the centre's
// proposal travels in the monthly package, the county clerk answers it, the county's signed answer file comes back
// and the centre applies it once; forged, foreign and damaged files are refused and change nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edPrivateToX, edPublicToX, checkFromCounty, signForCentre } from '../../electron/backend/services/tier/answer-seal';
import { generateEncryptionKeys, generateSigningKeys } from '../../electron/backend/package/keys';
import { ADMIN, type TestBackend, openTestBackend, tempDir } from '../helpers/backend';
import { admission, person, smallCentre } from '../helpers/centre';
import { validIdNumber } from '../helpers/ids';
import { linkCentreToCounty } from '../helpers/county-link';

let centre: TestBackend;
let county: TestBackend;
let residentId: string;
let otherId: string;
const usb = tempDir('tc-tier-usb-');
const CENTRE_CODE = '320102001000';

/** A jump of the clock locks the screen, as in the app: sign in again. */
async function setDay(b: TestBackend, iso: string) {
  b.clock.set(iso);
  await b.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
}
const indicators = { eat: true, dress: true, bed: true, toilet: false, walk: false, bathe: true };

async function exportMonth(period: string) {
  const { jobId } = await centre.call('sync.export', { period, folder: usb, correctionReason: null });
  for (;;) {
    const job = await centre.call('sync.job', { jobId });
    if (job.done) {
      if (job.error) throw new Error(job.error);
      return { name: job.result!.fileName, bytes: fs.readFileSync(path.join(usb, job.result!.fileName)) };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function importFile(file: { name: string; bytes: Uint8Array }) {
  const staged = await county.call('county.stage', { batchId: null, files: [{ name: file.name, base64: Buffer.from(file.bytes).toString('base64') }] });
  const { jobId } = await county.call('county.apply', { batchId: staged.batchId });
  for (;;) {
    const job = await county.call('county.job', { jobId });
    if (job.done) return job.reports;
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  centre = await openTestBackend();
  const { bed } = await smallCentre(centre);
  residentId = (await centre.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) })).id;
  otherId = (await centre.call('residents.admit', { person: person({ name: '李四', idNumber: validIdNumber('1945-07-01', '003') }), admission: admission(bed('101', '2'), { agreementNo: 'XY-2026-002' }) })).id;
  county = await openTestBackend(tempDir(), { county: { code: '320102', name: '测试县' } });
  await linkCentreToCounty(centre, county);
}, 120_000);
afterAll(async () => {
  await centre.close();
  await county.close();
});

describe('the answer signature', () => {
  it('checks with the keys compared by phone, and with nothing else', () => {
    const centreKeys = generateSigningKeys();
    const countyKeys = generateEncryptionKeys();
    const body = '{"answers":[]}';
    const signature = signForCentre(body, countyKeys.privateKey, centreKeys.publicKey);
    expect(checkFromCounty(body, signature, centreKeys.privateKey, countyKeys.publicKey)).toBe(true);
    expect(checkFromCounty(`${body} `, signature, centreKeys.privateKey, countyKeys.publicKey)).toBe(false);
    expect(checkFromCounty(body, signature, generateSigningKeys().privateKey, countyKeys.publicKey)).toBe(false);
    expect(checkFromCounty(body, signature, centreKeys.privateKey, generateEncryptionKeys().publicKey)).toBe(false);
    expect(checkFromCounty(body, 'AAAA', centreKeys.privateKey, countyKeys.publicKey)).toBe(false);
    // The key conversion agrees with itself: the private key's public half is the converted public key.
    expect(edPublicToX(centreKeys.publicKey)).toHaveLength(44);
    expect(edPrivateToX(centreKeys.privateKey)).toHaveLength(44);
  });
});

describe('the centre: proposal and decision', () => {
  it('shows a proposal as 待认定 until the county decides', async () => {
    expect((await centre.call('tier.overview', { residentId })).status).toBe('none');
    await centre.call('tier.record', { residentId, assessedOn: '2026-03-02', indicators, assessor: '李评估', note: '' });
    const o = await centre.call('tier.overview', { residentId });
    expect(o).toMatchObject({ status: 'proposed', tier: 'partly_lost', decidedOn: null });
    expect(o.proposals[0]).toMatchObject({ answer: null, sentOn: null, overdue: false });
  });

  it('refuses a decision entered by hand with what is missing named, and writes nothing', async () => {
    const [proposal] = await centre.call('tier.list', { residentId });
    const { session } = await centre.signInAs('care_lead');
    const before = centre.count('audit_log');
    const base = { residentId, proposalId: proposal.id, outcome: 'confirmed' as const, decidedOn: '2026-03-10', documentNo: '测民〔2026〕5号', tier: 'partly_lost' as const, careTier: 2 as const, reason: '县民政局纸质通知' };
    expect((await centre.raw('tier.decide', { ...base, documentNo: '' })).error?.message).toBe('认定时请填写县民政局的文号');
    expect((await centre.raw('tier.decide', { ...base, tier: null })).error?.message).toBe('认定时请选择县民政局认定的自理能力类别');
    expect((await centre.raw('tier.decide', { ...base, decidedOn: '2026-03-16' })).error?.message).toBe('认定日期（2026-03-16）不能晚于今天（2026-03-15）');
    expect((await centre.raw('tier.decide', { ...base, decidedOn: '2026-03-01' })).error?.message).toBe('认定日期（2026-03-01）不能早于机构评估日期（2026-03-02）');
    expect((await centre.raw('tier.decide', { ...base, outcome: 'rejected' })).error?.message).toBe('不予认定时不填类别和照料护理档次');
    expect((await centre.raw('tier.decide', { ...base, reason: '' })).error?.code).toBe('INVALID_INPUT');
    expect((await centre.raw('tier.decide', { ...base, careTier: 4 as never })).error?.message).toBe('照料护理标准档次只能是一档、二档或三档');
    expect((await centre.raw('tier.decide', base, session)).error?.code).toBe('FORBIDDEN');
    expect(centre.count('tier_decisions')).toBe(0);
    expect(centre.count('audit_log')).toBe(before);
  });

  it('takes a decision from the paper document as official, audited, and shows when it differs', async () => {
    // 李四: an older decision on paper, with no proposal behind it.
    await centre.call('tier.decide', { residentId: otherId, proposalId: null, outcome: 'confirmed', decidedOn: '2025-06-01', documentNo: '测民〔2025〕9号', tier: 'fully_lost', careTier: 3, reason: '入院前县里已认定' });
    const o = await centre.call('tier.overview', { residentId: otherId });
    expect(o).toMatchObject({ status: 'official', tier: 'fully_lost', careTier: 3, decidedOn: '2025-06-01', documentNo: '测民〔2025〕9号', differs: false });
    const audit = centre.database.sqlite.prepare("SELECT actor, action, after FROM audit_log WHERE entity = 'tierDecisions'").get() as { actor: string; action: string; after: string };
    expect(audit).toMatchObject({ actor: '王院长', action: 'record' });
    expect(JSON.parse(audit.after)).toMatchObject({ reason: '入院前县里已认定', source: 'paper' });
    // Records: the database itself refuses to change or delete one.
    expect(() => centre.database.sqlite.prepare('DELETE FROM tier_decisions').run()).toThrow(/never deleted/);
  });
});

describe('the round trip through the county', () => {
  it('carries the proposal in the package; the county lists it with the ID masked and the days waiting', async () => {
    await setDay(centre, '2026-04-01T02:00:00.000Z');
    await setDay(county, '2026-04-02T02:00:00.000Z'); // a Thursday
    const reports = await importFile(await exportMonth('2026-03'));
    expect(reports[0].outcome).toBe('accepted');
    const { rows } = await county.call('tier.countyProposals', {});
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ centreCode: CENTRE_CODE, centreName: '测试镇敬老院', residentId, residentName: '张三', proposedOn: '2026-03-02', tier: 'partly_lost', receivedOn: '2026-04-02', workingDaysWaiting: 0, overdue: false, answer: null });
    expect(rows[0].indicatorsNotMet).toEqual(['自主如厕', '室内自主行走']);
    expect(rows[0].idNumberMasked).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    // The centre sees when it went out.
    expect((await centre.call('tier.list', { residentId }))[0]).toMatchObject({ sentOn: '2026-04-01', overdue: false });
  });

  it('shows it overdue on both sides after more than 10 working days', async () => {
    await setDay(county, '2026-04-16T02:00:00.000Z'); // 10 working days after Thursday 2 April
    expect((await county.call('tier.countyProposals', {})).rows[0]).toMatchObject({ workingDaysWaiting: 10, overdue: false });
    await setDay(county, '2026-04-17T02:00:00.000Z');
    expect((await county.call('tier.countyProposals', {})).rows[0]).toMatchObject({ workingDaysWaiting: 11, overdue: true });
    await setDay(centre, '2026-04-16T02:00:00.000Z'); // 11 working days after Wednesday 1 April
    expect((await centre.call('tier.list', { residentId }))[0].overdue).toBe(true);
    expect(await centre.call('tier.waiting', {})).toEqual([{ residentId, name: '张三', proposedOn: '2026-03-02', tier: 'partly_lost', sentOn: '2026-04-01', overdue: true }]);
    // Unanswered, it is carried again in April's package.
    const { tierProposalsForMonth } = await import('../../electron/backend/services/tier/for-package');
    expect((await tierProposalsForMonth({ db: centre.database.db, clock: centre.clock }, '2026-04')).map((p) => [p.residentId, p.proposedOn, p.previousTier])).toEqual([[residentId, '2026-03-02', null]]);
  });

  it('lets the clerk answer once, with the tier and 文号, refusing a rejection without a reason', async () => {
    const answer = { centreCode: CENTRE_CODE, proposalId: (await county.call('tier.countyProposals', {})).rows[0].proposalId };
    expect((await county.raw('tier.countyAnswer', { ...answer, outcome: 'rejected', decidedOn: '2026-04-16', documentNo: '', reason: '' })).error?.message).toBe('不予认定时请写明理由');
    expect((await county.raw('tier.countyAnswer', { ...answer, proposalId: 'nope-0000', outcome: 'rejected', decidedOn: '2026-04-16', documentNo: '', reason: 'x' })).error?.code).toBe('INVALID_INPUT');
    const viewer = await county.signInAs('county_viewer');
    expect((await county.raw('tier.countyAnswer', { ...answer, outcome: 'confirmed', decidedOn: '2026-04-16', documentNo: '测民〔2026〕12号', tier: 'fully_lost', careTier: 3, reason: '' }, viewer.session)).error?.code).toBe('FORBIDDEN');
    expect(await county.countRows('county_tier_answers')).toBe(0);
    await county.call('tier.countyAnswer', { ...answer, outcome: 'confirmed', decidedOn: '2026-04-16', documentNo: '测民〔2026〕12号', tier: 'fully_lost', careTier: 3, reason: '复核：洗澡也需帮助' });
    expect((await county.raw('tier.countyAnswer', { ...answer, outcome: 'rejected', decidedOn: '2026-04-16', documentNo: '', reason: '再答' })).error?.message).toContain('答复过');
    expect((await county.call('tier.countyProposals', {})).rows[0]).toMatchObject({ overdue: false, answer: { outcome: 'confirmed', tier: 'fully_lost', careTier: 3, createdBy: '王院长' } });
    // The answer is in the county's audit log, readable there (its ids are not taken for beds: a county on PostgreSQL has none).
    const audit = await county.call('audit.search', { entity: 'countyTierAnswers' });
    expect(audit.total).toBe(1);
    expect(audit.rows[0]).toMatchObject({ actor: '王院长', action: 'record' });
    expect(audit.rows[0].changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'proposalId', after: answer.proposalId })]));
    expect((await county.call('audit.export', { entity: 'countyTierAnswers' })).base64.length).toBeGreaterThan(0);
  });

  it('sends the answer back in a signed file the centre applies once; the decision differs from the proposal', async () => {
    const file = await county.call('tier.answerFile', { centreCode: CENTRE_CODE });
    expect(file).toMatchObject({ fileName: `县级答复-${CENTRE_CODE}-2026-04-17.json`, answers: 1 });
    expect(await centre.call('tier.importAnswers', { fileName: file.fileName, text: file.text })).toEqual({ countyName: '测试县', applied: 1, already: 0 });
    const o = await centre.call('tier.overview', { residentId });
    expect(o).toMatchObject({ status: 'official', tier: 'fully_lost', careTier: 3, documentNo: '测民〔2026〕12号', differs: true, pending: null });
    expect(o.proposals[0]).toMatchObject({ overdue: false, answer: { outcome: 'confirmed', tier: 'fully_lost' } });
    expect(o.decisions[0].source).toBe('county_answer');
    expect(await centre.call('tier.waiting', {})).toEqual([]);
    // Again: harmless.
    expect(await centre.call('tier.importAnswers', { fileName: file.fileName, text: file.text })).toEqual({ countyName: '测试县', applied: 0, already: 1 });
    expect(centre.count('tier_decisions')).toBe(2);
  });

  it('reports the official tier and no longer carries an answered proposal in the next package', async () => {
    const { tierProposalsForMonth, officialTiersAt } = await import('../../electron/backend/services/tier/for-package');
    const deps = { db: centre.database.db, clock: centre.clock };
    expect((await tierProposalsForMonth(deps, '2026-04')).map((p) => p.id)).toEqual([]);
    expect((await tierProposalsForMonth(deps, '2026-03')).map((p) => p.residentId)).toEqual([residentId]);
    expect((await officialTiersAt(centre.database.db, '2026-04-30')).get(residentId)).toMatchObject({ tier: 'fully_lost', careTier: 3 });
    expect((await officialTiersAt(centre.database.db, '2026-04-15')).get(residentId)).toBeUndefined();
  });

  it('refuses forged, foreign and damaged answer files with their own messages, writing nothing', async () => {
    const file = await county.call('tier.answerFile', { centreCode: CENTRE_CODE });
    const envelope = JSON.parse(file.text) as { body: string; signature: string };
    const body = JSON.parse(envelope.body) as { centreCode: string; countyCode: string; answers: { tier: string }[] };
    const before = centre.count('audit_log');
    const refuse = async (text: string) => (await centre.raw('tier.importAnswers', { fileName: 'x.json', text })).error?.message;
    expect(await refuse('not json')).toContain('不是 JSON');
    expect(await refuse('{"type":"township-care-county-key"}')).toContain('这不是县级答复文件');
    const forged = JSON.stringify({ ...envelope, body: JSON.stringify({ ...body, answers: body.answers.map((a) => ({ ...a, tier: 'self_sufficient' })) }) });
    expect(await refuse(forged)).toContain('签名核对不上');
    expect(await refuse(JSON.stringify({ ...envelope, body: JSON.stringify({ ...body, centreCode: '320102009000' }) }))).toContain('不是本院的');
    expect(await refuse(JSON.stringify({ ...envelope, body: JSON.stringify({ ...body, countyCode: '411422', countyName: '睢县' }) }))).toContain('不是本院所属的测试县发的');
    expect(await refuse(JSON.stringify({ ...envelope, body: '{' }))).toContain('已损坏');
    // Signed by another county key for this centre: refused as not from the confirmed key.
    const stranger = generateEncryptionKeys();
    expect(await refuse(JSON.stringify({ ...envelope, signature: signForCentre(envelope.body, stranger.privateKey, generateSigningKeys().publicKey) }))).toContain('签名核对不上');
    expect(centre.count('audit_log')).toBe(before);
    expect(centre.count('tier_decisions')).toBe(2);
  });
});

describe('a newer proposal before the answer', () => {
  it('supersedes the older one on both sides: only the newer is carried, waited on and shown overdue', async () => {
    const propose = async (assessedOn: string, walk: boolean) => (await centre.call('tier.record', { residentId: otherId, assessedOn, indicators: { ...indicators, walk }, assessor: '李评估', note: '' })).id;
    const sendMonth = async (period: string, centreDay: string, countyDay: string) => {
      await setDay(centre, centreDay);
      await setDay(county, countyDay);
      expect((await importFile(await exportMonth(period)))[0].outcome).toBe('accepted');
    };
    await setDay(centre, '2026-04-20T02:00:00.000Z');
    const older = await propose('2026-04-20', false);
    await sendMonth('2026-04', '2026-05-01T02:00:00.000Z', '2026-05-04T02:00:00.000Z');
    await setDay(centre, '2026-05-06T02:00:00.000Z');
    const newer = await propose('2026-05-06', true);
    await sendMonth('2026-05', '2026-06-01T02:00:00.000Z', '2026-06-02T02:00:00.000Z');
    const { tierProposalsForMonth } = await import('../../electron/backend/services/tier/for-package');
    expect((await tierProposalsForMonth({ db: centre.database.db, clock: centre.clock }, '2026-05')).map((p) => p.id)).toEqual([newer]);
    const rows = (await county.call('tier.countyProposals', {})).rows.filter((r) => r.residentId === otherId);
    expect(rows.map((r) => [r.proposalId, r.superseded, r.overdue])).toEqual([
      [newer, false, false],
      [older, true, false],
    ]);
    expect(rows[0]).toMatchObject({ currentTier: 'fully_lost', receivedOn: '2026-06-02' });
    await setDay(centre, '2026-06-20T02:00:00.000Z');
    expect((await centre.call('tier.list', { residentId: otherId })).map((p) => [p.id, p.overdue])).toEqual([
      [newer, true],
      [older, false],
    ]);
  });
});


describe('a resident who is not 特困', () => {
  it("shows the six-indicator result as the centre's own assessment: not awaiting the county, never overdue, not waited for", async () => {
    await setDay(centre, '2026-06-20T02:00:00.000Z');
    const bedId = (await centre.call('facility.bedMap', {})).rooms.find((r) => r.name === '102')!.beds[0].id;
    const selfPay = (
      await centre.call('residents.admit', {
        person: person({ name: '王五', idNumber: validIdNumber('1946-03-01', '005'), primaryCategory: 'self_pay' }),
        admission: admission(bedId, { agreementNo: 'XY-2026-003', date: '2026-06-01' }),
      })
    ).id;
    expect((await centre.call('tier.overview', { residentId: selfPay })).status).toBe('none');
    await centre.call('tier.record', { residentId: selfPay, assessedOn: '2026-06-02', indicators, assessor: '李评估', note: '' });
    // Exports went out and far more than 10 working days pass: still nobody waits on the county for 王五.
    await setDay(centre, '2026-07-01T02:00:00.000Z');
    await exportMonth('2026-06');
    await setDay(centre, '2026-08-01T02:00:00.000Z');
    const o = await centre.call('tier.overview', { residentId: selfPay });
    expect(o).toMatchObject({ tekun: false, status: 'own', tier: 'partly_lost', decidedOn: null, pending: null });
    expect(o.proposals[0]).toMatchObject({ answer: null, sentOn: null, overdue: false });
    expect((await centre.call('tier.waiting', {})).map((w) => w.residentId)).not.toContain(selfPay);
    // A 特困 resident's overview says so.
    expect((await centre.call('tier.overview', { residentId })).tekun).toBe(true);
  });
});
