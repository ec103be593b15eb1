// API of the handover module (交接班): the summary made at shift end, confirmed and added to by the caregiver,
// accepted by the next shift with its own sign-in; unaccepted ones are flagged.
import { z } from 'zod';
import { RESIDENT_STATUSES } from '../domain/enums';
import { Done, calendarDate, dateRange, entityId, optionalText, requestId } from './fields';
import { method } from './method';
import { CARE_RECORDERS } from './care';

/** What the next shift must know about one resident. */
export const HandoverResident = z.object({
  name: z.string(),
  bedLabel: z.string().nullable(),
  /** 外出/住院…, or null when in the centre. */
  away: z.enum(RESIDENT_STATUSES).nullable(),
  incidents: z.array(z.string()),
  notDone: z.array(z.string()),
  unrecorded: z.array(z.string()),
  notes: z.array(z.string()),
  tasksDone: z.number(),
});
export type HandoverResident = z.output<typeof HandoverResident>;

export const HandoverCounts = z.object({
  residents: z.number(),
  incidents: z.number(),
  notDone: z.number(),
  unrecorded: z.number(),
  tasksDone: z.number(),
  away: z.number(),
  notes: z.number(),
  rounds: z.number(),
});

export const HandoverSummary = z.object({
  incidents: z.array(z.string()),
  tasksNotDone: z.array(z.string()),
  away: z.array(z.string()),
  notes: z.array(z.string()),
  roundsText: z.string(),
  /** Grouped by resident, those with incidents first, then anything to hand over; summaries made before
   * issue 13 have only the flat lists above. */
  residents: z.array(HandoverResident).default([]),
  counts: HandoverCounts.nullable().default(null),
});
export type HandoverSummary = z.output<typeof HandoverSummary>;

export const HandoverDraft = z.object({
  summary: HandoverSummary,
  /** Minutes until the shift ends (negative after it). */
  minutesLeft: z.number(),
  /** The setting: handing over earlier than this before the end asks for a reason. */
  earlyLimitMinutes: z.number(),
  needsReason: z.boolean(),
});
export type HandoverDraft = z.output<typeof HandoverDraft>;

export const HandoverRow = z.object({
  id: z.string(),
  shiftId: z.string(),
  shiftDate: z.string(),
  shiftName: z.string(),
  hoursText: z.string(),
  fromName: z.string(),
  areaText: z.string(),
  summary: HandoverSummary,
  notes: z.string(),
  /** Why it was handed over well before the end; '' when on time. */
  earlyReason: z.string(),
  submittedAt: z.string(),
  acceptedBy: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  acceptNote: z.string().nullable(),
  /** Not accepted although the next shift has begun. */
  flagged: z.boolean(),
});
export type HandoverRow = z.output<typeof HandoverRow>;

const ShiftRef = z.object({ shiftId: entityId('班次'), shiftDate: calendarDate('班次日期') });

export const handoverApi = {
  'handover.draft': method({ input: ShiftRef, output: HandoverDraft, roles: CARE_RECORDERS, writes: false }),
  'handover.submit': method({
    input: ShiftRef.extend({ requestId: requestId('请求'), notes: optionalText('补充交代', 1000), earlyReason: optionalText('提前交班原因', 200) }),
    output: z.object({ id: z.string(), repeated: z.boolean() }),
    roles: CARE_RECORDERS,
    writes: true,
  }),
  /** Handovers the caller's current shift may accept. */
  'handover.pending': method({ input: z.object({}), output: z.array(HandoverRow), roles: CARE_RECORDERS, writes: false }),
  'handover.accept': method({ input: z.object({ id: entityId('交班记录'), note: optionalText('接班说明', 500) }), output: Done, roles: CARE_RECORDERS, writes: true }),
  'handover.list': method({
    input: z.object(dateRange()),
    output: z.array(HandoverRow),
    roles: ['admin', 'care_lead'],
    writes: false,
  }),
};
