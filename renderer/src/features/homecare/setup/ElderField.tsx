// The elder of an entitlement or a plan: picked from the register when new, shown fixed when editing (an entitlement
// or a plan never moves to another elder).
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ElderChoice, ElderPicker } from '../../visits/marks';

export function ElderField({ fixed, value, onChange, error }: { fixed: { elder: string; village: string } | null; value: ElderChoice | null; onChange: (elder: ElderChoice | null) => void; error?: string }) {
  const { t } = useTranslation();
  if (fixed)
    return (
      <Text size="lg" fw={700}>
        {fixed.elder}（{fixed.village}）
        <Text span c="dark.6" fw={400}>
          {t('homecare.setup.elderFixed')}
        </Text>
      </Text>
    );
  return <ElderPicker size="lg" label={t('homecare.setup.elder')} withAsterisk value={value} onChange={onChange} error={error} data-autofocus />;
}
