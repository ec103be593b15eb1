// 赡养协议登记表 (/elders/agreements?village=…): every 赡养协议 on file — ended ones and those of elders no longer at
// home too — by village, elder and signing date: the parties, the main terms, who supervises, the renewal date, when
// and why it ended, and its state today (有效/待续签/已终止). A4 landscape.
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AgreementLedger } from '@shared/api/elder-ledgers';
import { QueryView } from '../../../components/QueryView';
import { CELL, Keep, LedgerSheet, LedgerToolbar, type SheetColumn } from './LedgerSheet';
import { useEldersAgreementLedger, useLedgerVillages } from './queries';

const WIDTHS = { no: '4%', village: '7%', elder: '9%', signedOn: '9%', parties: '13%', terms: '23%', supervisor: '10%', renewOn: '9%', ended: '11%', state: '5%' } as const;

function Sheet({ ledger, scope }: { ledger: AgreementLedger; scope: string }) {
  const { t } = useTranslation();
  const none = t('ledgers.none');
  const columns: SheetColumn[] = (Object.keys(WIDTHS) as (keyof typeof WIDTHS)[]).map((k) => ({ head: t(`ledgers.agreements.heads.${k}`), width: WIDTHS[k] }));
  return (
    <LedgerSheet testId="agreement-ledger" title={t('ledgers.agreements.title')} period={t('ledgers.asOf', { date: ledger.asOf })} scope={scope} count={t('ledgers.countAgreements', { n: ledger.rows.length })} columns={columns}>
      {ledger.rows.map((r, i) => (
        <tr key={r.agreementId}>
          <td style={{ ...CELL, textAlign: 'center' }}>{i + 1}</td>
          <td style={CELL}>
            <Keep>{r.village}</Keep>
          </td>
          <td style={CELL}>
            <Keep strong>{r.elder}</Keep>
            {r.elderStatus !== 'at_home' && (
              <div>
                <Keep>{t('ledgers.agreements.elderStatus', { status: t(`enums.elderStatus.${r.elderStatus}`) })}</Keep>
              </div>
            )}
          </td>
          <td style={CELL}>
            <Keep>{r.signedOn}</Keep>
          </td>
          <td style={CELL}>{r.parties}</td>
          <td style={CELL}>{r.terms}</td>
          <td style={CELL}>{r.supervisor || none}</td>
          <td style={CELL}>
            <Keep>{r.renewOn ?? none}</Keep>
          </td>
          <td style={CELL}>
            {r.endedOn ? (
              <>
                <Keep>{r.endedOn}</Keep>
                <div>{r.endReason}</div>
              </>
            ) : (
              none
            )}
          </td>
          <td style={{ ...CELL, textAlign: 'center', fontWeight: r.state === 'renewal_due' ? 700 : undefined }}>
            <Keep>{t(`ledgers.agreements.state.${r.state}`)}</Keep>
          </td>
        </tr>
      ))}
    </LedgerSheet>
  );
}

export function AgreementLedgerPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const villageId = params.get('village');
  const villages = useLedgerVillages();
  const ledger = useEldersAgreementLedger({ villageId });
  const list = villages.data ?? [];
  const scope = t('ledgers.scope', { village: list.find((v) => v.id === villageId)?.name ?? t('ledgers.allVillages') });
  return (
    <Stack>
      <LedgerToolbar back="/elders" village={villageId} onVillage={(id) => setParams(id ? { village: id } : {})} villages={list} canPrint={(ledger.data?.rows.length ?? 0) > 0} />
      <QueryView query={ledger} isEmpty={(l) => l.rows.length === 0} empty={t('ledgers.agreements.empty')}>
        {(l) => <Sheet ledger={l} scope={scope} />}
      </QueryView>
    </Stack>
  );
}
