// The handover summary in few words, for the paper: a task missed at several times is named once with its times
// ("翻身 02:00、04:00"), and each resident is one line.
import type { HandoverResident, HandoverSummary } from '../../api/handover';

/** ['翻身 02:00', '翻身 04:00', '测量生命体征'] → ['翻身 02:00、04:00', '测量生命体征'] (first-seen order);
 * ['协助进食 11:30（老人拒绝）'] stays as it is. */
export function compactTasks(items: readonly string[]): string[] {
  // Keyed by the task and what follows its time (a reason such as "（老人拒绝）" stays after the times).
  const groups = new Map<string, { name: string; after: string; times: string[] }>();
  for (const item of items) {
    const m = /^(.*) (\d{2}:\d{2})(.*)$/.exec(item);
    const [name, time, after] = m ? [m[1], m[2], m[3]] : [item, '', ''];
    const group = groups.get(`${name}|${after}`) ?? { name, after, times: [] };
    if (time) group.times.push(time);
    groups.set(`${name}|${after}`, group);
  }
  return [...groups.values()].map((g) => (g.times.length ? `${g.name} ${g.times.join('、')}${g.after}` : `${g.name}${g.after}`));
}

/** One resident's line: what the next shift must know, or null when there is nothing. */
export function residentLine(r: HandoverResident): string | null {
  const parts = [
    r.away ? r.away : '',
    r.incidents.length ? `意外 ${r.incidents.join('；')}` : '',
    r.notDone.length ? `没做 ${compactTasks(r.notDone).join('，')}` : '',
    r.unrecorded.length ? `没记录 ${compactTasks(r.unrecorded).join('，')}` : '',
    r.notes.length ? `备注 ${r.notes.join('；')}` : '',
  ].filter(Boolean);
  return parts.length ? `${r.name}（${r.bedLabel ?? '无床位'}）：${parts.join('；')}` : null;
}

/** The whole summary as a few lines: incidents first, then one line per resident who needs attention. */
export function summaryLines(s: HandoverSummary): string[] {
  if (s.counts === null) {
    // Made before the grouping existed: print the flat lists as they were kept.
    return [
      s.incidents.length ? `意外：${s.incidents.join('；')}` : '意外：无',
      s.tasksNotDone.length ? `未完成：${s.tasksNotDone.join('；')}` : '未完成：无',
      s.away.length ? `不在院：${s.away.join('；')}` : '',
      s.notes.length ? `备注：${s.notes.join('；')}` : '',
      s.roundsText,
    ].filter(Boolean);
  }
  const lines = s.residents.map(residentLine).filter((l): l is string => l !== null);
  const quiet = s.residents.length - lines.length;
  return [
    s.incidents.length ? `意外 ${s.incidents.length} 起：${s.incidents.join('；')}` : '意外：无',
    ...lines,
    quiet > 0 ? `其余 ${quiet} 位老人：任务都已记录，没有备注` : '',
    s.roundsText,
  ].filter(Boolean);
}
