// A monthly printed ledger's place in the address and its controls: ?month=YYYY-MM (this month when absent) and the
// village (absent: every village), and above the sheet (not printed) back, the village, the month and 打印. Shared by
// the visit ledger, the 分散供养 care sheet and the mutual-aid record.
import { MonthPickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSystemInfo } from '../../../shell/queries';
import { LedgerToolbar } from './LedgerSheet';
import { useLedgerVillages } from './queries';

export interface LedgerMonth {
  month: string;
  villageId: string | null;
  villages: { id: string; name: string; retired: boolean }[];
  today: string;
  go: (next: { month?: string; village?: string | null }) => void;
}

/** The month and village of a ledger, read from the address; `villageParam` is the address's name for the village. */
export function useLedgerMonth(villageParam = 'village'): LedgerMonth {
  const [params, setParams] = useSearchParams();
  const info = useSystemInfo();
  const villages = useLedgerVillages();
  const today = info.data?.today ?? '';
  const month = params.get('month') ?? today.slice(0, 7);
  const villageId = params.get(villageParam);
  const go = (next: { month?: string; village?: string | null }) => {
    const m = next.month ?? month;
    const v = next.village === undefined ? villageId : next.village;
    setParams({ ...(m ? { month: m } : {}), ...(v ? { [villageParam]: v } : {}) });
  };
  return { month, villageId, villages: villages.data ?? [], today, go };
}

export function MonthLedgerToolbar({ back, ledger, canPrint, monthLabel }: { back: string; ledger: LedgerMonth; canPrint: boolean; monthLabel?: string }) {
  const { t } = useTranslation();
  const { month, villageId, villages, today, go } = ledger;
  return (
    <LedgerToolbar back={back} village={villageId} onVillage={(id) => go({ village: id })} villages={villages} canPrint={canPrint}>
      <MonthPickerInput
        size="lg"
        label={monthLabel ?? t('ledgers.month')}
        valueFormat="YYYY-MM"
        maxDate={today || undefined}
        value={month ? `${month}-01` : null}
        onChange={(v) => v && go({ month: v.slice(0, 7) })}
      />
    </LedgerToolbar>
  );
}
