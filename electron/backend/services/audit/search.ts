// Reading the audit log with filters, newest first, each entry with who/what in words and its changed fields.
import { z } from 'zod';
import type { AuditEntry, AuditQuery } from '@shared/api/audit';
import { addDays } from '@shared/domain/dates';
import { chinaInstant } from '@shared/domain/care/shifts';
import type { BackendDeps } from '../../deps';
import { bedLabels } from '../facility/places';
import { listChanges } from './changes';
import { parseJsonColumn } from '../../db/json';

type Query = z.output<typeof AuditQuery>;

/** China dates to UTC instants: the log stores ISO instants, people pick calendar days in China time. */
const startOfChinaDay = (date: string) => chinaInstant(date, '00:00').toISOString();
const endOfChinaDay = (date: string) => chinaInstant(addDays(date, 1), '00:00').toISOString();

function filtered(deps: BackendDeps, q: Query) {
  let query = deps.db.selectFrom('auditLog');
  // Case-blind for Latin letters on both stores (SQLite's LIKE is, PostgreSQL's is not): lower() on both sides.
  if (q.actor) query = query.where((eb) => eb(eb.fn('lower', ['actor']), 'like', eb.fn('lower', [eb.val(`%${q.actor.replace(/[%_\\]/g, '')}%`)])));
  if (q.entity) query = query.where('entity', '=', q.entity);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.from) query = query.where('at', '>=', startOfChinaDay(q.from));
  if (q.to) query = query.where('at', '<', endOfChinaDay(q.to));
  return query;
}

/** Names for the records the entries are about: residents (directly or through a stay event) and accounts. */
async function subjects(deps: BackendDeps, rows: { entity: string; entityId: string }[]) {
  const ids = (entity: string) => rows.filter((r) => r.entity === entity).map((r) => r.entityId);
  const names = new Map<string, string>();
  const residentIds = ids('residents');
  const eventIds = ids('stayEvents');
  const userIds = ids('users');
  if (residentIds.length) {
    for (const r of await deps.db.selectFrom('residents').select(['id', 'name']).where('id', 'in', residentIds).execute()) names.set(r.id, r.name);
  }
  if (eventIds.length) {
    const events = await deps.db
      .selectFrom('stayEvents')
      .innerJoin('residents', 'residents.id', 'stayEvents.residentId')
      .select(['stayEvents.id', 'residents.name'])
      .where('stayEvents.id', 'in', eventIds)
      .execute();
    for (const e of events) names.set(e.id, e.name);
  }
  if (userIds.length) {
    for (const u of await deps.db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', userIds).execute()) names.set(u.id, u.displayName);
  }
  return names;
}

const isBedField = (field: string) => field.toLowerCase().endsWith('bedid');
/** The values of a row's bed fields (…bedId), the only ones shown as a bed's name; other ids are never looked up as beds. */
const bedValuesOf = (value: unknown): unknown[] =>
  value !== null && typeof value === 'object' ? Object.entries(value).filter(([field]) => isBedField(field)).map(([, v]) => v) : [];

export async function auditEntries(deps: BackendDeps, q: Query, limit: number, offset: number): Promise<{ rows: AuditEntry[]; total: number }> {
  const total = Number((await filtered(deps, q).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await filtered(deps, q).selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
  const names = await subjects(deps, rows);
  // Only bed fields are looked up: a county on PostgreSQL has no beds table, and its rows carry other ids (answers, proposals).
  const bedIds = rows.flatMap((r) => [r.before, r.after].flatMap((j) => (j ? bedValuesOf(parseJsonColumn(z.unknown(), j, 'audit_log.before/after')) : [])))
    .filter((v): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v));
  const beds = await bedLabels(deps.db, bedIds);
  const lookup = (field: string, value: string) => (isBedField(field) ? beds.get(value) : undefined);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      subject: names.get(r.entityId) ?? '',
      changes: listChanges(r.before, r.after, lookup),
    })),
  };
}

export function searchAudit(deps: BackendDeps, q: Query) {
  return auditEntries(deps, q, q.pageSize, (q.page - 1) * q.pageSize);
}
