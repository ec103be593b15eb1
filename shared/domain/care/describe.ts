// One plain line for a care record, as the ledger and the timeline print it: "体温 36.5 ℃，血压 130/80 mmHg".
import type { EntryData } from '../../api/care';
import { enumLabel } from '../enum-labels';
import { VITALS, VITAL_CODES } from './vitals';

export function describeEntry(data: EntryData, taskName = '护理任务'): string {
  switch (data.kind) {
    case 'task': {
      // The slot's clock time tells the 08:00 turn from the 10:00 one.
      const when = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(data.slot) ? `（${data.slot.slice(11)}）` : '';
      if (data.status === 'done') return `${taskName}${when}：已完成${data.fromRound ? '（查房时完成）' : ''}`;
      return `${taskName}${when}：未做（${enumLabel('notDoneReason', data.reason ?? 'other')}）`;
    }
    case 'vitals': {
      const parts: string[] = [];
      for (const code of VITAL_CODES) {
        if (code === 'diastolic') continue;
        const v = data[code];
        if (v === null) continue;
        if (code === 'systolic') parts.push(`血压 ${v}/${data.diastolic} mmHg`);
        else parts.push(`${VITALS[code].label} ${v} ${VITALS[code].unit}`);
      }
      return parts.join('，') + (data.confirmedUnusual ? '（已核对）' : '');
    }
    case 'intake': {
      const parts: string[] = [];
      if (data.amount) parts.push(`${data.meal ? enumLabel('meal', data.meal) : '进食'}${enumLabel('intakeAmount', data.amount)}`);
      if (data.waterMl !== null) parts.push(`饮水 ${data.waterMl} 毫升`);
      return parts.join('，');
    }
    case 'toileting':
      return [data.urine && enumLabel('urine', data.urine), data.stool && enumLabel('stool', data.stool)].filter(Boolean).join('，');
    case 'sleep':
      return `睡眠：${enumLabel('sleep', data.quality)}`;
    case 'mood':
      return `情绪：${enumLabel('mood', data.mood)}`;
    case 'skin':
      return `皮肤：${enumLabel('skin', data.state)}${data.site ? `（${data.site}）` : ''}`;
    case 'note':
      return data.text;
    case 'round':
      return `${enumLabel('roundState', data.state)}${data.note ? `，${data.note}` : ''}`;
  }
}
