// The handover summary in few words, for the paper: a task missed at several times is named once with its times
// ("翻身 02:00、04:00"), and each resident is one line.
import type { HandoverResident, HandoverSummary } from '../../api/handover';

/** ['翻身 02:00', '翻身 04:00', '测量生命体征'] → ['翻身 02:00、04:00', '测量生命体征'] (first-seen order). */
export function compactTasks(items: readonly string[]): string[] {
  const times = new Map<string, string[]>();
  for (const item of items) {
    const m = /^(.*) (\d{2}:\d{2})(.*)$/.exec(item);
    const [name, time] = m ? [`${m[1]}${m[3]}`, m[2]] : [item, ''];
    const list = times.get(name) ?? [];
    if (time) list.push(time);
    times.set(name, list);
  }
  return [...times].map(([name, list]) => (list.length ? `${name} ${list.join('、')}` : name));
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
