// The list of backup files with a restore button on each: on the backup page and on the recovery screen.
import { Button, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupFile } from '@shared/api/backup';
import { KIND_LABELS, formatSize, formatTime } from './backup-labels';

export function BackupTable({ backups, disabled, onRestore }: { backups: BackupFile[]; disabled?: boolean; onRestore: (b: BackupFile) => void }) {
  const { t } = useTranslation();
  return (
    <Table striped fz="md">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('backup.kind')}</Table.Th>
          <Table.Th>{t('backup.time')}</Table.Th>
          <Table.Th>{t('backup.size')}</Table.Th>
          <Table.Th>{t('backup.file')}</Table.Th>
          <Table.Th>{t('backup.restore')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((b) => (
          <Table.Tr key={b.name}>
            <Table.Td>{KIND_LABELS[b.kind]}</Table.Td>
            <Table.Td>{formatTime(b.modifiedAt)}</Table.Td>
            <Table.Td>{formatSize(b.sizeBytes)}</Table.Td>
            <Table.Td>{b.name}</Table.Td>
            <Table.Td>
              <Button variant="subtle" color="red.9" disabled={disabled} aria-label={`${t('backup.restore')} ${b.name}`} onClick={() => onRestore(b)}>
                {t('backup.restore')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
