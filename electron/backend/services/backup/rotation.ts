// Automatic backups: one a day (kept 14 days) and one a month (kept 12 months). Which files go is decided here.
// A SQLite store's copies end in .sqlite; a PostgreSQL store's pg_dump archives in .dump, each kind rotated apart.
export const KEEP_DAILY = 14;
export const KEEP_MONTHLY = 12;

export type BackupExtension = '.sqlite' | '.dump';

export const dailyName = (date: string, ext: BackupExtension = '.sqlite') => `daily-${date}${ext}`;
export const monthlyName = (month: string, ext: BackupExtension = '.sqlite') => `monthly-${month}${ext}`;

/** Old automatic backups beyond the keep counts (newest kept). Other files in the folder are never touched. */
export function backupsToRemove(fileNames: readonly string[]): string[] {
  const removed: string[] = [];
  for (const ext of ['sqlite', 'dump']) {
    const daily = fileNames.filter((f) => new RegExp(`^daily-\\d{4}-\\d{2}-\\d{2}\\.${ext}$`).test(f)).sort().reverse();
    const monthly = fileNames.filter((f) => new RegExp(`^monthly-\\d{4}-\\d{2}\\.${ext}$`).test(f)).sort().reverse();
    removed.push(...daily.slice(KEEP_DAILY), ...monthly.slice(KEEP_MONTHLY));
  }
  return removed;
}
