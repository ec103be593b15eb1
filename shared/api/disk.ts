// API of the disk module (issue 25): how much room the data disk has left, checked at start and every few minutes, and
// what uses it — for the yellow notice on the manager's home page and the red one everyone signed in sees.
import { z } from 'zod';
import { method } from './method';
import { ANY_ROLE } from './roles';

export const DISK_LEVELS = ['ok', 'low', 'critical'] as const;

/** What takes room in the data folder; photos are inside the database (part of its size). */
export const DiskUsage = z.object({
  databaseBytes: z.number(),
  photosBytes: z.number().nullable(),
  backupsBytes: z.number(),
  exportsBytes: z.number(),
});
export type DiskUsage = z.output<typeof DiskUsage>;

/** An automatic backup left out so as not to fill the disk's last room. */
export const SkippedBackup = z.object({ at: z.string(), neededBytes: z.number(), freeBytes: z.number() });
export type SkippedBackup = z.output<typeof SkippedBackup>;

export const DiskStatus = z.object({
  level: z.enum(DISK_LEVELS),
  /** The data folder (the database, its backups and exports live under it); empty for those who do not keep the data. */
  folder: z.string(),
  freeBytes: z.number(),
  totalBytes: z.number(),
  /** The manager is warned below this; everyone below criticalBelowBytes. */
  warnBelowBytes: z.number(),
  criticalBelowBytes: z.number(),
  checkedAt: z.string(),
  /** False on a PostgreSQL store: the records are on the server, this disk holds backups and exports. */
  recordsHere: z.boolean(),
  /** Worked out when the level is not ok (it reads every photo's size). */
  usage: DiskUsage.nullable(),
  /** The latest automatic backup skipped for lack of room, until one is written again. */
  skippedBackup: SkippedBackup.nullable(),
});
export type DiskStatus = z.output<typeof DiskStatus>;

export const diskApi = {
  /** `fresh`: look at the disk now (再检查) instead of the last check's figures. */
  'disk.status': method({ input: z.object({ fresh: z.boolean().default(false) }), output: DiskStatus, roles: ANY_ROLE, writes: false }),
};
