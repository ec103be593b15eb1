// API of the medication module, round part (issue 19): the doses due on the caller's shift, recording a dose (given,
// refused, held, not available; a second person's PIN for 高警示 drugs; 按需 doses with their reason and later effect),
// corrections by amendment, and a resident's monthly administration record.
import { z } from 'zod';
import { RESIDENT_STATUSES } from '../domain/enums';
import { DOSE_OUTCOMES, DOSE_UNITS, DRUG_FORMS, FREQUENCIES, HIGH_ALERT_CLASSES, MEAL_RELATIONS, ROUTES, SUPPLIES } from '../domain/medication/vocab';
import { PIN_PATTERN } from './auth';
import { ShiftInstance } from './care';
import { Done, ExcelFile, calendarDate, entityId, instant, oneOf, optionalText, requestId as requestIdField, requiredText, yearMonth } from './fields';
import { method } from './method';
import { MEDICATION_GIVERS, MEDICATION_READERS } from './medication-roles';

const requestId = requestIdField('提交', '缺少提交编号');

/** What a scheduled dose looks like on the round: not yet recorded, or its latest record's outcome. */
export const DOSE_STATES = ['pending', ...DOSE_OUTCOMES] as const;
export type DoseState = (typeof DOSE_STATES)[number];

const DrugFacts = {
  orderId: z.string(),
  drugName: z.string(),
  strength: z.string(),
  form: z.enum(DRUG_FORMS),
  unit: z.enum(DOSE_UNITS),
  doseCenti: z.number(),
  route: z.enum(ROUTES),
  mealRelation: z.enum(MEAL_RELATIONS),
  supply: z.enum(SUPPLIES),
  note: z.string(),
  highAlert: z.enum(HIGH_ALERT_CLASSES),
  /** The drug's class is one the settings ask a second person's PIN for. */
  needsSecondCheck: z.boolean(),
};

export const DoseRecord = z.object({
  doseId: z.string(),
  outcome: z.enum(DOSE_OUTCOMES),
  reason: z.string(),
  givenAt: z.string(),
  recordedBy: z.string(),
  recordedById: z.string(),
  checkerName: z.string().nullable(),
  lateMinutes: z.number().nullable(),
  /** This record corrects an earlier one (the earlier one is shown struck through). */
  amended: z.boolean(),
  amendReason: z.string().nullable(),
  prnEffect: z.string().nullable(),
  prnEffectAt: z.string().nullable(),
  prnEffectBy: z.string().nullable(),
});
export type DoseRecord = z.output<typeof DoseRecord>;

export const ScheduledDose = z.object({
  ...DrugFacts,
  dueAt: z.string(),
  slot: z.string(),
  date: z.string(),
  state: z.enum(DOSE_STATES),
  /** The latest record of this dose, when there is one. */
  record: DoseRecord.nullable(),
  /** Earlier records it corrected, oldest first (struck through). */
  superseded: z.array(DoseRecord),
  /** Pending past its time plus the allowed delay. */
  overdue: z.boolean(),
  /** Too early to record now (more than the allowed minutes before its time). */
  tooEarly: z.boolean(),
});
export type ScheduledDose = z.output<typeof ScheduledDose>;

export const PrnOrder = z.object({
  ...DrugFacts,
  indication: z.string(),
  maxPerDay: z.number(),
  /** 按需 doses given today (China date), against maxPerDay. */
  givenToday: z.number(),
  /** Today's 按需 records (latest of each), newest first. */
  doses: z.array(DoseRecord),
});
export type PrnOrder = z.output<typeof PrnOrder>;

export const ResidentDoses = z.object({
  residentId: z.string(),
  name: z.string(),
  bedLabel: z.string().nullable(),
  status: z.enum(RESIDENT_STATUSES),
  /** In residence: on leave or in hospital the doses are shown greyed, not to be given. */
  present: z.boolean(),
  allergies: z.string(),
  doses: z.array(ScheduledDose),
  prn: z.array(PrnOrder),
});
export type ResidentDoses = z.output<typeof ResidentDoses>;

export const ShiftDoses = z.object({
  shift: ShiftInstance.nullable(),
  /** Why there is no shift (not on the roster now, account not linked). */
  message: z.string().nullable(),
  residents: z.array(ResidentDoses),
  totals: z.object({ due: z.number(), recorded: z.number(), overdue: z.number() }),
  /** The time of the earliest dose still to give ('HH:MM'), null when none is left. */
  next: z.string().nullable(),
  now: z.string(),
});
export type ShiftDoses = z.output<typeof ShiftDoses>;

export const ResidentDosesQuery = z.object({ residentId: entityId('老人'), shiftId: entityId('班次'), shiftDate: calendarDate('班次日期') });
export const ResidentDosesOut = z.object({ shift: ShiftInstance, resident: ResidentDoses, now: z.string() });
export type ResidentDosesOut = z.output<typeof ResidentDosesOut>;

/** The second person's check of a 高警示 dose: who (picked from a list) and their PIN. */
export const Checker = z.object({
  userId: entityId('核对人'),
  pin: z.string({ error: '请核对人输入6位PIN码' }).regex(PIN_PATTERN, { error: '请核对人输入6位PIN码' }),
});

