// The two buttons at the foot of a form in a dialog: 保存 (submits the form, spinning while it saves) and 取消.
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ModalButtons({ pending, onClose }: { pending: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button type="submit" size="lg" loading={pending}>
        {t('app.save')}
      </Button>
      <Button variant="default" size="lg" onClick={onClose}>
        {t('app.cancel')}
      </Button>
    </Group>
  );
}
