// Issue 18 in `npm run bench` (care at home, delivery): the township register of 5,000 elders (elders-bench.ts), 2,000 of
// them with entitlements and a weekly plan, three providers with 30 workers, and a year of service visits (about 100,000,
// each with one or two items) — then through the real dispatcher: an elder's month (visits and quota / used / left;
// target p95 ≤ 20 ms) and recording a visit (all refusal checks: status, worker overlap, settled month, quota; ≤ 10 ms);
// the day's planned visits of all 2,000 plans without a target. The setup rows and the year of visits are written with
// plain SQL in one transaction — history only, what is timed goes through the dispatcher.
// On its own: `npx tsx test/bench/homecare-bench.ts`.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { addDays, chinaDate, shiftMonth } from '@shared/domain/dates';
import { startBackend } from '../../electron/backend/app';
import { Session } from '../../electron/backend/security/session';
import { seededRandom } from '../../electron/backend/demo/random';
import { writeRegister } from './elders-bench';
import { measureAgainst, targetLine } from './timing';

export const HOMECARE_ELDER_MONTH_TARGET_MS = 20;
export const HOMECARE_RECORD_TARGET_MS = 10;
const ENTITLED = 2000;
const WORKERS = 30;

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export async function benchHomecare() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-bench-homecare-'));
  const backend = await startBackend({ dataDir });
  const session = new Session();
  const call = async (method: string, input: unknown) => {
    const result = await backend.dispatch(session, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  await call('auth.setupAdmin', { username: 'admin', displayName: '关爱专干', password: 'bench-password-1' });
  const today = chinaDate(new Date());
  const genStart = performance.now();
  const villageIds: string[] = [];
  for (let v = 0; v < 40; v++) villageIds.push(((await call('elders.saveVillage', { name: `测试${v + 1}村`, code: null, cadreName: '王建国', cadrePhone: '13800000000' })) as { id: string }).id);
  writeRegister(backend.database.sqlite, villageIds, today);

  const sqlite = backend.database.sqlite;
  const random = seededRandom(23);
  const at = new Date().toISOString();
  const stamp = [at, '历史数据', at, '历史数据'];
  const providers = ['康乐居家服务中心', '夕阳红养老服务社', '本院'].map((name, i) => ({ id: randomUUID(), name, kind: i === 2 ? 'centre' : 'organisation' }));
  const workers = Array.from({ length: WORKERS }, (_, i) => ({ id: randomUUID(), providerId: providers[i % 3].id, name: `服务员${i + 1}` }));
  const items = [
    ['助洁', 'life_care', 'hour'],
    ['助浴', 'life_care', 'visit'],
    ['助医陪诊', 'health', 'hour'],
    ['理发', 'life_care', 'visit'],
    ['代购代办', 'errands', 'visit'],
    ['康复护理', 'basic_care', 'hour'],
    ['精神慰藉', 'comfort', 'hour'],
    ['助行', 'life_care', 'hour'],
  ].map(([name, category, unit]) => ({ id: randomUUID(), name, category, unit }));
  const elders = (sqlite.prepare("SELECT id FROM elders WHERE status = 'at_home' ORDER BY id LIMIT ?").all(ENTITLED) as { id: string }[]).map((e) => e.id);
  const from = addDays(today, -365);
  let visits = 0;
  sqlite.transaction(() => {
    for (const p of providers) sqlite.prepare('INSERT INTO home_service_providers (id, name, kind, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(p.id, p.name, p.kind, ...stamp);
    for (const w of workers) sqlite.prepare('INSERT INTO home_service_workers (id, provider_id, name, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(w.id, w.providerId, w.name, ...stamp);
    for (const it of items) sqlite.prepare('INSERT INTO home_service_items (id, name, category, unit, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(it.id, it.name, it.category, it.unit, ...stamp);
    const entitle = sqlite.prepare('INSERT INTO home_service_entitlements (id, elder_id, item_id, monthly_quota, document_no, granted_on, valid_from, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const plan = sqlite.prepare(
      'INSERT INTO home_service_plans (id, elder_id, provider_id, worker_id, item_ids, weekdays, every_weeks, start_time, minutes, from_on, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)',
    );
    const visit = sqlite.prepare(
      `INSERT INTO home_service_visits (id, elder_id, provider_id, worker_id, plan_id, outcome, service_on, start_time, end_time, price_class, confirmation, slip_no, request_id, created_at, created_by_id, created_by)
       VALUES (?, ?, ?, ?, ?, 'done', ?, ?, ?, 'ordinary', 'paper_slip', ?, ?, ?, 'bench', '历史数据')`,
    );
    const visitItem = sqlite.prepare('INSERT INTO home_service_visit_items (visit_id, item_id, quantity) VALUES (?, ?, ?)');
    elders.forEach((elderId, n) => {
      const hourly = items[[0, 2, 5, 6, 7][n % 5]];
      const perVisit = items[[1, 3, 4][n % 3]];
      entitle.run(randomUUID(), elderId, hourly.id, 480, '民社〔2026〕1号', from, from, ...stamp);
      entitle.run(randomUUID(), elderId, perVisit.id, 4, '民社〔2026〕1号', from, from, ...stamp);
      const worker = workers[n % WORKERS];
      const weekday = (n % 5) + 1; // Monday … Friday
      const start = 8 * 60 + Math.floor(n / WORKERS / 5) * 60; // one worker's elders of a weekday an hour apart
      const planId = randomUUID();
      plan.run(planId, elderId, worker.providerId, worker.id, JSON.stringify([hourly.id, perVisit.id]), JSON.stringify([weekday]), hhmm(start % (22 * 60)), 60, from, ...stamp);
      // a year of visits on the plan's weekday, yesterday at the latest (today stays free for the timed recordings)
      let day = from;
      while (((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1 !== weekday) day = addDays(day, 1);
      for (; day < today; day = addDays(day, 7)) {
        const id = randomUUID();
        const s = start % (22 * 60);
        visit.run(id, elderId, worker.providerId, worker.id, planId, day, hhmm(s), hhmm(s + 60), `${day.slice(2).replaceAll('-', '')}-${n + 1}`, id, at);
        visitItem.run(id, hourly.id, 60);
        if (random.chance(0.25)) visitItem.run(id, perVisit.id, 1);
        visits += 1;
      }
    });
  })();
  const generationSeconds = Math.round((performance.now() - genStart) / 100) / 10;
  const month = today.slice(0, 7);
  const lastMonth = shiftMonth(month, -1);
  const pick = (i: number) => elders[(i * 37) % elders.length];

  const ms = {
    elderMonth: await measureAgainst(200, HOMECARE_ELDER_MONTH_TARGET_MS, (i) => call('homecare.elderMonth', { elderId: pick(i), month: i % 2 === 0 ? month : lastMonth })),
    record: await measureAgainst(200, HOMECARE_RECORD_TARGET_MS, (i) => {
      const worker = workers[i % WORKERS];
      const slot = Math.floor(i / WORKERS); // each worker's visits today 20 minutes apart, never overlapping
      return call('homecare.recordVisit', {
        requestId: randomUUID(),
        elderId: pick(i),
        providerId: worker.providerId,
        workerId: worker.id,
        serviceOn: today,
        startTime: hhmm(6 * 60 + slot * 20),
        endTime: hhmm(6 * 60 + slot * 20 + 15),
        items: [{ itemId: items[0].id, quantity: 15 }],
        confirmation: { kind: 'paper_slip', slipNo: `B-${i}` },
        overQuotaReason: '测试',
      });
    }),
  };
  const { pass: _pass, targetP95: _target, ...plannedDay } = await measureAgainst(30, 1000, () => call('homecare.planned', { date: addDays(today, -1), span: 'day' }));
  await backend.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { dataset: { elders: 5000, entitled: elders.length, workers: WORKERS, visits, generationSeconds }, ms, info: { plannedDay } };
}

export function homecareLines(result: Awaited<ReturnType<typeof benchHomecare>>): string[] {
  const { dataset: d, ms } = result;
  return [
    `居家上门服务 care at home: ${d.elders} elders, ${d.entitled} with entitlements and a weekly plan, ${d.workers} workers, ${d.visits} service visits over a year (written in ${d.generationSeconds} s)`,
    targetLine("老人当月服务与额度 an elder's month", ms.elderMonth),
    targetLine('登记上门服务 recording a visit', ms.record),
    `当天计划 the day's planned visits of all plans (no target): p50 ${result.info.plannedDay.p50} ms, p95 ${result.info.plannedDay.p95} ms`,
  ];
}

if (require.main === module) {
  benchHomecare()
    .then((result) => {
      console.log(JSON.stringify(result, null, 2));
      for (const line of homecareLines(result)) console.log(line);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
