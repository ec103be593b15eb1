// The manager's views of the care log: one resident's timeline with vitals, the monthly summary per resident, and
// the ledgers inspectors ask for (护理记录台账, 交接班记录, 意外事件登记) on screen, printed, and in Excel.
import { sql } from 'kysely';
import type { EntryData, Ledger } from '@shared/api/care';
import { invalid, notFound } from '@shared/api/errors';
import { addDays, daysBetween, lastDayOfMonth } from '@shared/domain/dates';
import { chinaInstant, chinaWallClock } from '@shared/domain/care/shifts';
import { enumLabel } from '@shared/domain/enum-labels';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import { ledgerWorkbook } from '../../ledger-excel';
import type { Caller } from '../../caller';
import { bedLabels } from '../facility/places';
import { listHandovers } from '../handover/handover';
import { summaryLines } from '@shared/domain/care/handover-text';
import { listIncidents } from '../incidents/incidents';
import { loadShifts } from '../roster/shifts';
import { entriesForDisplay } from './entries';

const MAX_DAYS = 92;

function assertRange(from: string, to: string): void {
  if (to < from) throw invalid('结束日期不能早于开始日期', 'to');
  if (daysBetween(from, to) >= MAX_DAYS) throw invalid(`一次最多查 ${MAX_DAYS} 天，请缩短日期范围`, 'to');
}

const startOf = (date: string) => chinaInstant(date, '00:00').toISOString();
const time = (iso: string) => chinaWallClock(new Date(iso));

export async function timeline(deps: BackendDeps, residentId: string, from: string, to: string) {
  assertRange(from, to);
  const resident = await deps.db.selectFrom('residents').select(['id', 'name', 'bedId']).where('id', '=', residentId).executeTakeFirst();
  if (!resident) throw notFound('老人档案');
  const rows = await deps.db
    .selectFrom('careEntries')
    .selectAll()
    .where('residentId', '=', residentId)
    .where('occurredAt', '>=', startOf(from))
    .where('occurredAt', '<', startOf(addDays(to, 1)))
    .orderBy('occurredAt')
    .orderBy('createdAt')
    .execute();
  const entries = await entriesForDisplay(deps.db, rows, new Map([[resident.id, resident.name]]));
  const labels = await bedLabels(deps.db, resident.bedId ? [resident.bedId] : []);
  const vitals = entries
    .filter((e) => e.kind === 'vitals' && e.supersededBy === null)
    .map((e) => {
      const v = e.data as Extract<EntryData, { kind: 'vitals' }>;
      return { at: e.occurredAt, temperature: v.temperature, systolic: v.systolic, diastolic: v.diastolic, pulse: v.pulse, glucose: v.glucose, weight: v.weight };
    });
  return { resident: { id: resident.id, name: resident.name, bedLabel: resident.bedId ? (labels.get(resident.bedId) ?? null) : null }, entries, vitals };
}

interface MonthAggregate {
  residentId: string;
  tasksDone: number;
  tasksNotDone: number;
  records: number;
  rounds: number;
  mealsRefused: number;
  temperatureMax: number | null;
  systolicMax: number | null;
}

