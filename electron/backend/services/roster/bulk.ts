// Rostering many cells in one action: one person on several days with one shift (or 休), and a whole week filled
// from a pattern such as 早早中中夜休休 for several people, optionally rotated one day per person. Each action is one
// transaction with one audit row per roster entry it adds, re-scopes or cancels; any bad input writes nothing.
import type { z } from 'zod';
import type { AssignDaysInput, FillWeekInput } from '@shared/api/roster';
import { invalid, notFound } from '@shared/api/errors';
import { addDays } from '@shared/domain/dates';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { type Shift, loadShifts } from './shifts';
import { assertMonday, rosterPerson, setDay } from './roster';

/** The character that stands for a day off in a pattern. */
export const DAY_OFF = '休';

export function assignDays(deps: BackendDeps, caller: Caller, input: z.output<typeof AssignDaysInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const person = await rosterPerson(ctx.trx, input.staffId);
    if (input.shiftId !== null && !(await loadShifts(ctx.trx)).some((s) => s.id === input.shiftId)) throw notFound('班次');
    // No area picked: a day that already has this shift keeps its floors (new days cover the whole centre).
    const wanted = input.shiftId === null ? [] : [{ shiftId: input.shiftId, area: input.area.length > 0 ? input.area : undefined }];
    let changed = 0;
    for (const date of [...input.dates].sort()) changed += await setDay(ctx, person, date, wanted);
    return { changed };
  });
}

/** Reads a pattern's characters as shifts (null for 休), refusing unknown or ambiguous characters by name. */
export function readPattern(pattern: string, shifts: readonly Shift[]): (Shift | null)[] {
  const byChar = new Map<string, Shift[]>();
  for (const s of shifts) byChar.set([...s.name][0], [...(byChar.get([...s.name][0]) ?? []), s]);
  const known = [...byChar.keys(), DAY_OFF].join('、');
  return [...pattern].map((ch) => {
    if (ch === DAY_OFF) return null;
    const matches = byChar.get(ch) ?? [];
    if (matches.length === 0) throw invalid(`排班规律里的「${ch}」不是班次，只能用：${known}`, 'pattern');
    if (matches.length > 1) throw invalid(`「${ch}」可以指${matches.map((m) => m.name).join('或')}，请改一个班次的名称，让每个班次的第一个字不同`, 'pattern');
    return matches[0];
  });
}

export function fillWeek(deps: BackendDeps, caller: Caller, input: z.output<typeof FillWeekInput>) {
  assertMonday(input.monday);
  return writeAction(deps, caller, async (ctx) => {
    const days = readPattern(input.pattern, await loadShifts(ctx.trx));
    let changed = 0;
    for (const [i, staffId] of input.staffIds.entries()) {
      const person = await rosterPerson(ctx.trx, staffId);
      for (let d = 0; d < 7; d++) {
        // Staggered: person i works on day d what the pattern says for day d − i, so the week's shifts rotate.
        const shift = days[(((d - (input.stagger ? i : 0)) % 7) + 7) % 7];
        changed += await setDay(ctx, person, addDays(input.monday, d), shift ? [{ shiftId: shift.id }] : []);
      }
    }
    return { changed };
  });
}
