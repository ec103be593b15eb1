// A folder to write to or read from (a USB stick): typed, or picked in the desktop app's native dialog. In the
// browser host there is no dialog, and the field says to type the path.
import { Button, Group, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBackupChooseFolder } from '../features/backup/queries';

interface Props {
  label: string;
  description?: string;
  placeholder: string;
  value: string;
  onChange: (folder: string) => void;
  error?: string | null;
  /** The buttons that act on the folder, on the same line. */
  children?: ReactNode;
}

export function FolderField({ label, description, placeholder, value, onChange, error, children }: Props) {
  const { t } = useTranslation();
  const picker = useBackupChooseFolder(false);
  const choose = async () => {
    const result = await picker.refetch();
    if (result.data?.folder) onChange(result.data.folder);
  };
  return (
    <>
      <Group align="end">
        <TextInput label={label} description={description} placeholder={placeholder} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} w={480} />
        <Button variant="outline" onClick={() => void choose()}>
          {t('backup.chooseFolder')}
        </Button>
        {children}
      </Group>
      {picker.data && !picker.data.supported && <Text mt="xs">{t('backup.typeFolder')}</Text>}
    </>
  );
}
