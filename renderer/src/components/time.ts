// Times as people at the centre read them: China time (UTC+8, no daylight saving) whatever the PC's zone, 24-hour,
// year first — 2026-12-03 02:49 — never the browser's "12/03/2026, 02:49 AM".
const CHINA_OFFSET_MS = 8 * 3600_000;

/** 'YYYY-MM-DDTHH:MM:SS' read on a wall clock in China. */
const chinaWall = (iso: string) => new Date(new Date(iso).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19);

/** 'HH:MM' */
export const clockTime = (iso: string) => chinaWall(iso).slice(11, 16);
/** 'YYYY-MM-DD HH:MM' */
export const dateTime = (iso: string) => chinaWall(iso).slice(0, 16).replace('T', ' ');
/** 'YYYY-MM-DD HH:MM:SS', where seconds matter (the audit log). */
export const dateTimeSeconds = (iso: string) => chinaWall(iso).replace('T', ' ');
/** 'YYYY-MM-DD' of an instant, in China. */
export const chinaDate = (iso: string) => chinaWall(iso).slice(0, 10);
/** Kept for older callers: the same full form as dateTime. */
export const shortDateTime = dateTime;

/** A fresh id for one submission of a form: sending the same form twice writes once. */
export const newRequestId = () => crypto.randomUUID();

/** Mantine's date-time pickers: 24-hour, to the minute. */
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/** The value of a Mantine DateTimePicker ('YYYY-MM-DD HH:mm:ss', China time) from an ISO instant. */
export function toPickerValue(iso: string): string {
  return chinaWall(iso).replace('T', ' ');
}

/** An ISO instant from a picker's China-time 'YYYY-MM-DD HH:mm[:ss]' (or 'YYYY-MM-DDTHH:mm') reading. */
export function fromPickerValue(value: string): string {
  const [date, time = '00:00'] = value.trim().split(/[ T]/);
  return new Date(`${date}T${time.slice(0, 5)}:00+08:00`).toISOString();
}

/** Kept for older callers of <input type="datetime-local">. */
export const toLocalInput = (iso: string) => chinaWall(iso).slice(0, 16);
export const fromLocalInput = fromPickerValue;
