// Issue 18 in `npm run bench` (for the lead to add to bench.ts): a township of 5,000 elders at home served by three
// providers for a year — about 100,000 done visits with one or two items each, prices changed once mid-year, the
// 回访 sample checked with a few disputes — then through the real dispatcher: a provider's monthly settlement preview
// (each visit priced at the price of its day and class, disputed visits apart; target p95 ≤ 200 ms), and, without
// target, the month's list of all providers (settlement tab) and the month's 回访 sample. History is written with
// plain SQL in one transaction; what is timed goes through the dispatcher. On its own:
// `npx tsx test/bench/homecare-settlement-bench.ts`.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { computeCheckChar } from '@shared/domain/id-number';
import { PRICE_CLASSES } from '@shared/domain/homecare/vocab';
import { startBackend } from '../../electron/backend/app';
import { Session } from '../../electron/backend/security/session';
import { seededRandom } from '../../electron/backend/demo/random';
import { measureAgainst, targetLine } from './timing';

export const SETTLEMENT_PREVIEW_TARGET_MS = 200;
const ELDERS = 5000;
const VISITS_PER_ELDER = 20; // a year: 5,000 × 20 = 100,000 visits
const YEAR = 2025;
const MONTH = `${YEAR}-06`;

/** The year of services: elders, items and prices, providers and workers, visits with items, checks. */
function writeYear(sqlite: Database.Database) {
  const random = seededRandom(18);
  const at = new Date().toISOString();
  const stamp = [at, '历史数据', at, '历史数据'];
  const village = randomUUID();
  sqlite.prepare(`INSERT INTO villages (id, name, created_at, created_by, updated_at, updated_by) VALUES (?, '测试村', ?, ?, ?, ?)`).run(village, ...stamp);
  const items = [
    { id: randomUUID(), name: '助洁', unit: 'hour', price: 3000 },
    { id: randomUUID(), name: '助浴', unit: 'visit', price: 5000 },
    { id: randomUUID(), name: '理发', unit: 'visit', price: 1000 },
    { id: randomUUID(), name: '陪诊', unit: 'hour', price: 4000 },
    { id: randomUUID(), name: '精神慰藉', unit: 'hour', price: 2000 },
  ];
  const insertItem = sqlite.prepare(`INSERT INTO home_service_items (id, name, category, unit, created_at, created_by, updated_at, updated_by) VALUES (?, ?, 'life_care', ?, ?, ?, ?, ?)`);
  const insertPrice = sqlite.prepare(
    `INSERT INTO home_service_prices (id, item_id, price_class, effective_from, price_fen, subsidy_fen, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const item of items) {
    insertItem.run(item.id, item.name, item.unit, ...stamp);
    for (const [n, cls] of PRICE_CLASSES.entries()) {
      insertPrice.run(randomUUID(), item.id, cls, `${YEAR}-01-01`, item.price, Math.round((item.price * (5 - n)) / 5), ...stamp);
      insertPrice.run(randomUUID(), item.id, cls, `${YEAR}-06-16`, item.price + 500, Math.round(((item.price + 500) * (5 - n)) / 5), ...stamp);
    }
  }
  const providers = ['安康家政', '夕阳红服务社', '本院上门组'].map((name, i) => ({ id: randomUUID(), name, kind: i === 2 ? 'centre' : 'organisation', workers: [] as string[] }));
  const insertProvider = sqlite.prepare(`INSERT INTO home_service_providers (id, name, kind, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertWorker = sqlite.prepare(`INSERT INTO home_service_workers (id, provider_id, name, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const p of providers) {
    insertProvider.run(p.id, p.name, p.kind, ...stamp);
    for (let w = 0; w < 15; w++) {
      const id = randomUUID();
      insertWorker.run(id, p.id, `${p.name}服务员${w + 1}`, ...stamp);
      p.workers.push(id);
    }
  }
  const insertElder = sqlite.prepare(
    `INSERT INTO elders (id, name, name_initials, id_number, sex, birth_date, village_id, registered_on, created_at, created_by, updated_at, updated_by) VALUES (?, ?, 'x', ?, 'female', '1940-01-01', ?, '${YEAR - 1}-12-01', ?, ?, ?, ?)`,
  );
  const insertVisit = sqlite.prepare(
    `INSERT INTO home_service_visits (id, elder_id, provider_id, worker_id, outcome, service_on, start_time, end_time, price_class, confirmation, slip_no, request_id, created_at, created_by_id, created_by)
     VALUES (?, ?, ?, ?, 'done', ?, ?, ?, ?, 'paper_slip', ?, ?, ?, 'bench', '历史数据')`,
  );
  const insertVisitItem = sqlite.prepare(`INSERT INTO home_service_visit_items (visit_id, item_id, quantity) VALUES (?, ?, ?)`);
  const insertCheck = sqlite.prepare(
    `INSERT INTO home_service_checks (id, visit_id, kind, checked_on, checker, outcome, note, created_at, created_by) VALUES (?, ?, 'phone', ?, '关爱专干', ?, ?, ?, '历史数据')`,
  );
  let visits = 0;
  let checks = 0;
  sqlite.transaction(() => {
    for (let e = 0; e < ELDERS; e++) {
      const elder = randomUUID();
      const first17 = `320102${1930 + Math.floor(e / 1000)}0101${String(e % 1000).padStart(3, '0')}`;
      insertElder.run(elder, `老人${e}`, first17 + computeCheckChar(first17), village, ...stamp);
      const provider = providers[e % 3];
      const cls = random.pick(PRICE_CLASSES);
      for (let v = 0; v < VISITS_PER_ELDER; v++) {
        const month = String(1 + Math.floor((v * 12) / VISITS_PER_ELDER)).padStart(2, '0');
        const day = `${YEAR}-${month}-${String(random.int(1, 28)).padStart(2, '0')}`;
        const id = randomUUID();
        const startHour = random.int(8, 15);
        insertVisit.run(id, elder, provider.id, random.pick(provider.workers), day, `${String(startHour).padStart(2, '0')}:00`, `${String(startHour + 1).padStart(2, '0')}:30`, cls, `QR-${visits}`, id, at);
        const first = random.pick(items);
        insertVisitItem.run(id, first.id, first.unit === 'hour' ? 90 : 1);
        if (random.chance(0.3)) {
          const second = random.pick(items.filter((i) => i !== first));
          insertVisitItem.run(id, second.id, second.unit === 'hour' ? 30 : 1);
        }
        if (random.chance(0.1)) {
          const disputed = random.chance(0.05);
          insertCheck.run(randomUUID(), id, day, disputed ? 'disputed' : 'confirmed', disputed ? '老人说没有来' : '', at);
          checks += 1;
        }
        visits += 1;
      }
    }
  })();
  return { visits, checks, providers };
}

export async function benchHomecareSettlement() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-bench-homecare-'));
  const backend = await startBackend({ dataDir });
  const session = new Session();
  const call = async (method: string, input: unknown) => {
    const result = await backend.dispatch(session, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  await call('auth.setupAdmin', { username: 'admin', displayName: '关爱专干', password: 'bench-password-1' });
  const started = performance.now();
  const written = writeYear(backend.database.sqlite);
  backend.database.sqlite.exec('ANALYZE');
  const generationSeconds = Math.round((performance.now() - started) / 100) / 10;
  const provider = written.providers[0];
  const preview = (await call('homecare.settlementPreview', { providerId: provider.id, month: MONTH })) as { lines: unknown[]; disputed: unknown[] };
  const ms = {
    preview: await measureAgainst(40, SETTLEMENT_PREVIEW_TARGET_MS, () => call('homecare.settlementPreview', { providerId: written.providers[0].id, month: MONTH })),
    monthOfAll: await measureAgainst(15, null, () => call('homecare.settlements', { month: MONTH })),
    sample: await measureAgainst(15, null, () => call('homecare.checkMonth', { month: MONTH, providerId: null })),
  };
  await backend.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { dataset: { elders: ELDERS, visits: written.visits, checks: written.checks, generationSeconds, providerMonthLines: preview.lines.length, providerMonthDisputed: preview.disputed.length }, ms };
}

export function homecareSettlementLines(result: Awaited<ReturnType<typeof benchHomecareSettlement>>): string[] {
  const { dataset: d, ms } = result;
  return [
    `居家上门服务 home services: ${d.elders} elders, ${d.visits} visits over a year, ${d.checks} checked (written in ${d.generationSeconds} s); one provider's month ${d.providerMonthLines} paid lines, ${d.providerMonthDisputed} disputed`,
    targetLine('月结算预览 a provider\'s monthly settlement preview', ms.preview),
    targetLine('月结算列表 the month of all providers', ms.monthOfAll),
    targetLine('回访抽查 the month\'s 回访 sample', ms.sample),
  ];
}

if (require.main === module) {
  benchHomecareSettlement()
    .then((result) => {
      console.log(JSON.stringify(result, null, 2));
      for (const line of homecareSettlementLines(result)) console.log(line);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
