// Mutual aid in the package (format 4, issue 18): the helpers with a pair or an activity in the month (kind, village,
// whether they are on the register — no name or phone), the pairs open at some time in the month, the month's
// activities with their minutes as they stand at export (a void after the month is reported), and the 老年协会 activities with how many came. Points of
// the time bank stay at the centre. Pairs and activities with an elder are kept only for elders the register carries.
import { monthRange } from '@shared/domain/sync/period';
import type { SectionRecord } from '@shared/domain/sync/sections';
import type { BackendDeps } from '../../deps';

type Sections = {
  aid_helpers: SectionRecord<'aid_helpers'>[];
  aid_pairs: SectionRecord<'aid_pairs'>[];
  aid_activities: SectionRecord<'aid_activities'>[];
  association_activities: SectionRecord<'association_activities'>[];
};

export async function mutualaidSections(deps: BackendDeps, period: string, elderIds: ReadonlySet<string>): Promise<Sections> {
  const { first, last, toInstant } = monthRange(period);
  const db = deps.db;
  const [pairs, activities, associations] = await Promise.all([
    db
      .selectFrom('aidPairs')
      .select(['id', 'helperId', 'elderId', 'since', 'endedOn'])
      .where('since', '<=', last)
      .where((eb) => eb.or([eb('endedOn', 'is', null), eb('endedOn', '>=', first)]))
      .orderBy('id')
      .execute(),
    db
      .selectFrom('aidActivities')
      .select(['id', 'helperId', 'elderId', 'kind', 'doneOn', 'minutes', 'voidedAt'])
      .where('doneOn', '>=', first)
      .where('doneOn', '<=', last)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('associationActivities')
      .select([
        'id',
        'villageId',
        'heldOn',
        'cancelledAt',
        (eb) =>
          eb
            .selectFrom('associationAttendance')
            .select((a) => a.fn.countAll<number>().as('n'))
            .whereRef('associationAttendance.activityId', '=', 'associationActivities.id')
            .where((a) => a.or([a('associationAttendance.removedAt', 'is', null), a('associationAttendance.removedAt', '>=', toInstant)]))
            .as('attendance'),
      ])
      .where('heldOn', '>=', first)
      .where('heldOn', '<=', last)
      .orderBy('id')
      .execute(),
  ]);
  const keptPairs = pairs.filter((p) => elderIds.has(p.elderId));
  const keptActivities = activities.filter((a) => a.elderId === null || elderIds.has(a.elderId));
  const helperIds = [...new Set([...keptPairs.map((p) => p.helperId), ...keptActivities.map((a) => a.helperId)])];
  const helpers = helperIds.length === 0 ? [] : await db.selectFrom('visitHelpers').select(['id', 'kind', 'villageId', 'elderId']).where('id', 'in', helperIds).orderBy('id').execute();
  return {
    aid_helpers: helpers.map((h) => ({ id: h.id, kind: h.kind, villageId: h.villageId, onRegister: h.elderId !== null })),
    aid_pairs: keptPairs.map((p) => ({ id: p.id, helperId: p.helperId, elderId: p.elderId, since: p.since, endedOn: p.endedOn !== null && p.endedOn <= last ? p.endedOn : null })),
    aid_activities: keptActivities.map((a) => ({ id: a.id, helperId: a.helperId, elderId: a.elderId, kind: a.kind, doneOn: a.doneOn, minutes: a.minutes, voided: a.voidedAt !== null })),
    association_activities: associations.map((a) => ({
      id: a.id,
      villageId: a.villageId,
      heldOn: a.heldOn,
      attendance: Number(a.attendance ?? 0),
      cancelled: a.cancelledAt !== null && a.cancelledAt < toInstant,
    })),
  };
}
