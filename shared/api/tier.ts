// API of the tier module: the 特困 self-care tier belongs to the county (认定办法 Art. 21–22). The centre's
// six-indicator assessment is a proposal; the county's decision (date, 文号, tier, 照料护理标准档次) is recorded beside it,
// entered by the manager from the paper document or applied from the county's signed answer file. In county mode the
// clerk answers the proposals that came with the monthly packages.
import { z } from 'zod';
import { TIER_INDICATORS, TIERS } from '../domain/assessment/tekun-tier';
import { ByResident, Done, TextFile, calendarDate, entityId, optionalText, requiredText } from './fields';
import { method } from './method';
import { MANAGERS, RESIDENT_READERS, type Role } from './roles';

export const TierInput = z.object({
  residentId: entityId('老人'),
  assessedOn: calendarDate('评估日期'),
  indicators: z.object(Object.fromEntries(TIER_INDICATORS.map((i) => [i, z.boolean()])) as Record<(typeof TIER_INDICATORS)[number], z.ZodBoolean>),
  assessor: requiredText('评估人', 20),
  note: optionalText('备注', 200),
});

export const OUTCOMES = ['confirmed', 'rejected'] as const;
export const CARE_TIERS = [1, 2, 3] as const;
const careTier = z.union([z.literal(1), z.literal(2), z.literal(3)], { error: '照料护理标准档次只能是一档、二档或三档' });

export const AnswerView = z.object({
  outcome: z.enum(OUTCOMES),
  decidedOn: z.string(),
  documentNo: z.string(),
  tier: z.enum(TIERS).nullable(),
  careTier: careTier.nullable(),
  reason: z.string(),
});
export type AnswerView = z.output<typeof AnswerView>;

/** A proposal (the centre's assessment) with the county's answer, if any, and how long the county has had it. */
export const TierView = z.object({
  id: z.string(),
  assessedOn: z.string(),
  indicators: z.record(z.string(), z.boolean()),
  tier: z.enum(TIERS),
  assessor: z.string(),
  note: z.string(),
  createdBy: z.string(),
  answer: AnswerView.nullable(),
  /** When the first monthly package that carried it was exported (null: not sent yet). */
  sentOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type TierView = z.output<typeof TierView>;

export const DecisionView = AnswerView.extend({
  id: z.string(),
  proposalId: z.string().nullable(),
  source: z.enum(['paper', 'county_answer']),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type DecisionView = z.output<typeof DecisionView>;

export const TierOverview = z.object({
  /** A 特困 resident (集中 or 分散供养): only their assessments go to the county and wait for its decision. */
  tekun: z.boolean(),
  /** `own`: a resident who is not 特困 — the centre's six-indicator result is its own assessment, not sent to the county. */
  status: z.enum(['none', 'proposed', 'official', 'own']),
  /** The official tier (status official) or the pending proposal's (status proposed). */
  tier: z.enum(TIERS).nullable(),
  careTier: careTier.nullable(),
  decidedOn: z.string().nullable(),
  documentNo: z.string().nullable(),
  /** The county decided otherwise than the centre proposed. */
  differs: z.boolean(),
  /** A later proposal still waiting for the county, beside the official tier. */
  pending: z.enum(TIERS).nullable(),
  proposals: z.array(TierView),
  decisions: z.array(DecisionView),
});
export type TierOverview = z.output<typeof TierOverview>;

const answerFields = {
  outcome: z.enum(OUTCOMES, { error: '请选择认定或不予认定' }),
  decidedOn: calendarDate('认定日期'),
  documentNo: optionalText('文号', 40),
  tier: z.enum(TIERS, { error: '请选择认定的自理能力类别' }).nullable().default(null),
  careTier: careTier.nullable().default(null),
};

/** The manager enters the county's decision from the paper document. */
export const DecisionInput = z.object({
  residentId: entityId('老人'),
  proposalId: entityId('认定建议').nullable().default(null),
  ...answerFields,
  reason: requiredText('录入说明（不予认定时写县里的理由）', 200),
});

export const CountyAnswerInput = z.object({
  centreCode: z.string().trim().min(1, { error: '请选择机构' }).max(30),
  proposalId: entityId('认定建议'),
  ...answerFields,
  reason: optionalText('理由', 200),
});

export const CountyProposalRow = z.object({
  centreCode: z.string(),
  centreName: z.string(),
  proposalId: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  idNumberMasked: z.string(),
  proposedOn: z.string(),
  tier: z.enum(TIERS),
  /** The official tier the centre reported when proposing (null: none yet). */
  currentTier: z.enum(TIERS).nullable(),
  indicatorsNotMet: z.array(z.string()),
  note: z.string(),
  receivedOn: z.string(),
  workingDaysWaiting: z.number(),
  overdue: z.boolean(),
  /** A later proposal for the same person came in unanswered: this one is no longer waited on. */
  superseded: z.boolean(),
  answer: AnswerView.extend({ createdBy: z.string() }).nullable(),
});
export type CountyProposalRow = z.output<typeof CountyProposalRow>;

/** A proposal the centre is still waiting on the county for (月度报送). */
export const WaitingRow = z.object({ residentId: z.string(), name: z.string(), proposedOn: z.string(), tier: z.enum(TIERS), sentOn: z.string().nullable(), overdue: z.boolean() });
export type WaitingRow = z.output<typeof WaitingRow>;

const COUNTY_READERS: readonly Role[] = ['county_admin', 'county_viewer'];
const COUNTY_ADMINS: readonly Role[] = ['county_admin'];

export const tierApi = {
  'tier.record': method({ input: TierInput, output: Done, roles: MANAGERS, writes: true }),
  'tier.list': method({ input: ByResident, output: z.array(TierView), roles: RESIDENT_READERS, writes: false }),
  'tier.overview': method({ input: ByResident, output: TierOverview, roles: RESIDENT_READERS, writes: false }),
  'tier.waiting': method({ input: z.object({}), output: z.array(WaitingRow), roles: MANAGERS, writes: false }),
  'tier.decide': method({ input: DecisionInput, output: Done, roles: MANAGERS, writes: true }),
  'tier.importAnswers': method({
    input: z.object({ fileName: z.string().max(200), text: z.string().max(5_000_000, { error: '文件太大，不是县级答复文件' }) }),
    output: z.object({ countyName: z.string(), applied: z.number(), already: z.number() }),
    roles: MANAGERS,
    writes: true,
  }),
  'tier.countyProposals': method({ input: z.object({}), output: z.object({ allowedDays: z.number(), rows: z.array(CountyProposalRow) }), roles: COUNTY_READERS, writes: false }),
  'tier.countyAnswer': method({ input: CountyAnswerInput, output: Done, roles: COUNTY_ADMINS, writes: true }),
  'tier.answerFile': method({
    input: z.object({ centreCode: z.string().trim().min(1).max(30) }),
    output: TextFile.extend({ answers: z.number() }),
    roles: COUNTY_ADMINS,
    writes: true,
  }),
};
