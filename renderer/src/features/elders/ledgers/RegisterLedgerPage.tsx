// 农村留守老年人信息台账 (/elders/ledger?village=…): every elder at home today, by village then name — sex, age, the
// masked ID number (a printed ledger never carries the full number), address and phone, 陪伴居住, groups with 高龄,
// income sources, health, carer, children and guardians with where they work and whether away half a year or more,
// the village contact person, 关爱等级 and whether a 赡养协议 is in force. A4 landscape, one row per elder, each
// village opened by a row with its 村干部.
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { RegisterLedger, RegisterLedgerRow } from '@shared/api/elder-ledgers';
import type { ElderGroup } from '@shared/domain/elders/vocab';
import { QueryView } from '../../../components/QueryView';
import { CELL, Keep, KeepList, LedgerSheet, LedgerToolbar, Lines, type SheetColumn } from './LedgerSheet';
import { useEldersLedger, useLedgerVillages } from './queries';

type Village = { id: string; name: string; cadreName: string; cadrePhone: string };

const WIDTHS = {
  no: '3%',
  name: '5.5%',
  sex: '3%',
  age: '3%',
  idNumber: '11%',
  address: '8.5%',
  household: '6.5%',
  groups: '7.5%',
  income: '6%',
  health: '6.5%',
  carer: '5%',
  relatives: '19.5%',
  contact: '7.5%',
  risk: '3.5%',
  agreement: '3.5%',
} as const;

/** A disease or disability list as its items ('高血压、冠心病' → two), each kept whole on paper; long ones still wrap. */
function words(text: string): string[] {
  return text.split(/[、，,；;\s]+/).filter((w) => w !== '');
}

function useGroupLabel() {
  const { t } = useTranslation();
  return (g: ElderGroup) => (g === 'over_80' || g === 'family_planning_special' ? t(`ledgers.groupShort.${g}`) : t(`enums.elderGroup.${g}`));
}

function Row({ row, no }: { row: RegisterLedgerRow; no: number }) {
  const { t } = useTranslation();
  const group = useGroupLabel();
  const none = t('ledgers.none');
  const health = [...words(row.chronicDiseases), ...words(row.disability), ...(row.criticalIllness ? [t('ledgers.register.critical')] : [])];
  return (
    <tr>
      <td style={{ ...CELL, textAlign: 'center' }}>{no}</td>
      <td style={CELL}>
        <Keep strong>{row.name}</Keep>
      </td>
      <td style={{ ...CELL, textAlign: 'center' }}>{t(`enums.sex.${row.sex}`)}</td>
      <td style={{ ...CELL, textAlign: 'center' }}>{row.age}</td>
      <td style={CELL}>
        <Keep>{row.idNumberMasked}</Keep>
      </td>
      <td style={CELL}>
        {row.address || none}
        {row.phone && (
          <div>
            <Keep>{row.phone}</Keep>
          </div>
        )}
      </td>
      <td style={CELL}>{row.household ? t(`enums.household.${row.household}`) : none}</td>
      <td style={CELL}>{row.groups.length > 0 ? <KeepList items={row.groups.map(group)} /> : none}</td>
      <td style={CELL}>{row.incomeSources.length > 0 ? <KeepList items={row.incomeSources.map((s) => t(`enums.incomeSource.${s}`))} /> : none}</td>
      <td style={CELL}>{health.length > 0 ? <KeepList items={health} keepUpTo={5} /> : none}</td>
      <td style={CELL}>{row.carer ? t(`enums.carer.${row.carer}`) : none}</td>
      <td style={CELL}>
        {row.relatives.length > 0 ? (
          <Lines>
            {row.relatives.map((r, i) => (
              <div key={i}>
                <Keep strong>{r.name}</Keep> <Keep>{t(`enums.relation.${r.relation}`)}</Keep>
                {r.guardian && (
                  <>
                    {' '}
                    <Keep>{t('ledgers.register.guardian')}</Keep>
                  </>
                )}
                {r.phone && (
                  <>
                    {' '}
                    <Keep>{r.phone}</Keep>
                  </>
                )}
                {(r.worksIn || r.awayHalfYear) && (
                  <div>
                    {r.worksIn && <Keep>{r.worksIn}</Keep>}
                    {r.worksIn && r.awayHalfYear && ' '}
                    {r.awayHalfYear && <Keep>{t('ledgers.register.awayHalfYear')}</Keep>}
                  </div>
                )}
              </div>
            ))}
          </Lines>
        ) : (
          none
        )}
      </td>
      <td style={CELL}>
        {row.contact.name ? (
          <>
            <Keep strong>{row.contact.name}</Keep>
            {row.contact.relation && (
              <>
                {' '}
                <Keep>{row.contact.relation}</Keep>
              </>
            )}
            {row.contact.phone && (
              <div>
                <Keep>{row.contact.phone}</Keep>
              </div>
            )}
          </>
        ) : (
          none
        )}
      </td>
      <td style={{ ...CELL, textAlign: 'center' }}>
        <Keep strong={row.risk === 'high'}>{t(`enums.riskLevel.${row.risk}`)}</Keep>
        {row.riskOverridden && (
          <div style={{ fontSize: '0.85em' }}>
            <Keep>{t('ledgers.register.manual')}</Keep>
          </div>
        )}
      </td>
      <td style={{ ...CELL, textAlign: 'center' }}>
        <Keep>{t(`ledgers.register.agreement.${row.agreement ?? 'none'}`)}</Keep>
      </td>
    </tr>
  );
}

