// The disk notice (issue 25), above every page: red for everyone signed in when the data disk has less than 200 MB
// left (saving may fail any moment); yellow on the manager's home page below the warning line, and a skipped
// automatic backup said there too. The manager (who can free space or call the maintainer) sees what uses the room.
import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { DiskStatus } from '@shared/api/disk';
import { formatBytes } from '@shared/domain/disk/bytes';
import { dateTime } from '../../components/time';
import { useMayCall } from '../../shell/current-user';
import { useDiskRecheck, useDiskStatus } from './queries';


/** What the manager can act on: where the data is, what takes the room, what to do, and a check after freeing some. */
function Details({ status }: { status: DiskStatus }) {
  const { t } = useTranslation();
  const recheck = useDiskRecheck();
  const u = status.usage;
  return (
    <Stack gap={6}>
      <Text style={{ overflowWrap: 'anywhere' }}>{t('disk.folder', { folder: status.folder, total: formatBytes(status.totalBytes) })}</Text>
      {u && (
        <div>
          <Text fw={700}>{t('disk.usageTitle')}</Text>
          <List size="md" spacing={2}>
            <List.Item>
              {t('disk.database', { size: formatBytes(u.databaseBytes) })}
              {u.photosBytes !== null && u.photosBytes > 0 && t('disk.photos', { size: formatBytes(u.photosBytes) })}
            </List.Item>
            <List.Item>{t('disk.backups', { size: formatBytes(u.backupsBytes) })}</List.Item>
            <List.Item>{t('disk.exports', { size: formatBytes(u.exportsBytes) })}</List.Item>
          </List>
        </div>
      )}
      <Text>{t('disk.whatToDo')}</Text>
      <Group gap="sm">
        <Button size="md" variant="white" color="dark" onClick={() => recheck.mutate()} loading={recheck.isPending} data-testid="disk-recheck">
          {t('disk.recheck')}
        </Button>
        <Text size="sm">{t('disk.checkedAt', { time: dateTime(status.checkedAt) })}</Text>
      </Group>
    </Stack>
  );
}

export function DiskNotice() {
  const { t } = useTranslation();
  const { data: status } = useDiskStatus();
  const mayManage = useMayCall('backup.list');
  const onHome = useLocation().pathname === '/';
  if (!status) return null;
  const red = status.level === 'critical';
  const yellow = status.level === 'low' && mayManage && onHome;
  const skipped = status.skippedBackup && mayManage && (onHome || red) ? status.skippedBackup : null;
  if (!red && !yellow && !skipped) return null;
  const free = formatBytes(status.freeBytes);
  const critical = formatBytes(status.criticalBelowBytes);
  return (
    <Alert
      color={red ? 'danger' : 'warning'}
      // Yellow keeps a strong edge and the mark: a pale card alone reads like any other part of the page.
      variant={red ? 'filled' : 'outline'}
      icon={
        <Text fz={26} fw={900} lh={1} c={red ? 'white' : 'warning'} aria-hidden>
          !
        </Text>
      }
      title={<Text fz={20} fw={700} c={red ? 'white' : undefined}>{red ? t('disk.criticalTitle') : status.level === 'low' ? t('disk.lowTitle') : t('disk.skippedTitle')}</Text>}
      role="alert"
      mb="md"
      data-testid="disk-notice"
      // A printed ledger is a record of the centre, not of this PC's disk.
      className="no-print"
      data-level={status.level}
      styles={{ message: { fontSize: 17 } }}
    >
      <Stack gap="xs">
        {red && <Text fz={17}>{mayManage ? t('disk.criticalBodyManager', { free, critical }) : t('disk.criticalBody', { free, critical })}</Text>}
        {!red && status.level === 'low' && <Text fz={17}>{t(status.recordsHere ? 'disk.lowBody' : 'disk.lowBodyServer', { free, warn: formatBytes(status.warnBelowBytes) })}</Text>}
        {skipped && (
          <Text fz={17} fw={700} data-testid="disk-skipped-backup">
            {t('disk.skippedBackup', { time: dateTime(skipped.at), free: formatBytes(skipped.freeBytes), needed: formatBytes(skipped.neededBytes) })}
          </Text>
        )}
        {/* The details take half a screen: on the home page; elsewhere a way there. */}
        {mayManage && onHome && <Details status={status} />}
        {mayManage && !onHome && (
          <div>
            <Button component={Link} to="/" size="md" variant="white" color="dark" data-testid="disk-details-link">
              {t('disk.seeDetails')}
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
