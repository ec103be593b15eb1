// Issue 19 in `npm run bench` (medicines): a centre of about 300 residents, each with four doses a day for ten years —
// a 每日两次 kept order (08:00, 17:00), a kept order at the running shift's time (so the timed recordings find a dose due
// now) and a 睡前 order the resident keeps himself — about 4.4 million dose records, with the kept doses' stock (a batch
// received every 30 days and a 'given' movement for each given dose, about 3.3 million movements). Then through the
// real dispatcher, as a caregiver rostered on the running shift: the shift's medication list (medication.shiftDoses,
// whole centre and one floor; target p95 ≤ 50 ms), recording a dose (medication.recordDose, with its stock taken;
// ≤ 10 ms) and a resident's monthly administration record (medication.monthRecord; ≤ 50 ms); and, without a target,
// the stock of all residents (medication.stock) and the dashboard's alerts. The history is written with raw
// better-sqlite3 prepared statements (a transaction a month) — history only; what is timed goes through the dispatcher.
// On its own: `npx tsx test/bench/medication-bench.ts`.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { shiftsAt } from '@shared/domain/care/shifts';
import { addDays, chinaDate, shiftMonth } from '@shared/domain/dates';
import { chinaClock, chinaInstant } from '@shared/domain/medication/schedule';
import { startBackend } from '../../electron/backend/app';
import { generateDemoCentre } from '../../electron/backend/demo/generator';
import { type Random, seededRandom } from '../../electron/backend/demo/random';
import { Session } from '../../electron/backend/security/session';
import { loadShifts } from '../../electron/backend/services/roster/shifts';
import { measureAgainst, targetLine } from './timing';

export const MEDICATION_SHIFT_TARGET_MS = 50;
export const MEDICATION_RECORD_TARGET_MS = 10;
export const MEDICATION_MONTH_TARGET_MS = 50;
const RESIDENTS = 300;
const YEARS = 10;
/** A batch is received every this many days, enough for them. */
const BATCH_DAYS = 30;

const STAFF = ['护理员甲', '护理员乙', '护理员丙', '护理员丁', '护理组长', '医护小李'];

interface BenchOrder {
  id: string;
  residentId: string;
  drugId: string;
  times: string[];
  doseCenti: number;
  kept: boolean;
  /** Today's dose is left for the timed recordings. */
  leaveToday?: boolean;
}

/**
 * Ten years of doses (and the kept ones' stock) for the residents' orders, up to `now` — the `skip` order's dose due at
 * `now`'s slot today is left for the timed recordings. Returns the rows written.
 */
