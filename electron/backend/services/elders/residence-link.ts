// The register follows the centre's own admissions and discharges (issue 17: "admission starts from the register and
// keeps the link"): an elder on the register who is admitted (matched by ID number) is marked 已入住本院 from the
// admission day and linked to the resident file; on discharge, the linked elder goes home again (退住), is marked
// 已去世, or 已迁出 (moved to a hospital or another institution) — in the same action as the admission or discharge, so
// the register never says someone is at home while they live in the centre.
import type { DischargeReason } from '@shared/domain/enums';
import type { ElderStatus } from '@shared/domain/elders/vocab';
import type { WriteContext } from '../../audit';

/** Links the elder with this ID number, if one is at home on the register, to the resident admitted today. */
export async function linkAdmission(ctx: WriteContext, resident: { id: string; idNumber: string }, admittedOn: string) {
  const elder = await ctx.trx.selectFrom('elders').select(['id', 'status', 'statusOn', 'residentId']).where('idNumber', '=', resident.idNumber).executeTakeFirst();
  if (!elder || elder.status !== 'at_home') return;
  const after = { status: 'in_centre' as const, statusOn: admittedOn, residentId: resident.id };
  await ctx.trx.updateTable('elders').set({ ...after, ...ctx.stampUpdate() }).where('id', '=', elder.id).execute();
  await ctx.audit({ action: 'update', entity: 'elders', entityId: elder.id, before: { status: elder.status, statusOn: elder.statusOn, residentId: elder.residentId }, after });
  // Meal aid is for elders at home: it stops the day they move in.
  const enrolment = await ctx.trx.selectFrom('mealAidDiners').select(['id', 'leftOn']).where('elderId', '=', elder.id).executeTakeFirst();
  if (enrolment && (enrolment.leftOn === null || enrolment.leftOn > admittedOn)) {
    await ctx.trx.updateTable('mealAidDiners').set({ leftOn: admittedOn, ...ctx.stampUpdate() }).where('id', '=', enrolment.id).execute();
    await ctx.audit({ action: 'update', entity: 'mealAidDiners', entityId: enrolment.id, before: { leftOn: enrolment.leftOn }, after: { leftOn: admittedOn } });
  }
}

/** The linked elder's status after a discharge with this reason. */
const AFTER_DISCHARGE: Record<DischargeReason, ElderStatus> = { moved_out: 'at_home', death: 'died', hospital_transfer: 'moved_away', other_institution: 'moved_away' };

export async function linkDischarge(ctx: WriteContext, residentId: string, dischargedOn: string, reason: DischargeReason) {
  const elder = await ctx.trx.selectFrom('elders').select(['id', 'status', 'statusOn']).where('residentId', '=', residentId).where('status', '=', 'in_centre').executeTakeFirst();
  if (!elder) return;
  const status = AFTER_DISCHARGE[reason];
  const after = { status, statusOn: status === 'at_home' ? null : dischargedOn };
  await ctx.trx.updateTable('elders').set({ ...after, ...ctx.stampUpdate() }).where('id', '=', elder.id).execute();
  await ctx.audit({ action: 'update', entity: 'elders', entityId: elder.id, before: { status: elder.status, statusOn: elder.statusOn }, after: { ...after, discharge: reason, dischargedOn } });
}
