// The demo township's services at home as delivered (issue 18): from the first day of the month two months back to
// yesterday, every planned visit of the plans B1's demo made (homecare-setup.ts) is recorded through the real services —
// most done as planned (start a few minutes either way, the items of the plan), confirmed on paper (the slip number
// printed for it), by a signature drawn on the tablet or by a family member; some missed with a reason (老人住院,
// 老人外出, 服务人员请假 …); one recorded with the wrong times, voided and recorded again. A visit beyond the month's
// entitlement is recorded with its reason. A worker planned at one time for several elders serves them one after the
// other. Today's visits are left to do, so the schedule shows the day's work.
import { randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { AppError } from '@shared/api/errors';
import type { Confirmation } from '@shared/api/homecare-delivery';
import { addDays, shiftMonth } from '@shared/domain/dates';
import type { BackendDeps } from '../deps';
import type { Caller } from '../caller';
import { addMinutes, minutesBetween, plannedVisits } from '../services/homecare/planned';
import { recordMissed, recordVisit, voidVisit } from '../services/homecare/record';
import { FEMALE_GIVEN, MALE_GIVEN } from './names';
import type { Random } from './random';

const MISSED_REASONS = ['老人住院', '老人外出走亲戚', '服务人员请假', '老人拒绝服务', '雨雪天气道路不通'];
const NOTES = ['', '', '', '', '打扫卧室和厨房，清理垃圾', '老人精神好，聊了会儿天', '提醒按时吃药', '帮老人换洗床单', '水缸挑满了水'];
const RELATIONS = ['儿子', '女儿', '儿媳', '侄子', '孙女'];

export async function demoHomecareDelivery(deps: BackendDeps, actor: Caller, random: Random, today: string): Promise<number> {
  const from = `${shiftMonth(today.slice(0, 7), -2)}-01`;
  const to = addDays(today, -1);
  if (to < from) return 0;
  const planned = await plannedVisits(deps.db, from, to, { providerId: null, workerId: null, villageId: null });
  const workersOf = new Map<string, string[]>();
  for (const w of await deps.db.selectFrom('homeServiceWorkers').select(['id', 'providerId']).where('retiredAt', 'is', null).orderBy('name').execute()) {
    workersOf.set(w.providerId, [...(workersOf.get(w.providerId) ?? []), w.id]);
  }
  let events = 0;
  let redoneOnce = false;
  const busyUntil = new Map<string, number>();
  for (const p of planned) {
    if (p.state !== 'todo') continue;
    if (random.chance(0.07)) {
      await recordMissed(deps, actor, { requestId: randomUUID(), planId: p.planId, serviceOn: p.on, reason: random.pick(MISSED_REASONS) });
      events += 1;
      continue;
    }
    const workerId = p.workerId ?? workersOf.get(p.providerId)?.[0];
    if (!workerId) continue;
    const late = random.pick([0, 0, 0, 5, 10, -5, 15]);
    // A worker with several elders at one time goes from one to the next (ten minutes on the way).
    const busy = busyUntil.get(`${workerId} ${p.on}`) ?? 0;
    const startMinute = Math.max(minutesBetween('00:00', p.startTime) + late, busy === 0 ? 0 : busy + 10);
    const minutes = Math.max(15, p.minutes + random.pick([0, 0, 0, 5, -5, 10]));
    if (startMinute + minutes > 20 * 60) continue;
    const startTime = addMinutes('00:00', startMinute);
    const endTime = addMinutes(startTime, minutes);
    busyUntil.set(`${workerId} ${p.on}`, startMinute + minutes);
    const duration = minutesBetween(startTime, endTime);
    if (duration <= 0) continue;
    const hourly = p.items.filter((i) => i.unit === 'hour');
    const share = hourly.length > 0 ? Math.floor(duration / hourly.length) : 0;
    const items = p.items.map((i) => ({ itemId: i.itemId, quantity: i.unit === 'visit' ? 1 : Math.max(1, share + (i === hourly[0] ? duration - share * hourly.length : 0)) }));
    const kind = random.next();
    const confirmation: Confirmation =
      kind < 0.5
        ? { kind: 'paper_slip', slipNo: p.slipNo }
        : kind < 0.8
          ? { kind: 'signature', signature: signaturePng(random) }
          : { kind: 'family', confirmedBy: `${random.pick([...MALE_GIVEN, ...FEMALE_GIVEN]).slice(0, 1)}${random.pick(['小明', '建国', '秀梅', '海燕', '卫东'])}（${random.pick(RELATIONS)}）` };
    const input = { requestId: randomUUID(), elderId: p.elderId, providerId: p.providerId, workerId, planId: p.planId, serviceOn: p.on, startTime, endTime, items, confirmation, overQuotaReason: '', notes: random.pick(NOTES), photo: null };
    try {
      if (!redoneOnce && p.on >= addDays(today, -20)) {
        // one visit recorded with the wrong (evening) times, voided, and recorded again
        const wrong = await recordVisit(deps, actor, { ...input, requestId: randomUUID(), startTime: '19:00', endTime: addMinutes('19:00', Math.min(duration, 240)), planId: null });
        await voidVisit(deps, actor, { id: wrong.id, reason: '时间登记错了（应为白天），作废后重新登记' });
        redoneOnce = true;
        events += 2;
      }
      await recordVisit(deps, actor, input);
      events += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.field === 'overQuotaReason') {
        await recordVisit(deps, actor, { ...input, requestId: randomUUID(), overQuotaReason: '老人身体不好，村委会申请加一次，经办人同意' });
        events += 1;
      }
      // anything else (a worker's overlapping plans): left to do, as an unrecorded visit would be
    }
  }
  return events;
}

// ---- a signature drawn on the tablet: a few strokes of a pen on a white 300×100 PNG (grayscale), made here so the demo
// needs no canvas.
const W = 300;
const H = 100;

function signaturePng(random: Random): string {
  const pixels = new Uint8Array(W * H).fill(255);
  const dot = (x: number, y: number) => {
    for (let dx = -1; dx <= 1; dx += 1) {
      for (let dy = -1; dy <= 1; dy += 1) {
        const px = Math.round(x) + dx;
        const py = Math.round(y) + dy;
        if (px >= 0 && px < W && py >= 0 && py < H) pixels[py * W + px] = 0;
      }
    }
  };
  const strokes = random.int(3, 5);
  let x = 20 + random.int(0, 20);
  for (let s = 0; s < strokes; s += 1) {
    const width = random.int(30, 60);
    const amp = random.int(10, 30);
    const freq = 1 + random.next() * 2;
    const phase = random.next() * Math.PI;
    for (let t = 0; t <= width; t += 0.5) {
      dot(x + t, 50 + amp * Math.sin((t / width) * Math.PI * freq + phase) * (s % 2 === 0 ? 1 : -0.6));
    }
    x += width + random.int(5, 15);
    if (x > W - 60) break;
  }
  return `data:image/png;base64,${png(pixels).toString('base64')}`;
}

function png(gray: Uint8Array): Buffer {
  const raw = Buffer.alloc((W + 1) * H);
  for (let y = 0; y < H; y += 1) {
    raw[y * (W + 1)] = 0;
    Buffer.from(gray.subarray(y * W, (y + 1) * W)).copy(raw, y * (W + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(W, 0);
  header.writeUInt32BE(H, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grayscale
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