export const RecordDoseInput = z
  .object({
    requestId,
    orderId: entityId('医嘱'),
    /** The scheduled time of the dose; null for a 按需 dose. */
    dueAt: instant('服药时间').nullable(),
    outcome: oneOf('服药结果', DOSE_OUTCOMES),
    /** Why refused / held / not available; for a 按需 dose, why it is given now (required). */
    reason: optionalText('原因', 200),
    checker: Checker.nullable().default(null),
  })
  .refine((v) => v.outcome !== 'held' || v.reason.length > 0, { error: '暂缓服药请写明原因（如：老人在睡觉、血糖低、医生交代）', path: ['reason'] })
  .refine((v) => v.dueAt !== null || v.reason.length > 0, { error: '按需用药请写明这次用药的原因（如：头痛、血压 170/100）', path: ['reason'] });
export type RecordDoseInput = z.input<typeof RecordDoseInput>;

export const RecordDoseOut = z.object({ id: z.string(), repeated: z.boolean(), lateMinutes: z.number().nullable() });

export const AmendDoseInput = z
  .object({
    requestId,
    doseId: entityId('服药记录'),
    outcome: oneOf('服药结果', DOSE_OUTCOMES),
    reason: optionalText('原因', 200),
    amendReason: requiredText('更正原因', 200),
    checker: Checker.nullable().default(null),
  })
  .refine((v) => v.outcome !== 'held' || v.reason.length > 0, { error: '暂缓服药请写明原因', path: ['reason'] });
export type AmendDoseInput = z.input<typeof AmendDoseInput>;

export const PrnEffectInput = z.object({ doseId: entityId('服药记录'), effect: requiredText('用药后的效果', 200) });

/** Who may check a high-alert dose: colleagues with a PIN, those on shift now first (as the PIN sign-in list). */
export const CheckerChoice = z.object({ userId: z.string(), name: z.string(), onShift: z.boolean() });

// ---- The monthly administration record (MAR)
/** A cell of the record: a dose's state, or, for a dose due and not recorded, the resident away that day ('away' on
 * leave, 'hospital' in hospital): not a missed dose. */
export const MAR_STATES = [...DOSE_STATES, 'away', 'hospital'] as const;
export type MarState = (typeof MAR_STATES)[number];

export const MarCell = z.object({
  /** The latest record's outcome; 'pending' when due and not recorded; 'away' / 'hospital' when the resident was away. */
  state: z.enum(MAR_STATES),
  doseId: z.string().nullable(),
  recordedBy: z.string(),
  checkerName: z.string().nullable(),
  late: z.boolean(),
  amended: z.boolean(),
  reason: z.string(),
});
export type MarCell = z.output<typeof MarCell>;

export const MarOrder = z.object({
  ...DrugFacts,
  frequency: z.enum(FREQUENCIES),
  prescriber: z.string(),
  startsOn: z.string(),
  /** The last day it runs (end or stop), null when open. */
  lastDay: z.string().nullable(),
  stopReason: z.string().nullable(),
  /** One line per dose time; a cell per day of the month, null when no dose is due that day. */
  slots: z.array(z.object({ slot: z.string(), cells: z.array(MarCell.nullable()) })),
});
export type MarOrder = z.output<typeof MarOrder>;

export const MonthRecord = z.object({
  resident: z.object({ id: z.string(), name: z.string(), bedLabel: z.string().nullable(), allergies: z.string(), status: z.enum(RESIDENT_STATUSES) }),
  month: z.string(),
  days: z.array(z.string()),
  orders: z.array(MarOrder),
  prn: z.array(z.object({ ...DrugFacts, indication: z.string(), maxPerDay: z.number(), doses: z.array(DoseRecord.extend({ date: z.string() })) })),
  /** The cells a name alone does not tell (拒 / 缓 / 缺, checked 核, corrected 改), by day and time: the reason, who recorded,
   * who checked, why corrected — the numbered list under each half of the printed record. */
  exceptions: z.array(
    z.object({
      date: z.string(),
      slot: z.string(),
      orderId: z.string(),
      drug: z.string(),
      state: z.enum(DOSE_OUTCOMES),
      reason: z.string(),
      recordedBy: z.string(),
      checkerName: z.string().nullable(),
      late: z.boolean(),
      amendReason: z.string().nullable(),
    }),
  ),
  /** Who recorded doses this month (the signature key of the paper record). */
  givers: z.array(z.string()),
  counts: z.object({ due: z.number(), given: z.number(), refused: z.number(), held: z.number(), notAvailable: z.number(), pending: z.number(), late: z.number(), away: z.number() }),
});
export type MonthRecord = z.output<typeof MonthRecord>;

export const MonthRecordQuery = z.object({ residentId: entityId('老人'), month: yearMonth('请选择月份') });

export const medicationRoundApi = {
  'medication.shiftDoses': method({ input: z.object({}), output: ShiftDoses, roles: MEDICATION_GIVERS, writes: false }),
  'medication.residentDoses': method({ input: ResidentDosesQuery, output: ResidentDosesOut, roles: MEDICATION_GIVERS, writes: false }),
  'medication.checkers': method({ input: z.object({}), output: z.array(CheckerChoice), roles: MEDICATION_GIVERS, writes: false }),
  'medication.recordDose': method({ input: RecordDoseInput, output: RecordDoseOut, roles: MEDICATION_GIVERS, writes: true }),
  'medication.amendDose': method({ input: AmendDoseInput, output: z.object({ id: z.string(), repeated: z.boolean() }), roles: MEDICATION_GIVERS, writes: true }),
  'medication.prnEffect': method({ input: PrnEffectInput, output: Done, roles: MEDICATION_GIVERS, writes: true }),
  'medication.monthRecord': method({ input: MonthRecordQuery, output: MonthRecord, roles: MEDICATION_READERS, writes: false }),
  'medication.exportMonthRecord': method({ input: MonthRecordQuery, output: ExcelFile, roles: MEDICATION_READERS, writes: true }),
};
