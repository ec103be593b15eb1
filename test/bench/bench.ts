// `npm run bench`: a 300-bed centre with 10 years of history, then the app's hot paths through the real dispatcher.
// Prints JSON figures against the targets: reads p95 < 20 ms, writes p95 < 10 ms, the care log's shift list and
// record saving p95 < 50 ms over 10 years of shift records; and the app's write path beside
// raw better-sqlite3 inserts (both one committed transaction per write, WAL, synchronous=FULL); the monthly package's
// export (< 2 s) and a county importing 30 centres × 12 months (at least half of raw insert speed); and the first
// screen in Chromium at 4× CPU slowdown (JS transferred < 300 KB, shown < 3 s; see first-screen.ts); and the township's
// register of 5,000 village elders with a year of visits: search p95 ≤ 20 ms, the week's visit plan ≤ 50 ms, recording a
// visit ≤ 10 ms (elders-bench.ts; on its own: `npx tsx test/bench/elders-bench.ts`); care at home (issue 18): an elder's month p95 ≤ 20 ms and
// recording a service visit ≤ 10 ms (homecare-bench.ts), a provider's monthly settlement ≤ 200 ms
// (homecare-settlement-bench.ts), each over 5,000 elders with about 100,000 visits in a year; medicines (issue 19): the
// shift's medication list and a resident's monthly record p95 ≤ 50 ms, recording a dose ≤ 10 ms, over about 300
// residents × 4 doses a day × 10 years (medication-bench.ts); a province's store on PostgreSQL (issue 20): 2,500 centres
// × 12 months imported at least half as fast as raw multi-row INSERTs, and the province's and one county's indicators
// and submission matrix p95 ≤ 200 ms (province-bench.ts; the packages are made once and cached — the first run makes
// them, which takes a while; on its own: `npx tsx test/bench/province-bench.ts`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBackend } from '../../electron/backend/app';
import { Session } from '../../electron/backend/security/session';
import { generateDemoCentre } from '../../electron/backend/demo/generator';
import { demoPerson } from '../../electron/backend/demo/people';
import { seededRandom } from '../../electron/backend/demo/random';
import { randomUUID } from 'node:crypto';
import dayjs from 'dayjs';
import { loadShifts } from '../../electron/backend/services/roster/shifts';
import { shiftsAt } from '@shared/domain/care/shifts';
import { chinaDate } from '@shared/domain/dates';
import { writeCareHistory } from './care-history';
import { benchFirstScreen, firstScreenLines } from './first-screen';
import { benchSync } from './sync-bench';
import { benchVillageElders, villageElderLines } from './elders-bench';
import { benchHomecare, homecareLines } from './homecare-bench';
import { benchHomecareSettlement, homecareSettlementLines } from './homecare-settlement-bench';
import { benchMedication, medicationLines } from './medication-bench';
import { benchProvince, provinceLines } from './province-bench';
import { ensurePrerequisites } from '../prerequisites';
import { measure, percentile } from './timing';

const READ_TARGET_MS = 20;
const WRITE_TARGET_MS = 10;
/** Issue 5: opening a caregiver's shift list and saving a resident's record. */
const CARE_TARGET_MS = 50;

