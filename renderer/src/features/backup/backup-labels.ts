// How a backup file is described to people: its kind in words and its size in KB/MB.
import type { BackupFile } from '@shared/api/backup';
import { dateTimeSeconds } from '../../components/time';

export const KIND_LABELS: Record<BackupFile['kind'], string> = {
  daily: '每日自动备份',
  monthly: '每月自动备份',
  pre_migrate: '升级前自动备份',
  pre_restore: '恢复前的安全副本',
  damaged: '损坏的数据库（留档）',
  other: '其他备份',
};

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export const formatTime = (iso: string) => dateTimeSeconds(iso);
