// The on-screen number pad of the shared PC's touch screen: big keys (at least 56 px), 0–9, 删除 and 清空.
import { Button, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const KEY_HEIGHT = 60;
const DIGIT_ROWS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function NumberPad({ onDigit, onDelete, onClear, disabled }: { onDigit: (d: string) => void; onDelete: () => void; onClear: () => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const key = (label: string, onClick: () => void, variant: 'default' | 'light' = 'default') => (
    <Button key={label} variant={variant} h={KEY_HEIGHT} miw={KEY_HEIGHT} px={0} fz={label.length === 1 ? 28 : 18} disabled={disabled} onClick={onClick}>
      {label}
    </Button>
  );
  return (
    <SimpleGrid cols={3} spacing="sm" w="100%" maw={320} role="group" aria-label={t('people.pad')}>
      {DIGIT_ROWS.map((d) => key(d, () => onDigit(d)))}
      {key(t('people.padClear'), onClear, 'light')}
      {key('0', () => onDigit('0'))}
      {key(t('people.padDelete'), onDelete, 'light')}
    </SimpleGrid>
  );
}