async function main() {
  // Chromium, CJK fonts and the PostgreSQL server programs, as `npm test` installs them when missing.
  const prerequisites = ensurePrerequisites();
  if (!prerequisites.ok) throw new Error(prerequisites.message);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-bench-'));
  const backend = await startBackend({ dataDir });
  const admin = new Session();
  const call = async (method: string, input: unknown) => {
    const result = await backend.dispatch(admin, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };

  await call('auth.setupAdmin', { username: 'admin', displayName: '院长', password: 'bench-password-1' });
  const genStart = performance.now();
  const summary = await generateDemoCentre({ db: backend.database.db, clock: { now: () => new Date() } }, { beds: 300, years: 10, seed: 7 });
  const generationSeconds = Math.round((performance.now() - genStart) / 100) / 10;
  const sqlite = backend.database.sqlite;
  const rows = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  const dataset = { ...summary, generationSeconds, residentsRows: rows('residents'), stayEventRows: rows('stay_events'), auditRows: rows('audit_log') };
  const aResident = sqlite.prepare("SELECT id_number AS idNumber FROM residents WHERE status != 'discharged' LIMIT 1").get() as { idNumber: string };
  const reads = {
    bedMap: await measure(200, () => call('facility.bedMap', {})),
    census: await measure(200, () => call('residents.census', {})),
    searchPinyin: await measure(200, () => call('residents.search', { query: 'wg', scope: 'all' })),
    searchIdTail: await measure(200, () => call('residents.search', { query: aResident.idNumber.slice(-4), scope: 'all' })),
    searchAllCurrent: await measure(200, () => call('residents.search', { query: '', scope: 'current' })),
    // Issue 6: the kitchen's day (portions from the whole stay history), its menu week and the month report.
    mealHeadcount: await measure(100, () => call('meals.headcount', { date: chinaDate(new Date()) })),
    mealMenuWeek: await measure(100, () => call('meals.menuWeek', { monday: dayjs().subtract((dayjs().day() + 6) % 7, 'day').format('YYYY-MM-DD') })),
    mealMonthReport: await measure(50, () => call('meals.monthReport', { month: chinaDate(new Date()).slice(0, 7) })),
  };

  // Admission writes: each into a free bed, then a discharge (not timed) frees it again.
  const random = seededRandom(99);
  const today = chinaDate(new Date());
  const freeBed = () =>
    (sqlite.prepare("SELECT b.id FROM beds b LEFT JOIN residents r ON r.bed_id = b.id WHERE r.id IS NULL AND b.setting != 'disabled' AND b.retired_at IS NULL LIMIT 1").get() as { id: string }).id;
  const admissionTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const person = demoPerson(random, 900_000 + i, '清河县');
    const bedId = freeBed();
    const start = performance.now();
    const result = await backend.dispatch(admin, 'residents.admit', {
      person,
      admission: { date: today, bedId, agreementNo: `BENCH-${i}`, agreementEnd: '2099-12-31' },
    });
    admissionTimes.push(performance.now() - start);
    if (result.ok) await call('residents.discharge', { residentId: (result.value as { id: string }).id, date: today, reason: 'moved_out', note: '' });
  }
  admissionTimes.sort((a, b) => a - b);
  const admission = { runs: 200, p50: +percentile(admissionTimes, 50).toFixed(3), p95: +percentile(admissionTimes, 95).toFixed(3) };

  // Raw better-sqlite3: one committed insert per transaction into a table of similar width.
  sqlite.exec('CREATE TABLE bench_raw (id TEXT PRIMARY KEY, a TEXT, b TEXT, c TEXT, d TEXT, e TEXT) STRICT');
  const insert = sqlite.prepare('INSERT INTO bench_raw VALUES (?, ?, ?, ?, ?, ?)');
  const rawInsert = await measure(500, (i) => sqlite.transaction(() => insert.run(`r${i}`, '张三', '320102194506011235', '[]', '{}', '2026-01-01'))());

  // The care log: 10 years of three shifts a day, then a caregiver rostered on the shift running now.
  const historyStart = performance.now();
  const careRows = writeCareHistory(sqlite, dayjs(today).subtract(10, 'year').format('YYYY-MM-DD'), dayjs(today).subtract(1, 'day').format('YYYY-MM-DD'));
  const careHistorySeconds = Math.round((performance.now() - historyStart) / 100) / 10;
  // The load outlasts the idle lock: the manager signs in again, with the account stamp, so each call still re-checks the
  // account as a real session does (security/recheck.ts).
  admin.signIn(admin.user!, new Date(), admin.account);
  const carer = new Session();
  const { id: userId } = (await call('users.create', { username: 'carer', displayName: '护理员甲', role: 'caregiver', password: 'bench-temp-1', pin: null })) as { id: string };
  await backend.dispatch(carer, 'auth.login', { username: 'carer', password: 'bench-temp-1' });
  await backend.dispatch(carer, 'auth.changePassword', { current: 'bench-temp-1', next: 'bench-own-1' });
  const { id: staffId } = (await call('staff.save', { name: '护理员甲', role: 'caregiver', hireDate: '2020-01-01', userId })) as { id: string };
  const running = shiftsAt(new Date(), await loadShifts(backend.database.db))[0];
  const floor = ((await call('roster.week', { monday: dayjs(today).subtract((dayjs(today).day() + 6) % 7, 'day').format('YYYY-MM-DD') })) as { areas: { value: string }[] }).areas[0].value;
  const careCall = async (method: string, input: unknown) => {
    const result = await backend.dispatch(carer, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  await call('roster.assign', { staffId, date: running.shiftDate, shifts: [{ shiftId: running.shiftId, area: [] }] });
  const wholeCentre = (await careCall('care.myShift', {})) as { residents: { residentId: string; present: boolean }[] };
  const shiftListWholeCentre = await measure(100, () => careCall('care.myShift', {}));
  await call('roster.assign', { staffId, date: running.shiftDate, shifts: [{ shiftId: running.shiftId, area: [floor] }] });
  const shiftListOneFloor = await measure(100, () => careCall('care.myShift', {}));
  const present = wholeCentre.residents.filter((r) => r.present).map((r) => r.residentId);
  await call('roster.assign', { staffId, date: running.shiftDate, shifts: [{ shiftId: running.shiftId, area: [] }] });
  const saveRecord = await measure(200, (i) =>
    careCall('care.record', {
      shiftId: running.shiftId,
      shiftDate: running.shiftDate,
      residentId: present[i % present.length],
      requestId: randomUUID(),
      data: { kind: 'vitals', temperature: 36.6, systolic: 128, diastolic: 78 },
    }),
  );
  const residentShift = await measure(100, (i) => careCall('care.residentShift', { shiftId: running.shiftId, shiftDate: running.shiftDate, residentId: present[i % present.length] }));

  admin.signIn(admin.user!, new Date(), admin.account);
  const monthlyPackage = await benchSync(backend, call, today);

  const verdict = (m: { p95: number }, target: number) => ({ ...m, targetP95: target, pass: m.p95 < target });
  const report = {
    machine: { cpus: os.cpus().length, node: process.version },
    dataset,
    readsMs: Object.fromEntries(Object.entries(reads).map(([k, m]) => [k, verdict(m, READ_TARGET_MS)])),
    writesMs: { admission: verdict(admission, WRITE_TARGET_MS) },
    careLog: {
      historyRows: careRows,
      historySeconds: careHistorySeconds,
      residentsOnShift: wholeCentre.residents.length,
      ms: {
        shiftListWholeCentre: verdict(shiftListWholeCentre, CARE_TARGET_MS),
        shiftListOneFloor: verdict(shiftListOneFloor, CARE_TARGET_MS),
        residentShift: verdict(residentShift, CARE_TARGET_MS),
        saveRecord: verdict(saveRecord, CARE_TARGET_MS),
      },
    },
    monthlyPackage,
    rawBetterSqlite3InsertMs: rawInsert,
    appWriteToRawInsertRatioP50: Math.round((admission.p50 / rawInsert.p50) * 10) / 10,
  };
  await backend.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  // Issue 17: the township's village elders, on a register of their own.
  const villageElders = await benchVillageElders();
  const homecare = await benchHomecare();
  const homecareSettlement = await benchHomecareSettlement();
  const medication = await benchMedication();
  const province = await benchProvince();
  // Issue 13: the UI on an old PC — measured after the data benchmarks, so they do not share the CPU.
  const firstScreen = await benchFirstScreen();
  console.log(JSON.stringify({ ...report, villageElders, homecare, homecareSettlement, medication, province, firstScreen }, null, 2));
  for (const line of villageElderLines(villageElders)) console.log(line);
  for (const line of homecareLines(homecare)) console.log(line);
  for (const line of homecareSettlementLines(homecareSettlement)) console.log(line);
  for (const line of medicationLines(medication)) console.log(line);
  for (const line of provinceLines(province)) console.log(line);
  for (const line of firstScreenLines(firstScreen)) console.log(line);
  const allPass = [
    ...Object.values(report.readsMs),
    ...Object.values(report.writesMs),
    ...Object.values(report.careLog.ms),
    monthlyPackage.export,
    monthlyPackage.import,
    ...Object.values(villageElders.ms),
    ...Object.values(homecare.ms),
    ...Object.values(homecareSettlement.ms),
    ...Object.values(medication.ms),
    province.import,
    ...Object.values(province.ms),
    firstScreen.firstScreenJs,
    firstScreen.firstScreenMs,
  ].every((m) => m.pass);
  console.log(allPass ? '全部达标 all targets met' : '未达标 some targets missed');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