export function writeMedicationHistory(sqlite: Database.Database, orders: BenchOrder[], from: string, now: Date, random: Random) {
  const insertDose = sqlite.prepare(
    `INSERT INTO medication_doses (id, order_id, resident_id, due_at, slot, dose_date, outcome, reason, given_at, dose_centi, late_minutes,
       checker_id, checker_name, prn_effect, prn_effect_at, prn_effect_by, shift_id, shift_date, amends_id, amend_reason, request_id, recorded_at, recorded_by_id, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ?, ?, ?, ?)`,
  );
  const insertBatch = sqlite.prepare(
    `INSERT INTO medicine_batches (id, resident_id, drug_id, batch_no, expires_on, received_on, quantity_centi, source, from_whom, note, request_id, created_at, created_by_id, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'family', '家属', '', ?, ?, 'bench', '护理组长')`,
  );
  const insertMove = sqlite.prepare(
    `INSERT INTO medicine_movements (id, batch_id, kind, quantity_centi, at, dose_id, count_id, reason, witness, recorded_by_id, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, NULL, '', '', ?, ?)`,
  );
  let serial = 0;
  const id = () => {
    serial += 1;
    return `00000000-0000-7019-8000-${serial.toString(16).padStart(12, '0')}`;
  };
  const today = chinaDate(now);
  const nowMs = now.getTime();
  /** The batch each kept order is taking from now, and what is left of it. */
  const current = new Map<string, { batchId: string; left: number; receivedOn: string }>();
  const receive = (o: BenchOrder, date: string, at: string) => {
    const quantity = o.doseCenti * o.times.length * BATCH_DAYS;
    const batchId = id();
    insertBatch.run(batchId, o.residentId, o.drugId, `P${date.replaceAll('-', '')}`, addDays(date, 730), date, quantity, batchId, at);
    insertMove.run(id(), batchId, 'received', quantity, at, null, 'bench', '护理组长');
    current.set(o.id, { batchId, left: quantity, receivedOn: date });
  };
  let doses = 0;
  let movements = 0;
  const writeMonth = sqlite.transaction((first: string, last: string) => {
    for (let date = first; date <= last; date = addDays(date, 1)) {
      for (const o of orders) {
        if (o.kept) {
          const c = current.get(o.id);
          if (!c || c.left < o.doseCenti * o.times.length) {
            receive(o, date, chinaInstant(date, '06:00').toISOString());
            movements += 1;
          }
        }
        for (const slot of o.times) {
          const due = chinaInstant(date, slot);
          if (due.getTime() >= nowMs || (o.leaveToday && date === today)) continue;
          const roll = random.next();
          const outcome = roll < 0.96 ? 'given' : roll < 0.98 ? 'refused' : roll < 0.99 ? 'held' : 'not_available';
          const givenAt = new Date(due.getTime() + Math.floor(random.next() * 40 - 10) * 60_000).toISOString();
          const doseId = id();
          const who = STAFF[(doses + date.charCodeAt(9)) % STAFF.length];
          insertDose.run(doseId, o.id, o.residentId, due.toISOString(), slot, date, outcome, outcome === 'held' ? '老人在睡觉' : outcome === 'refused' ? '老人不肯吃' : '', givenAt, outcome === 'given' ? o.doseCenti : 0, null, doseId, givenAt, 'bench', who);
          doses += 1;
          if (o.kept && outcome === 'given') {
            const c = current.get(o.id)!;
            insertMove.run(id(), c.batchId, 'given', -o.doseCenti, givenAt, doseId, 'bench', who);
            c.left -= o.doseCenti;
            movements += 1;
          }
        }
      }
    }
  });
  for (let month = from.slice(0, 7); month <= today.slice(0, 7); month = shiftMonth(month, 1)) {
    const first = month === from.slice(0, 7) ? from : `${month}-01`;
    const monthEnd = addDays(`${shiftMonth(month, 1)}-01`, -1);
    writeMonth(first, monthEnd < today ? monthEnd : today);
  }
  // enough left today for the timed recordings
  sqlite.transaction(() => {
    for (const o of orders) if (o.kept) receive(o, today, now.toISOString());
  })();
  return { doses, movements };
}

