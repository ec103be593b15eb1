// The demo centre's health file (issue 19), through the real services: a check-up this year (in the last ten months)
// for most residents in residence — about a third with something abnormal and its follow-up, one with its report as a
// PDF, one recorded for the wrong day, voided and recorded again — and a few due (none, or the last over a year ago);
// family-doctor contracts for most, two ending within the month, one ended early; and the monthly health entry of the
// last two months for nearly everyone and of this month for about half, from the month's vitals where there are some.
// So that the blood-pressure and glucose trends have something to show, residents with 高血压 or 糖尿病 get a morning
// reading every few days over the last six months in the care log (the demo's only vitals; written as the early
// shift's caregiver would have recorded them).
import { randomUUID } from 'node:crypto';
import { chinaInstant } from '@shared/domain/care/shifts';
import { addDays, addYears, lastDayOfMonth, shiftMonth } from '@shared/domain/dates';
import type { BackendDeps } from '../deps';
import type { Caller } from '../caller';
import { recordCheckup, voidCheckup } from '../services/health/checkups';
import { endFamilyDoctor, saveFamilyDoctor } from '../services/health/family-doctors';
import { monthVitals, saveMonthly } from '../services/health/monthly';
import { residentsOn } from '../services/health/residents-on';
import type { Random } from './random';

const INSTITUTIONS = ['本镇卫生院', '本镇卫生院', '县人民医院体检中心'];
const NORMAL = [
  '血常规、尿常规正常；肝肾功能正常；空腹血糖 5.6；血脂正常；心电图窦性心律；腹部B超未见异常',
  '血常规正常；肝功能正常，肌酐略高于上限；空腹血糖 6.0；心电图大致正常；B超示胆囊息肉（小）',
  '各项检查未见明显异常；视力下降，建议配镜',
];
const ABNORMAL: [string, string][] = [
  ['空腹血糖 7.9 mmol/L', '一个月后复查空腹血糖，控制饮食，报家庭医生'],
  ['血压 168/96 mmHg', '每日测血压两次，卫生院医生调整降压药'],
  ['心电图：ST-T 改变', '转县医院心内科进一步检查'],
  ['总胆固醇 6.8 mmol/L', '低脂饮食，三个月后复查血脂'],
  ['尿常规：尿蛋白 +', '两周后复查尿常规'],
];
const DOCTORS: [string, string, string][] = [
  ['陈志强', '第一家庭医生团队', '13907310001'],
  ['刘桂芳', '第二家庭医生团队', '13907310002'],
  ['黄建国', '第一家庭医生团队', '13907310003'],
];
const NOTES = ['', '', '', '', '精神可', '夜间睡眠差', '近来话少，多陪伴', '双下肢轻度浮肿，已告知医生'];
/** A one-page PDF (体检报告 in Latin letters: the standard fonts hold no Chinese). */
const REPORT_PDF = (() => {
  const text = 'BT /F1 18 Tf 72 760 Td (Tijian baogao - demo) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return `data:application/pdf;base64,${Buffer.from(body, 'latin1').toString('base64')}`;
})();

/** Morning readings every 3–5 days over six months for residents with 高血压 (BP) or 糖尿病 (glucose). */
async function chronicVitals(deps: BackendDeps, actor: Caller, random: Random, today: string): Promise<number> {
  const shift = await deps.db.selectFrom('shifts').select('id').where('retiredAt', 'is', null).where('startTime', '<=', '08:30').orderBy('startTime', 'desc').executeTakeFirst();
  if (!shift) return 0;
  const residents = await deps.db
    .selectFrom('residents')
    .select(['id', 'chronicConditions', 'admittedOn'])
    .where('status', '!=', 'discharged')
    .where('admittedOn', 'is not', null)
    .where((eb) => eb.or([eb('chronicConditions', 'like', '%高血压%'), eb('chronicConditions', 'like', '%糖尿病%')]))
    .orderBy('name')
    .execute();
  const rows = [];
  for (const r of residents) {
    const bp = r.chronicConditions.includes('高血压');
    const sugar = r.chronicConditions.includes('糖尿病');
    const base = { sys: random.int(128, 155), dia: random.int(72, 90), glucose: 6 + random.next() * 2.5, weight: Math.round((45 + random.next() * 25) * 10) / 10 };
    for (let day = addDays(today, -182 + random.int(0, 3)); day < today; day = addDays(day, random.int(3, 5))) {
      if (day < (r.admittedOn ?? today)) continue;
      const at = chinaInstant(day, `08:${String(random.int(10, 50))}`).toISOString();
      const data = {
        kind: 'vitals',
        temperature: null,
        systolic: bp ? base.sys + random.int(-12, 18) : null,
        diastolic: bp ? base.dia + random.int(-8, 10) : null,
        pulse: bp ? random.int(64, 88) : null,
        glucose: sugar ? Math.round((base.glucose + (random.next() - 0.4) * 2.5) * 10) / 10 : null,
        weight: day.endsWith('-05') || day.endsWith('-06') || day.endsWith('-07') ? Math.round((base.weight + (random.next() - 0.5) * 1.5) * 10) / 10 : null,
        confirmedUnusual: false,
      };
      rows.push({ id: randomUUID(), residentId: r.id, kind: 'vitals' as const, taskId: null, slot: null, data: JSON.stringify(data), shiftId: shift.id, shiftDate: day, occurredAt: at, recordedById: actor.userId, recordedBy: actor.name, amendsId: null, amendReason: null, requestId: randomUUID(), createdAt: at });
    }
  }
  for (let i = 0; i < rows.length; i += 200) await deps.db.insertInto('careEntries').values(rows.slice(i, i + 200)).execute();
  return rows.length;
}