function Sheet({ ledger, villages, scope }: { ledger: RegisterLedger; villages: Village[]; scope: string }) {
  const { t } = useTranslation();
  const columns: SheetColumn[] = (Object.keys(WIDTHS) as (keyof typeof WIDTHS)[]).map((k) => ({ head: t(`ledgers.register.heads.${k}`), width: WIDTHS[k] }));
  const byVillage: { villageId: string; village: string; rows: RegisterLedgerRow[] }[] = [];
  for (const row of ledger.rows) {
    const last = byVillage.at(-1);
    if (last && last.villageId === row.villageId) last.rows.push(row);
    else byVillage.push({ villageId: row.villageId, village: row.village, rows: [row] });
  }
  let no = 0;
  return (
    <LedgerSheet
      testId="register-ledger"
      title={t('ledgers.register.title')}
      period={t('ledgers.asOf', { date: ledger.asOf })}
      scope={scope}
      count={t('ledgers.count', { n: ledger.rows.length })}
      columns={columns}
      after={<p style={{ margin: '4px 0 0' }}>{t('ledgers.register.idNote')}</p>}
    >
      {byVillage.map((v) => {
        const info = villages.find((x) => x.id === v.villageId);
        const cadre = info?.cadreName ? `${info.cadreName} ${info.cadrePhone}`.trim() : t('ledgers.register.noCadre');
        return [
          <tr key={v.villageId} style={{ breakAfter: 'avoid' }}>
            <td colSpan={columns.length} style={{ ...CELL, fontWeight: 700, background: '#eee' }}>
              {t('ledgers.register.villageRow', { village: v.village, cadre, n: v.rows.length })}
            </td>
          </tr>,
          ...v.rows.map((row) => {
            no += 1;
            return <Row key={row.elderId} row={row} no={no} />;
          }),
        ];
      })}
    </LedgerSheet>
  );
}

export function RegisterLedgerPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const villageId = params.get('village');
  const villages = useLedgerVillages();
  const ledger = useEldersLedger({ villageId });
  const list = villages.data ?? [];
  const scope = t('ledgers.scope', { village: list.find((v) => v.id === villageId)?.name ?? t('ledgers.allVillages') });
  return (
    <Stack>
      <LedgerToolbar back="/elders" village={villageId} onVillage={(id) => setParams(id ? { village: id } : {})} villages={list} canPrint={(ledger.data?.rows.length ?? 0) > 0} />
      <QueryView query={ledger} isEmpty={(l) => l.rows.length === 0} empty={t('ledgers.register.empty')}>
        {(l) => <Sheet ledger={l} villages={list} scope={scope} />}
      </QueryView>
    </Stack>
  );
}
