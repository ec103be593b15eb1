// Automatic backups: one a day (kept 14 days) and one a month (kept 12 months). Which files go is decided here.
export const KEEP_DAILY = 14;
export const KEEP_MONTHLY = 12;

export const dailyName = (date: string) => `daily-${date}.sqlite`;
export const monthlyName = (month: string) => `monthly-${month}.sqlite`;

/** Old automatic backups beyond the keep counts (newest kept). Other files in the folder are never touched. */
export function backupsToRemove(fileNames: readonly string[]): string[] {
  const daily = fileNames.filter((f) => /^daily-\d{4}-\d{2}-\d{2}\.sqlite$/.test(f)).sort().reverse();
  const monthly = fileNames.filter((f) => /^monthly-\d{4}-\d{2}\.sqlite$/.test(f)).sort().reverse();
  return [...daily.slice(KEEP_DAILY), ...monthly.slice(KEEP_MONTHLY)];
}
