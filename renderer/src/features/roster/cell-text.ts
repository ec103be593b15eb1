// What a roster cell shows, in words: the printed sheet and the cell's accessible name use the same text, so a
// voice-control user says what they see ("早班，陆秀兰 11月30日").
import type { RosterWeek } from '@shared/api/roster';

export type RosterCells = RosterWeek['staff'][number]['cells'][string];

export function cellText(cells: RosterCells, shiftName: ReadonlyMap<string, string>, dayOff: string): string {
  if (cells.length === 0) return dayOff;
  return cells.map((c) => [shiftName.get(c.shiftId) ?? '', c.area.length > 0 ? c.areaText : ''].filter(Boolean).join(' ')).join('、');
}

/** "11月30日" from 2026-11-30. */
export const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