export async function benchMedication() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-bench-medication-'));
  const backend = await startBackend({ dataDir });
  const admin = new Session();
  const dispatch = async (session: Session, method: string, input: unknown) => {
    const result = await backend.dispatch(session, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  const call = (method: string, input: unknown) => dispatch(admin, method, input);
  await call('auth.setupAdmin', { username: 'admin', displayName: '院长', password: 'bench-password-1' });
  const genStart = performance.now();
  // about 300 residents living here at the end
  await generateDemoCentre({ db: backend.database.db, clock: { now: () => new Date() } }, { beds: 420, years: 1, occupancy: 0.92, seed: 19 });
  const demoSeconds = Math.round((performance.now() - genStart) / 100) / 10;
  const sqlite = backend.database.sqlite;
  sqlite.pragma('cache_size = -400000');

  // a caregiver on the shift running now
  admin.signIn(admin.user!, new Date(), admin.account);
  const carer = new Session();
  const { id: userId } = (await call('users.create', { username: 'medcarer', displayName: '护理员甲', role: 'caregiver', password: 'bench-temp-1', pin: null })) as { id: string };
  await backend.dispatch(carer, 'auth.login', { username: 'medcarer', password: 'bench-temp-1' });
  await backend.dispatch(carer, 'auth.changePassword', { current: 'bench-temp-1', next: 'bench-own-1' });
  const { id: staffId } = (await call('staff.save', { name: '护理员甲', role: 'caregiver', hireDate: '2015-01-01', userId })) as { id: string };
  const now = new Date();
  const running = shiftsAt(now, await loadShifts(backend.database.db))[0];
  await call('roster.assign', { staffId, date: running.shiftDate, shifts: [{ shiftId: running.shiftId, area: [] }] });

  // the drug list, agreements and three orders a resident (four doses a day) from ten years ago
  const random = seededRandom(19);
  const today = chinaDate(now);
  const from = addDays(today, -Math.round(YEARS * 365.25));
  const at = now.toISOString();
  // residents away (on leave, in hospital) keep their history; the timed recordings are for those here
  const residents = (sqlite.prepare("SELECT id FROM residents WHERE status != 'discharged' ORDER BY id LIMIT ?").all(RESIDENTS) as { id: string }[]).map((r) => r.id);
  const here = new Set((sqlite.prepare("SELECT id FROM residents WHERE status = 'in_residence'").all() as { id: string }[]).map((r) => r.id));
  const drugNames = ['硝苯地平缓释片', '苯磺酸氨氯地平片', '二甲双胍片', '阿司匹林肠溶片', '阿托伐他汀钙片', '美托洛尔片', '厄贝沙坦片', '格列齐特缓释片', '单硝酸异山梨酯片', '艾司唑仑片'];
  const drugs = drugNames.map((name) => ({ id: randomUUID(), name }));
  // the running shift's dose: now's minute, or the shift's start when it began less than 10 minutes ago
  const slotAt = new Date(Math.max(running.start.getTime(), now.getTime() - 10 * 60_000));
  const nowSlot = chinaClock(new Date(Math.ceil(slotAt.getTime() / 60_000) * 60_000));
  const orders: BenchOrder[] = [];
  sqlite.transaction(() => {
    const stamp = [at, '历史数据', at, '历史数据'];
    for (const d of drugs) sqlite.prepare("INSERT INTO drugs (id, name, form, strength, unit, created_at, created_by, updated_at, updated_by) VALUES (?, ?, 'tablet', '10 mg', 'tablet', ?, ?, ?, ?)").run(d.id, d.name, ...stamp);
    const agreement = sqlite.prepare("INSERT OR IGNORE INTO medication_agreements (id, resident_id, signed_on, signed_by, relation, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, '家属', '子女', ?, ?, ?, ?)");
    const order = sqlite.prepare(
      `INSERT INTO medication_orders (id, resident_id, drug_id, prescriber, prescriber_kind, institution, prescribed_on, dose_centi, route, frequency, times, meal_relation, supply, starts_on, request_id, created_at, created_by_id, created_by)
       VALUES (?, ?, ?, '李医生', 'township_hospital', '柳湾镇卫生院', ?, ?, 'oral', ?, ?, 'after', ?, ?, ?, ?, 'bench', '历史数据')`,
    );
    residents.forEach((residentId, n) => {
      agreement.run(randomUUID(), residentId, from, ...stamp);
      const add = (drug: number, frequency: string, times: string[], doseCenti: number, kept: boolean, leaveToday = false) => {
        const o = { id: randomUUID(), residentId, drugId: drugs[drug % drugs.length].id, times, doseCenti, kept, leaveToday };
        order.run(o.id, residentId, o.drugId, from, doseCenti, frequency, JSON.stringify(times), kept ? 'kept' : 'self', from, o.id, at);
        orders.push(o);
      };
      add(n, 'bid', ['08:00', '17:00'], 100, true);
      add(n + 3, 'times', [nowSlot], 50, true, true);
      add(n + 7, 'qn', ['21:00'], 100, false);
    });
  })();
  console.error(`medication bench: ${orders.length} orders, writing ten years of doses…`);
  const histStart = performance.now();
  const written = writeMedicationHistory(sqlite, orders, from, now, random);
  const historySeconds = Math.round((performance.now() - histStart) / 100) / 10;
  console.error(`medication bench: ${written.doses} doses and ${written.movements} movements in ${historySeconds} s; timing…`);
  sqlite.pragma('analysis_limit = 1000');
  sqlite.exec('ANALYZE');

  admin.signIn(admin.user!, new Date(), admin.account);
  carer.signIn(carer.user!, new Date(), carer.account);
  const careCall = (method: string, input: unknown) => dispatch(carer, method, input);
  const nowOrders = orders.filter((o) => o.leaveToday && here.has(o.residentId));
  const dueAt = chinaInstant(today, nowSlot).toISOString();
  const month = today.slice(0, 7);
  const pickResident = (i: number) => residents[(i * 37) % residents.length];
  const report = (name: string, m: Awaited<ReturnType<typeof measureAgainst>>) => {
    console.error(targetLine(name, m));
    return m;
  };
  const has = (method: string) => backend.dispatch(carer, method, {}).then((r) => r.ok || r.error.code !== 'UNKNOWN_METHOD');

  const ms: Record<string, Awaited<ReturnType<typeof measureAgainst>>> = {};
  const missing: string[] = [];
  if (await has('medication.shiftDoses')) {
    ms.shiftWholeCentre = report('shiftWholeCentre', await measureAgainst(100, MEDICATION_SHIFT_TARGET_MS, () => careCall('medication.shiftDoses', {})));
    const floor = ((await call('roster.week', { monday: addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7)) })) as { areas: { value: string }[] }).areas[0].value;
    await call('roster.assign', { staffId, date: running.shiftDate, shifts: [{ shiftId: running.shiftId, area: [floor] }] });
    ms.shiftOneFloor = report('shiftOneFloor', await measureAgainst(100, MEDICATION_SHIFT_TARGET_MS, () => careCall('medication.shiftDoses', {})));
    await call('roster.assign', { staffId, date: running.shiftDate, shifts: [{ shiftId: running.shiftId, area: [] }] });
  } else missing.push('medication.shiftDoses');
  if (await has('medication.recordDose')) {
    ms.recordDose = report(
      'recordDose',
      await measureAgainst(Math.min(200, nowOrders.length), MEDICATION_RECORD_TARGET_MS, (i) =>
        careCall('medication.recordDose', { requestId: randomUUID(), orderId: nowOrders[i].id, dueAt, outcome: 'given', reason: '', checker: null }),
      ),
    );
  } else missing.push('medication.recordDose');
  if (await has('medication.monthRecord')) {
    ms.monthRecord = report(
      'monthRecord',
      await measureAgainst(200, MEDICATION_MONTH_TARGET_MS, (i) => careCall('medication.monthRecord', { residentId: pickResident(i), month: shiftMonth(month, -(i % 120)) })),
    );
  } else missing.push('medication.monthRecord');
  const { pass: _p1, targetP95: _t1, ...stockAll } = await measureAgainst(20, null, () => call('medication.stock', {}));
  const { pass: _p2, targetP95: _t2, ...alerts } = await measureAgainst(20, null, () => call('medication.stockAlerts', {}));
  const rows = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const dataset = {
    residents: residents.length,
    orders: orders.length,
    doseRows: rows('medication_doses'),
    movementRows: rows('medicine_movements'),
    batches: rows('medicine_batches'),
    written,
    demoSeconds,
    historySeconds,
    databaseMb: Math.round(((sqlite.pragma('page_count', { simple: true }) as number) * (sqlite.pragma('page_size', { simple: true }) as number)) / 1e6),
  };
  await backend.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { dataset, ms, info: { stockAll, alerts }, missing };
}

