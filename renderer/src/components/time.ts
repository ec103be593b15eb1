// Times as people at the centre read them: China time, whatever the PC's zone.
const clockFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** 'HH:MM' */
export const clockTime = (iso: string) => clockFormat.format(new Date(iso));
/** 'MM/DD HH:MM' */
export const shortDateTime = (iso: string) => dateTimeFormat.format(new Date(iso));

/** A fresh id for one submission of a form: sending the same form twice writes once. */
export const newRequestId = () => crypto.randomUUID();

/** The value for an <input type="datetime-local"> from an ISO instant, in China time. */
export function toLocalInput(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}

/** An ISO instant from a China-time 'YYYY-MM-DDTHH:MM' reading. */
export function fromLocalInput(value: string): string {
  return new Date(`${value}:00+08:00`).toISOString();
}
