// Sizes as a manager reads them on the phone to the maintainer: "还剩 350 MB", "需要 1.2 GB".
const KB = 1024;
export const MB = 1024 * KB;
export const GB = 1024 * MB;

/** 0 字节, 12 KB, 350 MB, 1.2 GB: one decimal below 10 of a unit, none above. */
export function formatBytes(bytes: number): string {
  const n = Math.max(0, Math.round(bytes));
  if (n < KB) return `${n} 字节`;
  const [value, unit] = n >= GB ? [n / GB, 'GB'] : n >= MB ? [n / MB, 'MB'] : [n / KB, 'KB'];
  // Rounded down: "还剩 0.9 GB" must never read as 1 GB when the notice's limit is 1 GB.
  const shown = value < 10 ? Math.floor(value * 10) / 10 : Math.floor(value);
  return `${shown} ${unit}`;
}
