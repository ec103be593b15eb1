// The county's answer file (docs/sync-package.md §10 县级答复): every answer the county gave one centre, signed with the
// county's key for that centre (answer-seal.ts). The centre checks it and applies each answer once; importing the
// same or a later file again only adds what is new.
import { z } from 'zod';
import { conflict, invalid } from '@shared/api/errors';
import { TIERS } from '@shared/domain/assessment/tekun-tier';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import type { Platform } from '../../platform';
import { readIdentity } from '../../package/identity';
import { centreIdentity } from '../sync/centre-keys';
import { assertAnswer } from './answer-rules';
import { checkFromCounty, signForCentre } from './answer-seal';

const TYPE = 'township-care-tier-answers';

const Answer = z.object({
  id: z.string().min(1).max(64),
  proposalId: z.string().min(1).max(64),
  residentId: z.string().min(1).max(64),
  outcome: z.enum(['confirmed', 'rejected']),
  decidedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  documentNo: z.string().max(40),
  tier: z.enum(TIERS).nullable(),
  careTier: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  reason: z.string().max(200),
});
const Body = z.object({
  countyCode: z.string(),
  countyName: z.string(),
  centreCode: z.string(),
  createdAt: z.string(),
  answers: z.array(Answer).max(100_000),
});
const Envelope = z.object({ type: z.literal(TYPE), version: z.literal(1), body: z.string(), signature: z.string() });

/** County side: the answer file for one centre (audited as an export: it leaves the county's PC). */
export async function answerFile(deps: BackendDeps, caller: Caller, platform: Platform | undefined, centreCode: string) {
  const identity = await readIdentity(deps, platform);
  if (!identity || identity.mode !== 'county') throw conflict('这台电脑是敬老院用的，没有县级汇总功能');
  const centre = await deps.db.selectFrom('countyCentres').select(['name', 'publicKey', 'state', 'countyName']).where('centreCode', '=', centreCode).executeTakeFirst();
  if (!centre || centre.state !== 'confirmed') throw invalid('这家机构没有完成登记（指纹未确认），不能给它出答复文件', 'centreCode');
  const rows = await deps.db.selectFrom('countyTierAnswers').selectAll().where('centreCode', '=', centreCode).orderBy('createdAt').orderBy('id').execute();
  return writeAction(deps, caller, async (ctx) => {
    const body = JSON.stringify({
      // A prefecture's or province's store answers as the centre's own county, whose key file the centre took (issue 20).
      countyCode: identity.countyCode.length === 6 ? identity.countyCode : centreCode.slice(0, 6),
      countyName: identity.countyCode.length === 6 ? identity.countyName : centre.countyName || identity.countyName,
      centreCode,
      createdAt: ctx.at,
      answers: rows.map((a) => ({ id: a.id, proposalId: a.proposalId, residentId: a.residentId, outcome: a.outcome, decidedOn: a.decidedOn, documentNo: a.documentNo, tier: a.tier, careTier: a.careTier, reason: a.reason })),
    });
    const signature = signForCentre(body, identity.privateKey(), centre.publicKey);
    await ctx.audit({ action: 'export', entity: 'countyTierAnswers', entityId: centreCode, after: { centreCode, answers: rows.length } });
    const fileName = `县级答复-${centreCode}-${ctx.today}.json`;
    return { fileName, text: JSON.stringify({ type: TYPE, version: 1, body, signature }, null, 2), answers: rows.length };
  });
}

function parse(text: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid('这不是县级答复文件（文件内容不是 JSON，可能选错了文件或文件已损坏）', 'text');
  }
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) {
    const type = (raw as { type?: unknown } | null)?.type;
    throw invalid(type === TYPE ? '县级答复文件的版本本程序不认识，或文件已损坏' : '这不是县级答复文件（请选择县民政局发来的「县级答复-….json」）', 'text');
  }
  let body: unknown;
  try {
    body = JSON.parse(envelope.data.body);
  } catch {
    throw invalid('县级答复文件已损坏（内容读不出来）', 'text');
  }
  const parsed = Body.safeParse(body);
  if (!parsed.success) throw invalid('县级答复文件已损坏（内容不完整）', 'text');
  return { envelope: envelope.data, body: parsed.data };
}

/** Centre side: check the county's signature, then apply each answer not applied before, in one transaction. */
export async function importAnswers(deps: BackendDeps, caller: Caller, platform: Platform | undefined, text: string) {
  const { envelope, body } = parse(text);
  const county = await deps.db.selectFrom('syncCounty').selectAll().executeTakeFirst();
  if (!county || county.state !== 'confirmed') throw conflict('还没有导入并核对县民政局的公钥，无法确认答复文件是县里发的。请先在本页完成「县级公钥」');
  if (body.countyCode !== county.countyCode) throw invalid(`这是${body.countyName || body.countyCode}的答复文件，不是本院所属的${county.countyName}发的`, 'text');
  const facility = await deps.db.selectFrom('facility').select('areaCode').executeTakeFirst();
  if (!facility || body.centreCode !== facility.areaCode) throw invalid(`这份答复是发给机构 ${body.centreCode} 的，不是本院的，未导入`, 'text');
  const identity = await centreIdentity(deps, caller, platform);
  if (!checkFromCounty(envelope.body, envelope.signature, identity.privateKey(), county.publicKey)) {
    throw invalid('答复文件的签名核对不上：文件被改动过，或不是县民政局用已核对的密钥发出的。未导入任何内容', 'text');
  }
  return writeAction(deps, caller, async (ctx) => {
    let applied = 0;
    let already = 0;
    for (const a of body.answers) {
      if (await ctx.trx.selectFrom('tierDecisions').select('id').where('answerId', '=', a.id).executeTakeFirst()) {
        already += 1;
        continue;
      }
      const p = await ctx.trx.selectFrom('tierAssessments').select(['residentId', 'assessedOn']).where('id', '=', a.proposalId).executeTakeFirst();
      if (!p || p.residentId !== a.residentId) throw invalid(`答复里有一条本院没有的认定建议（${a.proposalId}），整份文件未导入`, 'text');
      // Entered by hand from the paper document already: the file's answer is the same decision, not a second one.
      if (await ctx.trx.selectFrom('tierDecisions').select('id').where('proposalId', '=', a.proposalId).executeTakeFirst()) {
        already += 1;
        continue;
      }
      assertAnswer(a, ctx.today, p.assessedOn);
      const row = { id: newId(), residentId: a.residentId, proposalId: a.proposalId, outcome: a.outcome, decidedOn: a.decidedOn, documentNo: a.documentNo, tier: a.tier, careTier: a.careTier, reason: a.reason, source: 'county_answer' as const, answerId: a.id };
      await ctx.trx.insertInto('tierDecisions').values({ ...row, ...ctx.stampNew() }).execute();
      await ctx.audit({ action: 'record', entity: 'tierDecisions', entityId: row.id, after: { ...row, countyName: body.countyName } });
      applied += 1;
    }
    return { countyName: body.countyName, applied, already };
  });
}
