// The free room of the disk holding a folder, as the operating system reports it to this user (statfs's bavail).
import fs from 'node:fs';
import path from 'node:path';

export interface Space {
  freeBytes: number;
  totalBytes: number;
}

/** statfs of a folder; injected in tests that need a disk of a given size. */
export type StatFs = (folder: string) => Space;

export const systemStatFs: StatFs = (folder) => {
  const s = fs.statfsSync(folder);
  return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
};

/** A folder still to be made (the exports folder before the first export) is on its nearest existing parent's disk. */
export function nearestExisting(folder: string, exists: (target: string) => boolean = fs.existsSync): string {
  let current = path.resolve(folder);
  while (!exists(current)) {
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}

/** The free room where `folder` is, or null when the system cannot say (a pulled USB stick). */
export function freeSpaceOf(folder: string, statfs: StatFs = systemStatFs): Space | null {
  try {
    return statfs(nearestExisting(folder));
  } catch {
    return null;
  }
}