export function medicationLines(result: Awaited<ReturnType<typeof benchMedication>>): string[] {
  const { dataset: d, ms } = result;
  const names: Record<string, string> = {
    shiftWholeCentre: '本班服药列表（全院） the shift medication list, whole centre',
    shiftOneFloor: '本班服药列表（一层） the shift medication list, one floor',
    recordDose: '登记服药 recording a dose',
    monthRecord: '老人月服药记录单 a resident month record',
  };
  return [
    `服药 medicines: ${d.residents} residents, ${d.orders} orders, ${d.doseRows} dose records and ${d.movementRows} stock movements over ${YEARS} years (${d.databaseMb} MB; written in ${d.historySeconds} s after a ${d.demoSeconds} s demo centre)`,
    ...Object.entries(ms).map(([k, m]) => targetLine(names[k] ?? k, m)),
    ...result.missing.map((m) => `${m}: not in this build yet, not measured`),
    `代管药品全院库存 the stock of all residents (no target): p50 ${result.info.stockAll.p50} ms, p95 ${result.info.stockAll.p95} ms; 首页提醒 the dashboard alerts: p50 ${result.info.alerts.p50} ms, p95 ${result.info.alerts.p95} ms`,
  ];
}

if (require.main === module) {
  benchMedication()
    .then((result) => {
      console.log(JSON.stringify(result, null, 2));
      for (const line of medicationLines(result)) console.log(line);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
