// The printed ledgers inspectors ask for — 防火巡查记录, 防火检查记录, 隐患整改台账, 消防演练记录 — as rows of text, and
// their Excel export (audited).
import type { FireLedger } from '@shared/api/fire';
import { invalid } from '@shared/api/errors';
import { addDays } from '@shared/domain/dates';
import { chinaInstant, chinaWallClock } from '@shared/domain/care/shifts';
import { enumLabel } from '@shared/domain/enum-labels';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import { ledgerWorkbook } from '../../ledger-excel';
import type { Caller } from '../../caller';
import { listDrills } from './drills';
import { listRounds } from './rounds';

const TITLES: Record<FireLedger['kind'], string> = { patrol: '防火巡查记录', inspection: '防火检查记录', dangers: '火灾隐患整改台账', drills: '消防演练记录' };
const when = (iso: string | null) => (iso ? chinaWallClock(new Date(iso)) : '');

export async function fireLedger(deps: BackendDeps, q: { kind: FireLedger['kind']; from: string; to: string }): Promise<FireLedger> {
  if (q.to < q.from) throw invalid('结束日期不能早于开始日期', 'to');
  if (addDays(q.from, 366) < q.to) throw invalid('一次最多查一年', 'to');
  const base = { kind: q.kind, title: TITLES[q.kind], from: q.from, to: q.to };
  if (q.kind === 'patrol' || q.kind === 'inspection') {
    const rounds = (await listRounds(deps, q.from, q.to > addDays(q.from, 92) ? addDays(q.from, 92) : q.to, null)).filter((r) =>
      q.kind === 'patrol' ? r.kind === 'day_patrol' || r.kind === 'night_patrol' : r.kind === 'inspection',
    );
    const problemsText = (r: (typeof rounds)[number]) =>
      r.results
        .filter((x) => x.result === 'problem')
        .map((x) => `${[x.checkpoint, x.item].filter(Boolean).join(' ')}：${x.note}（${x.fixedOnSpot ? '当场整改' : '已登记隐患'}）`)
        .join('\n') || '正常';
    return {
      ...base,
      columns: q.kind === 'patrol' ? ['巡查时间', '类别', '巡查部位', '巡查情况及处理', '巡查人', '主管签字'] : ['检查时间', '检查项目数', '检查情况及处理', '检查人', '负责人签字'],
      rows: [...rounds].reverse().map((r) =>
        q.kind === 'patrol'
          ? [when(r.doneAt), enumLabel('roundKind', r.kind), [...new Set(r.results.map((x) => x.checkpoint).filter(Boolean))].join('、'), problemsText(r), r.by, r.countersignedBy ? `${r.countersignedBy} ${when(r.countersignedAt)}` : '']
          : [when(r.doneAt), String(r.checked), problemsText(r), r.by, r.countersignedBy ? `${r.countersignedBy} ${when(r.countersignedAt)}` : ''],
      ),
    };
  }
  if (q.kind === 'dangers') {
    const rows = await deps.db
      .selectFrom('fireDangers')
      .selectAll()
      .where('foundAt', '>=', chinaInstant(q.from, '00:00').toISOString())
      .where('foundAt', '<', chinaInstant(addDays(q.to, 1), '00:00').toISOString())
      .orderBy('foundAt')
      .execute();
    return {
      ...base,
      columns: ['发现时间', '来源', '地点', '隐患内容', '等级', '责任人', '整改期限', '整改情况', '整改人/时间', '验收人/时间', '状态'],
      rows: rows.map((d) => [
        when(d.foundAt),
        `${enumLabel('dangerSource', d.source)}（${d.foundBy}）`,
        d.location,
        d.description,
        enumLabel('dangerLevel', d.level),
        d.responsible,
        d.deadline,
        d.rectificationNote ?? '',
        d.rectifiedBy ? `${d.rectifiedBy} ${when(d.rectifiedAt)}` : '',
        d.verifiedBy ? `${d.verifiedBy} ${when(d.verifiedAt)}` : '',
        enumLabel('dangerStatus', d.status),
      ]),
    };
  }
  const drills = (await listDrills(deps)).filter((d) => d.date >= q.from && d.date <= q.to).reverse();
  return {
    ...base,
    columns: ['日期', '演练内容', '夜间/卧床疏散', '参加人数', '疏散用时', '评估', '改进措施', '记录人'],
    rows: drills.map((d) => [
      d.date,
      d.scenario,
      [d.atNight ? '夜间' : '', d.bedridden ? '卧床老人疏散' : ''].filter(Boolean).join('、') || '—',
      `${d.participants}人${d.participantNames ? `：${d.participantNames}` : ''}`,
      d.evacuationSeconds ? `${Math.floor(d.evacuationSeconds / 60)}分${d.evacuationSeconds % 60}秒` : '',
      d.evaluation,
      d.improvements,
      d.recordedBy,
    ]),
  };
}

export async function exportFireLedger(deps: BackendDeps, caller: Caller, q: { kind: FireLedger['kind']; from: string; to: string }) {
  const data = await fireLedger(deps, q);
  const facility = await deps.db.selectFrom('facility').select('name').executeTakeFirst();
  const buffer = await ledgerWorkbook(facility?.name ?? '', data);
  await writeAction(deps, caller, async (ctx) => {
    await ctx.audit({ action: 'export', entity: q.kind === 'dangers' ? 'fireDangers' : q.kind === 'drills' ? 'fireDrills' : 'fireRounds', entityId: q.kind, after: { rows: data.rows.length, filters: q } });
  });
  return { fileName: `${data.title}-${q.from}至${q.to}.xlsx`, base64: buffer.toString('base64'), rows: data.rows.length };
}