export async function demoHealthFile(deps: BackendDeps, actor: Caller, random: Random, today: string): Promise<number> {
  const residents = await residentsOn(deps.db, today);
  let events = await chronicVitals(deps, actor, random, today);
  let withPdf = false;
  let redone = false;
  let expiring = 0;
  let ended = false;
  for (const [i, r] of residents.entries()) {
    const admitted = r.admittedOn ?? today;
    // Check-ups: most this year; a few due (none, or the last one over a year ago).
    const due = i % 8 === 5;
    const daysAgo = due ? random.int(380, 500) : random.int(5, 300);
    const checkedOn = addDays(today, -daysAgo);
    if (!(due && i % 16 === 5)) {
      const abnormal = random.chance(0.3) ? random.pick(ABNORMAL) : null;
      const attach: boolean = !withPdf && abnormal !== null;
      withPdf ||= attach;
      const input = {
        requestId: randomUUID(),
        residentId: r.id,
        institution: random.pick(INSTITUTIONS),
        results: random.pick(NORMAL),
        abnormal: abnormal?.[0] ?? '',
        followUp: abnormal?.[1] ?? '',
        attachment: attach ? REPORT_PDF : null,
        attachmentName: attach ? '体检报告.pdf' : '',
      };
      if (!redone && !due) {
        const wrong = await recordCheckup(deps, actor, { ...input, checkedOn: addDays(checkedOn, -1), requestId: randomUUID() });
        await voidCheckup(deps, actor, { id: wrong.id, reason: '体检日期录错，重新登记' });
        redone = true;
        events += 2;
      }
      await recordCheckup(deps, actor, { ...input, checkedOn });
      events += 1;
    }
    // Family doctors: most signed for a year; two ending within the month; one ended early.
    if (random.chance(0.85)) {
      const [doctor, team, phone] = random.pick(DOCTORS);
      const soon = expiring < 2 && random.chance(0.2);
      if (soon) expiring += 1;
      const validFrom = soon ? addDays(addYears(today, -1), random.int(5, 25)) : addDays(today, -random.int(10, 300));
      const signedOn = addDays(validFrom, -random.int(0, 5));
      const contract = await saveFamilyDoctor(deps, actor, {
        residentId: r.id,
        doctor,
        team,
        institution: '本镇卫生院',
        phone,
        signedOn: signedOn < today ? signedOn : today,
        validFrom,
        validTo: addDays(addYears(validFrom, 1), -1),
      });
      events += 1;
      if (!ended && !soon && validFrom < addDays(today, -60)) {
        ended = true;
        await endFamilyDoctor(deps, actor, { id: contract.id, endedOn: addDays(today, -20), reason: '签约医生调往县医院，待重新签约' });
        events += 1;
      }
    }
    // Monthly entries: the last two months for nearly everyone, this month for about half.
    for (const back of [2, 1, 0]) {
      const month = shiftMonth(today.slice(0, 7), -back);
      if (admitted > lastDayOfMonth(month)) continue;
      if (back === 0 ? !random.chance(0.5) : random.chance(0.05)) continue;
      const vitals = (await monthVitals(deps.db, [r.id], month)).get(r.id);
      const weight = vitals?.weightKg ?? Math.round((45 + random.next() * 25) * 10) / 10;
      const bp = vitals?.systolic != null ? [vitals.systolic, vitals.diastolic!] : random.chance(0.8) ? [random.int(110, 165), random.int(65, 95)] : null;
      await saveMonthly(deps, actor, {
        residentId: r.id,
        month,
        weightKg: weight,
        systolic: bp?.[0] ?? null,
        diastolic: bp?.[1] ?? null,
        skin: random.chance(0.9) ? 'intact' : 'red',
        appetite: random.pick(['good', 'good', 'good', 'fair', 'poor'] as const),
        mood: random.pick(['calm', 'calm', 'calm', 'low', 'anxious'] as const),
        note: random.pick(NOTES),
      });
      events += 1;
    }
  }
  return events;
}
