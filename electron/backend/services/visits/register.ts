// What the visits module reads of the register (the elders module's tables, read directly): an elder by id for a write,
// the elders at home on a day with their 关爱等级 and groups, and each one's last visit — so the week's plan and the
// overview apply the same due rule (shared/domain/elders/visit-due.ts) to the same elders.
import { sql } from 'kysely';
import { z } from 'zod';
import { AppError, invalid } from '@shared/api/errors';
import type { ElderSettings } from '@shared/api/elders';
import { addYears } from '@shared/domain/dates';
import { groupsOn, riskLevel } from '@shared/domain/elders/risk';
import { dueCalculator } from '@shared/domain/elders/visit-due';
import { ELDER_CATEGORIES, type ElderGroup, OVER_80_AGE, type RiskLevel, type VisitKind } from '@shared/domain/elders/vocab';
import type { Executor } from '../../db/executor';
import { parseJsonColumn } from '../../db/json';

const Categories = z.array(z.enum(ELDER_CATEGORIES));

/** A visit kind packed into text by SQL (the column is CHECKed to the vocabulary). */
const asKind = (kind: string): VisitKind => kind as VisitKind;

/** An elder of the register for a write: refused with a sentence when the id is not on it. */
export async function elderForWrite(db: Executor, elderId: string) {
  const elder = await db
    .selectFrom('elders')
    .innerJoin('villages', 'villages.id', 'elders.villageId')
    .select(['elders.id', 'elders.name', 'elders.status', 'elders.statusOn', 'elders.registeredOn', 'villages.name as village'])
    .where('elders.id', '=', elderId)
    .executeTakeFirst();
  if (!elder) throw new AppError('NOT_FOUND', '农村老人名册中没有这位老人，请刷新后重试', 'elderId');
  return elder;
}

export type ElderForWrite = Awaited<ReturnType<typeof elderForWrite>>;

/** The elder must be living at home on the day: not moved away, died or moved into the centre by then. */
export function assertAtHome(elder: ElderForWrite, day: string, what: string) {
  if (elder.status !== 'at_home' && elder.statusOn !== null && elder.statusOn <= day) {
    const status = { in_centre: '入住本院', moved_away: '迁出', died: '去世' }[elder.status];
    throw invalid(`${elder.name}已于${elder.statusOn}${status}，不能登记${day}的${what}`, 'elderId');
  }
}

export interface VisitMark {
  on: string;
  kind: VisitKind;
}

export interface PlannedElder {
  id: string;
  name: string;
  nameInitials: string;
  villageId: string;
  address: string;
  phone: string;
  birthDate: string;
  level: RiskLevel;
  groups: ElderGroup[];
  registeredOn: string;
  /** The last visit (not voided) on a day before the one asked for. */
  last: VisitMark | null;
}

/**
 * The elders at home on a day: registered by then and not yet moved away, died or moved into the centre on or before
 * it, each with the last visit (not voided) on a day before `lastBefore`. Level and groups are taken on `asOf`.
 */
export async function eldersAtHome(
  db: Executor,
  settings: ElderSettings,
  at: { on: string; asOf: string; lastBefore: string },
  villageId: string | null,
): Promise<PlannedElder[]> {
  const rows = await db
    .selectFrom('elders')
    .select(['id', 'name', 'nameInitials', 'villageId', 'address', 'phone', 'birthDate', 'categories', 'criticalIllness', 'riskOverride', 'registeredOn'])
    // One index seek per elder (elder_visits_elder): the latest day, as 'YYYY-MM-DD kind'.
    .select((eb) =>
      eb
        .selectFrom('elderVisits')
        .select(sql<string>`elder_visits.visited_on || ' ' || elder_visits.kind`.as('mark'))
        .whereRef('elderVisits.elderId', '=', 'elders.id')
        .where('elderVisits.voidedAt', 'is', null)
        .where('elderVisits.visitedOn', '<', at.lastBefore)
        .orderBy('elderVisits.visitedOn', 'desc')
        .limit(1)
        .as('lastMark'),
    )
    .where('registeredOn', '<=', at.on)
    .where((eb) => eb.or([eb('status', '=', 'at_home'), eb('statusOn', '>', at.on)]))
    .$if(villageId !== null, (q) => q.where('villageId', '=', villageId!))
    .execute();
  // Many elders share their facts: the level and groups are worked out once per distinct set.
  const over80Born = addYears(at.asOf, -OVER_80_AGE);
  const known = new Map<string, { level: RiskLevel; groups: ElderGroup[] }>();
  return rows.map((r) => {
    const key = `${r.categories}|${r.birthDate <= over80Born}|${r.criticalIllness}|${r.riskOverride}`;
    let care = known.get(key);
    if (!care) {
      const facts = {
        birthDate: r.birthDate,
        categories: parseJsonColumn(Categories, r.categories, 'elders.categories'),
        criticalIllness: r.criticalIllness === 1,
        riskOverride: r.riskOverride,
      };
      care = { level: riskLevel(facts, settings.riskRules, at.asOf), groups: groupsOn(facts, at.asOf) };
      known.set(key, care);
    }
    return {
      id: r.id,
      name: r.name,
      nameInitials: r.nameInitials,
      villageId: r.villageId,
      address: r.address,
      phone: r.phone,
      birthDate: r.birthDate,
      level: care.level,
      groups: care.groups,
      registeredOn: r.registeredOn,
      last: r.lastMark ? { on: r.lastMark.slice(0, 10), kind: asKind(r.lastMark.slice(11)) } : null,
    };
  });
}

/** The visits (not voided) from one day to another, oldest first. */
export async function visitsBetween(db: Executor, from: string, to: string, villageId: string | null) {
  const rows = await db
    .selectFrom('elderVisits')
    .select(['elderVisits.elderId', 'elderVisits.visitedOn', 'elderVisits.kind'])
    .where('elderVisits.voidedAt', 'is', null)
    .where('elderVisits.visitedOn', '>=', from)
    .where('elderVisits.visitedOn', '<=', to)
    .$if(villageId !== null, (q) => q.where('elderVisits.elderId', 'in', (sub) => sub.selectFrom('elders').select('id').where('villageId', '=', villageId!)))
    .orderBy('elderVisits.visitedAt')
    .execute();
  return rows.map((r) => ({ elderId: r.elderId, on: r.visitedOn, kind: r.kind }));
}

/** The day each elder's next visit is due, counted from the last visit (or registration). */
export function dueDays(settings: ElderSettings): (elder: PlannedElder) => string {
  const due = dueCalculator(settings);
  return (elder) => due({ level: elder.level, groups: elder.groups, registeredOn: elder.registeredOn, lastVisitOn: elder.last?.on ?? null });
}