export async function monthlySummary(deps: BackendDeps, month: string) {
  const from = `${month}-01`;
  const to = lastDayOfMonth(month);
  const residents = await deps.db
    .selectFrom('residents')
    .select(['id', 'name', 'bedId'])
    .where('admittedOn', '<=', to)
    .where((eb) => eb.or([eb('dischargedOn', 'is', null), eb('dischargedOn', '>=', from)]))
    .orderBy('name')
    .execute();
  // Only the latest version of a corrected record counts.
  const aggregates = await sql<MonthAggregate>`
    SELECT resident_id AS residentId,
      sum(kind = 'task' AND json_extract(data, '$.status') = 'done') AS tasksDone,
      sum(kind = 'task' AND json_extract(data, '$.status') = 'not_done') AS tasksNotDone,
      count(*) AS records,
      sum(kind = 'round') AS rounds,
      sum(kind = 'intake' AND json_extract(data, '$.amount') = 'none') AS mealsRefused,
      max(CASE WHEN kind = 'vitals' THEN json_extract(data, '$.temperature') END) AS temperatureMax,
      max(CASE WHEN kind = 'vitals' THEN json_extract(data, '$.systolic') END) AS systolicMax
    FROM care_entries e
    WHERE shift_date >= ${from} AND shift_date <= ${to}
      AND NOT EXISTS (SELECT 1 FROM care_entries c WHERE c.amends_id = e.id)
    GROUP BY resident_id`.execute(deps.db);
  const byResident = new Map(aggregates.rows.map((a) => [a.residentId, a]));
  const weights = await sql<{ residentId: string; weight: number }>`
    SELECT resident_id AS residentId, json_extract(data, '$.weight') AS weight FROM care_entries e
    WHERE kind = 'vitals' AND shift_date >= ${from} AND shift_date <= ${to} AND json_extract(data, '$.weight') IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM care_entries c WHERE c.amends_id = e.id)
    ORDER BY occurred_at`.execute(deps.db);
  const lastWeight = new Map(weights.rows.map((w) => [w.residentId, w.weight]));
  const incidents = await deps.db
    .selectFrom('incidents')
    .select(['residentId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('occurredAt', '>=', startOf(from))
    .where('occurredAt', '<', startOf(addDays(to, 1)))
    .groupBy('residentId')
    .execute();
  const incidentCount = new Map(incidents.map((i) => [i.residentId, Number(i.n)]));
  const labels = await bedLabels(deps.db, residents.flatMap((r) => (r.bedId ? [r.bedId] : [])));
  return {
    month,
    rows: residents.map((r) => {
      const a = byResident.get(r.id);
      return {
        residentId: r.id,
        name: r.name,
        bedLabel: r.bedId ? (labels.get(r.bedId) ?? null) : null,
        tasksDone: Number(a?.tasksDone ?? 0),
        tasksNotDone: Number(a?.tasksNotDone ?? 0),
        records: Number(a?.records ?? 0),
        rounds: Number(a?.rounds ?? 0),
        mealsRefused: Number(a?.mealsRefused ?? 0),
        temperatureMax: a?.temperatureMax ?? null,
        systolicMax: a?.systolicMax ?? null,
        weightLast: lastWeight.get(r.id) ?? null,
        incidents: incidentCount.get(r.id) ?? 0,
      };
    }),
  };
}

async function careLedger(deps: BackendDeps, from: string, to: string, residentId: string | null): Promise<Ledger['rows']> {
  const rows = await deps.db
    .selectFrom('careEntries')
    .selectAll()
    .where('shiftDate', '>=', from)
    .where('shiftDate', '<=', to)
    .$if(residentId !== null, (q) => q.where('residentId', '=', residentId!))
    .orderBy('occurredAt')
    .orderBy('createdAt')
    .execute();
  const residents = await deps.db.selectFrom('residents').select(['id', 'name', 'bedId']).where('id', 'in', rows.length ? [...new Set(rows.map((r) => r.residentId))] : ['']).execute();
  const labels = await bedLabels(deps.db, residents.flatMap((r) => (r.bedId ? [r.bedId] : [])));
  const shifts = new Map((await loadShifts(deps.db, true)).map((s) => [s.id, s.name]));
  const entries = await entriesForDisplay(deps.db, rows, new Map(residents.map((r) => [r.id, r.name])));
  const bedOf = new Map(residents.map((r) => [r.id, r.bedId ? (labels.get(r.bedId) ?? '') : '']));
  return entries.map((e) => {
    const at = time(e.occurredAt);
    const remark = [e.amendsId ? `更正（${e.amendReason}）` : '', e.supersededBy ? '已被更正' : ''].filter(Boolean).join('；');
    return [at.slice(0, 10), at.slice(11), shifts.get(e.shiftId) ?? '', e.residentName, bedOf.get(e.residentId) ?? '', enumLabel('entryKind', e.kind), e.text, e.recordedBy, remark];
  });
}

export async function ledger(deps: BackendDeps, q: { kind: Ledger['kind']; from: string; to: string; residentId: string | null }): Promise<Ledger> {
  assertRange(q.from, q.to);
  const base = { kind: q.kind, from: q.from, to: q.to };
  if (q.kind === 'care') {
    return { ...base, title: '护理记录台账', columns: ['日期', '时间', '班次', '老人', '床位', '类别', '内容', '记录人', '备注'], rows: await careLedger(deps, q.from, q.to, q.residentId) };
  }
  if (q.kind === 'handover') {
    const rows = await listHandovers(deps, q.from, q.to);
    return {
      ...base,
      title: '交接班记录',
      columns: ['日期', '班次', '交班人', '负责区域', '交班摘要', '补充交代', '交班时间', '接班人', '接班时间'],
      rows: rows.map((h) => [
        h.shiftDate,
        `${h.shiftName} ${h.hoursText}`,
        h.fromName,
        h.areaText,
        summaryLines(h.summary).join('\n'),
        [h.notes, h.earlyReason ? `提前交班：${h.earlyReason}` : ''].filter(Boolean).join('\n'),
        time(h.submittedAt),
        h.acceptedBy ?? '未接班',
        h.acceptedAt ? time(h.acceptedAt) : '',
      ]),
    };
  }
  const incidents = await listIncidents(deps, { from: q.from, to: q.to, residentId: q.residentId, status: 'all' });
  return {
    ...base,
    title: '意外事件登记',
    columns: ['发生时间', '老人', '床位', '类型', '地点', '严重程度', '经过', '采取的措施', '通知家属', '送医', '登记人', '跟进与结案'],
    rows: incidents
      .slice()
      .reverse()
      .map((i) => [
        time(i.occurredAt),
        i.residentName,
        i.bedLabel ?? '',
        enumLabel('incidentType', i.type),
        i.place,
        enumLabel('severity', i.severity),
        i.description,
        i.actionTaken,
        i.familyNotified ? `${i.notifiedWho} ${i.notifiedAt ? time(i.notifiedAt) : ''}` : '未通知',
        i.hospitalTransfer ? i.hospital : '否',
        i.reportedBy,
        [...i.followUps.map((f) => `${time(f.at)} ${f.by}：${f.note}`), i.closedAt ? `${time(i.closedAt)} ${i.closedBy} 结案：${i.closingNote}` : '处理中'].join('\n'),
      ]),
  };
}

export async function exportLedger(deps: BackendDeps, caller: Caller, q: { kind: Ledger['kind']; from: string; to: string; residentId: string | null }) {
  const data = await ledger(deps, q);
  const facility = await deps.db.selectFrom('facility').select('name').executeTakeFirst();
  const buffer = await ledgerWorkbook(facility?.name ?? '', data);
  await writeAction(deps, caller, async (ctx) => {
    await ctx.audit({ action: 'export', entity: q.kind === 'incidents' ? 'incidents' : q.kind === 'handover' ? 'handovers' : 'careEntries', entityId: q.kind, after: { rows: data.rows.length, filters: q } });
  });
  return { fileName: `${data.title}-${q.from}至${q.to}.xlsx`, base64: buffer.toString('base64'), rows: data.rows.length };
}
