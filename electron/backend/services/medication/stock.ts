// What is kept for each resident (代管药品): per drug, its batches with what is left, the days the unexpired stock lasts
// at the active kept orders' scheduled doses (按需 not counted), and the warnings the settings ask for — a batch
// expired with stock left, one expiring within expiryWarnDays, fewer than supplyWarnDays of supply, none left for a
// running order. The dashboard's alerts are the same figures counted.
import type { z } from 'zod';
import type { DrugStock, ResidentStock, Stock, StockAlert, StockAlerts, StockQuery, StockWarning } from '@shared/api/medication-stock';
import { runsOn } from '@shared/domain/medication/schedule';
import { addDays } from '@shared/domain/dates';
import { todayIn } from '../../clock';
import type { BackendDeps } from '../../deps';
import type { Executor } from '../../db/executor';
import { bedLabels } from '../facility/places';
import { orderRows } from './order-rows';
import { readMedicationSettings } from './settings';
import { batchBalances } from './stock-ledger';

interface Options {
  residentIds?: readonly string[];
  withEmpty: boolean;
}

/** Every resident with kept medicines left (or a running kept order), each drug with its batches and warnings. */
export async function stockOf(db: Executor, today: string, options: Options): Promise<{ residents: ResidentStock[]; expiryWarnDays: number; supplyWarnDays: number }> {
  const settings = await readMedicationSettings(db);
  const warnUntil = addDays(today, settings.expiryWarnDays);
  const balances = await batchBalances(db, { ...(options.residentIds ? { residentIds: options.residentIds } : {}), withStockOnly: !options.withEmpty });
  const orders = (await orderRows(db, { ...(options.residentIds ? { residentIds: options.residentIds } : {}), activeFrom: today, activeTo: today })).filter(
    (o) => o.supply === 'kept' && o.frequency !== 'prn' && runsOn(o, today),
  );
  const key = (residentId: string, drugId: string) => `${residentId}|${drugId}`;
  // A discharged resident's orders give no more doses: nothing is short for them (what is left is still shown, to return).
  const gone = new Set((await db.selectFrom('residents').select('id').where('status', '=', 'discharged').execute()).map((r) => r.id));
  const daily = new Map<string, number>();
  for (const o of orders.filter((x) => !gone.has(x.residentId))) daily.set(key(o.residentId, o.drugId), (daily.get(key(o.residentId, o.drugId)) ?? 0) + o.doseCenti * o.times.length);

  const batchIds = balances.map((b) => b.batchId);
  const details = new Map<string, { source: string; fromWhom: string; createdBy: string }>();
  for (let i = 0; i < batchIds.length; i += 500) {
    const part = batchIds.slice(i, i + 500);
    for (const r of await db.selectFrom('medicineBatches').select(['id', 'source', 'fromWhom', 'createdBy']).where('id', 'in', part).execute()) details.set(r.id, r);
  }
  const pairs = new Set<string>([...balances.filter((b) => options.withEmpty || b.leftCenti > 0).map((b) => key(b.residentId, b.drugId)), ...daily.keys()]);
  if (pairs.size === 0) return { residents: [], expiryWarnDays: settings.expiryWarnDays, supplyWarnDays: settings.supplyWarnDays };
  const residentIds = [...new Set([...pairs].map((p) => p.split('|')[0]))];
  const drugIds = [...new Set([...pairs].map((p) => p.split('|')[1]))];
  const residents = await db.selectFrom('residents').select(['id', 'name', 'bedId', 'status']).where('id', 'in', residentIds).execute();
  const drugs = new Map((await db.selectFrom('drugs').select(['id', 'name', 'form', 'strength', 'unit']).where('id', 'in', drugIds).execute()).map((d) => [d.id, d]));
  const labels = await bedLabels(db, residents.flatMap((r) => (r.bedId ? [r.bedId] : [])));

  const byPair = new Map<string, typeof balances>();
  for (const b of balances) {
    const k = key(b.residentId, b.drugId);
    if (!pairs.has(k)) continue;
    byPair.set(k, [...(byPair.get(k) ?? []), b]);
  }
  const out: ResidentStock[] = [];
  for (const r of residents) {
    const list: DrugStock[] = [];
    for (const drugId of drugIds) {
      const k = key(r.id, drugId);
      if (!pairs.has(k)) continue;
      const drug = drugs.get(drugId)!;
      const batches = (byPair.get(k) ?? []).map((b) => {
        const d = details.get(b.batchId);
        const expired = b.expiresOn < today;
        return {
          batchId: b.batchId,
          batchNo: b.batchNo,
          expiresOn: b.expiresOn,
          receivedOn: b.receivedOn,
          receivedCenti: b.receivedCenti,
          leftCenti: b.leftCenti,
          source: (d?.source ?? 'other') as DrugStock['batches'][number]['source'],
          fromWhom: d?.fromWhom ?? '',
          receivedBy: d?.createdBy ?? '',
          expired,
          expiring: !expired && b.expiresOn <= warnUntil,
        };
      });
      const shown = options.withEmpty ? batches : batches.filter((b) => b.leftCenti > 0);
      const leftCenti = batches.reduce((n, b) => n + b.leftCenti, 0);
      const usableCenti = batches.filter((b) => !b.expired).reduce((n, b) => n + b.leftCenti, 0);
      const dailyCenti = daily.get(k) ?? null;
      const daysOfSupply = dailyCenti === null ? null : Math.floor(usableCenti / dailyCenti);
      const warnings: StockWarning[] = [];
      if (batches.some((b) => b.expired && b.leftCenti > 0)) warnings.push('expired');
      if (dailyCenti !== null && usableCenti === 0) warnings.push('none_left');
      else if (daysOfSupply !== null && daysOfSupply < settings.supplyWarnDays) warnings.push('low');
      if (batches.some((b) => b.expiring && b.leftCenti > 0)) warnings.push('expiring');
      list.push({ drugId, drugName: drug.name, form: drug.form, strength: drug.strength, unit: drug.unit, leftCenti, usableCenti, dailyCenti, daysOfSupply, warnings, batches: shown });
    }
    list.sort((a, b) => a.drugName.localeCompare(b.drugName, 'zh-CN'));
    out.push({ residentId: r.id, name: r.name, bedLabel: r.bedId ? (labels.get(r.bedId) ?? null) : null, status: r.status, drugs: list });
  }
  out.sort((a, b) => (a.bedLabel ?? '\uffff').localeCompare(b.bedLabel ?? '\uffff', 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'));
  return { residents: out, expiryWarnDays: settings.expiryWarnDays, supplyWarnDays: settings.supplyWarnDays };
}

export async function stock(deps: BackendDeps, query: z.output<typeof StockQuery>): Promise<Stock> {
  const today = todayIn(deps.clock);
  const result = await stockOf(deps.db, today, { residentIds: query.residentId ? [query.residentId] : undefined, withEmpty: query.withEmpty });
  const residents = query.warningsOnly
    ? result.residents.map((r) => ({ ...r, drugs: r.drugs.filter((d) => d.warnings.length > 0) })).filter((r) => r.drugs.length > 0)
    : result.residents;
  return { today, expiryWarnDays: result.expiryWarnDays, supplyWarnDays: result.supplyWarnDays, residents };
}

const ORDER: Record<StockWarning, number> = { expired: 0, none_left: 1, low: 2, expiring: 3 };
const ALERT_ITEMS = 8;

/** The dashboard's counts: drugs with an expired batch left, expiring, and with fewer days of supply than the setting (none left included). */
export async function stockAlerts(deps: BackendDeps): Promise<StockAlerts> {
  const today = todayIn(deps.clock);
  const { residents } = await stockOf(deps.db, today, { withEmpty: false });
  const items: StockAlert[] = [];
  let expired = 0;
  let expiring = 0;
  let low = 0;
  for (const r of residents) {
    for (const d of r.drugs) {
      for (const warning of d.warnings) {
        if (warning === 'expired') expired += 1;
        else if (warning === 'expiring') expiring += 1;
        else low += 1;
        const about = d.batches.filter((b) => b.leftCenti > 0 && (warning === 'expired' ? b.expired : warning === 'expiring' ? b.expiring : false));
        items.push({
          residentId: r.residentId,
          resident: r.name,
          drugName: d.drugName,
          strength: d.strength,
          unit: d.unit,
          warning,
          daysOfSupply: d.daysOfSupply,
          expiresOn: about.length > 0 ? about.map((b) => b.expiresOn).sort()[0] : null,
        });
      }
    }
  }
  items.sort((a, b) => ORDER[a.warning] - ORDER[b.warning] || (a.daysOfSupply ?? 0) - (b.daysOfSupply ?? 0) || (a.expiresOn ?? '').localeCompare(b.expiresOn ?? ''));
  return { expired, expiring, low, items: items.slice(0, ALERT_ITEMS) };
}
