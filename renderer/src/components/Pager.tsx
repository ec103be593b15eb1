// Page buttons under a long list, each with a Chinese name a screen reader can say (上一页, 下一页, 第 3 页).
import { Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Pager({ total, value, onChange }: { total: number; value: number; onChange: (page: number) => void }) {
  const { t } = useTranslation();
  const controlNames = { first: t('pagination.first'), previous: t('pagination.previous'), next: t('pagination.next'), last: t('pagination.last') };
  return (
    <nav aria-label={t('pagination.label')}>
      <Pagination
        total={total}
        value={value}
        onChange={onChange}
        size="lg"
        siblings={1}
        getControlProps={(control) => ({ 'aria-label': controlNames[control] })}
        getItemProps={(page) => ({ 'aria-label': t('pagination.page', { n: page }) })}
      />
    </nav>
  );
}
