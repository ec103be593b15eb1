// 老年人健康档案 (/health/file?resident=ID): a resident's whole health file on A4 portrait, as an inspection asks for
// it (66号令 Art. 19): the basics from the resident file (allergies, chronic diseases, guardian), the family doctor,
// the check-ups, the medicines running today, pressure injuries, hospital referrals and the last 12 monthly entries,
// then the signature line. Voided check-ups are left out.
import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { HealthFile } from '@shared/api/health-file';
import { QueryView } from '../../../components/QueryView';
import { EmptyState } from '../../../components/States';
import { CELL, Keep } from '../../elders/ledgers/LedgerSheet';
import { useHealthFile } from './queries';

const CSS = `
.health-file { font-size: 15px; max-width: 900px; }
.health-file h2 { text-align: center; margin: 4px 0; }
.health-file h3 { margin: 14px 0 4px; font-size: 16px; }
.health-file table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.health-file .print-nowrap { white-space: nowrap; }
@media print {
  .health-file { font-size: 10pt; max-width: none; }
  .health-file h2 { font-size: 15pt; }
  .health-file h3 { font-size: 11pt; break-after: avoid; }
  .health-file tr { break-inside: avoid; }
}
`;

function Section({ title, heads, widths, rows, empty }: { title: string; heads: string[]; widths: string[]; rows: ReactNode[][]; empty: string }) {
  return (
    <>
      <h3>{title}</h3>
      <table>
        <colgroup>
          {widths.map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {heads.map((h) => (
              <th key={h} style={{ ...CELL, textAlign: 'center' }}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td style={CELL} colSpan={heads.length}>
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((cells, i) => (
              <tr key={i}>
                {cells.map((c, j) => (
                  <td key={j} style={CELL}>
                    {c}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </>
  );
}

function Sheet({ f }: { f: HealthFile }) {
  const { t } = useTranslation();
  const r = f.resident;
  const d = f.familyDoctor;
  const none = t('health.file.sheet.none');
  const basics: [string, ReactNode][] = [
    [t('health.file.sheet.name'), <Keep strong>{r.name}</Keep>],
    [t('health.file.sheet.sex'), t(`enums.sex.${r.sex}`)],
    [t('health.file.sheet.birth'), <Keep>{`${r.birthDate}（${t('health.file.sheet.ageOf', { age: r.age })}）`}</Keep>],
    [t('health.file.sheet.bed'), <Keep>{r.bedLabel ?? '—'}</Keep>],
    [t('health.file.sheet.admitted'), <Keep>{r.admittedOn ?? '—'}</Keep>],
    [t('health.file.sheet.guardian'), r.guardian || '—'],
    [t('health.file.sheet.allergies'), r.allergies || t('health.file.sheet.noAllergies')],
    [t('health.file.sheet.chronic'), r.chronicConditions || none],
  ];
  return (
    <div className="health-file" data-testid="health-file-sheet">
      <style>{CSS}</style>
      <h2>
        {f.facility} {t('health.file.sheet.title')}
      </h2>
      <p style={{ textAlign: 'center', margin: '0 0 6px' }}>{t('health.file.sheet.printedOn', { date: f.today })}</p>
      <h3>{t('health.file.sheet.basics')}</h3>
      <table>
        <colgroup>
          <col style={{ width: '14%' }} />
          <col style={{ width: '36%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '36%' }} />
        </colgroup>
        <tbody>
          {[0, 2, 4, 6].map((i) => (
            <tr key={i}>
              <th style={{ ...CELL, textAlign: 'left' }}>{basics[i]![0]}</th>
              <td style={CELL}>{basics[i]![1]}</td>
              <th style={{ ...CELL, textAlign: 'left' }}>{basics[i + 1]![0]}</th>
              <td style={CELL}>{basics[i + 1]![1]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('health.file.sheet.doctor')}</h3>
      <p style={{ margin: 0 }}>
        {d ? t('health.file.sheet.doctorLine', { doctor: d.doctor, team: d.team || '—', institution: d.institution || '—', phone: d.phone || '—', from: d.validFrom, to: d.validTo }) : t('health.file.sheet.noDoctor')}
      </p>
      <Section
        title={t('health.file.sheet.checkups')}
        heads={[t('health.file.checkup.checkedOn'), t('health.file.checkup.institution'), t('health.file.checkup.results'), t('health.file.checkup.abnormalAndFollowUp')]}
        widths={['13%', '17%', '40%', '30%']}
        rows={f.checkups.map((c) => [<Keep>{c.checkedOn}</Keep>, c.institution, c.results, c.abnormal ? `${c.abnormal}；${t('health.file.checkup.followUpIs', { text: c.followUp })}` : t('health.file.checkup.noAbnormal')])}
        empty={t('health.file.sheet.noCheckups')}
      />
      <Section
        title={t('health.file.sheet.orders')}
        heads={[t('health.file.sheet.drug'), t('health.file.sheet.dose'), t('health.file.sheet.usage'), t('health.file.sheet.prescriber'), t('health.file.sheet.since')]}
        widths={['28%', '12%', '25%', '22%', '13%']}
        rows={f.orders.map((o) => [
          `${o.drug}${o.highAlert ? `（${t('health.file.sheet.highAlert')}）` : ''}`,
          <Keep>{o.dose}</Keep>,
          `${o.route} ${o.frequency}${o.times.length ? ` ${o.times.join('、')}` : ''}`,
          o.prescriber,
          <Keep>{o.startsOn}</Keep>,
        ])}
        empty={t('health.file.sheet.noOrders')}
      />
      <Section
        title={t('health.file.sheet.pressure')}
        heads={[t('health.file.sheet.site'), t('health.file.sheet.origin'), t('health.file.sheet.foundOn'), t('health.file.sheet.stage'), t('health.file.sheet.healedOn')]}
        widths={['22%', '20%', '18%', '22%', '18%']}
        rows={f.pressureInjuries.map((p) => [
          p.site,
          t(`enums.pressureOrigin.${p.origin}`),
          <Keep>{p.foundOn}</Keep>,
          p.latestStage === p.stage ? t(`enums.pressureStage.${p.stage}`) : `${t(`enums.pressureStage.${p.stage}`)} → ${t(`enums.pressureStage.${p.latestStage}`)}`,
          <Keep>{p.healedOn ?? t('health.file.sheet.notHealed')}</Keep>,
        ])}
        empty={none}
      />
      <Section
        title={t('health.file.sheet.referrals')}
        heads={[t('health.file.sheet.referredOn'), t('health.file.sheet.hospital'), t('health.file.sheet.reason'), t('health.file.sheet.outcome'), t('health.file.sheet.summary')]}
        widths={['13%', '18%', '22%', '17%', '30%']}
        rows={f.referrals.map((x) => [<Keep>{x.referredOn}</Keep>, x.hospital, x.reason, `${t(`enums.referralOutcome.${x.outcome}`)}${x.closedOn ? ` ${x.closedOn}` : ''}`, x.summary])}
        empty={none}
      />
      <Section
        title={t('health.file.sheet.monthly')}
        heads={[t('health.file.month'), t('health.file.monthly.weightShort'), t('health.file.monthly.bp'), t('health.file.monthly.skin'), t('health.file.monthly.appetite'), t('health.file.monthly.mood'), t('health.file.monthly.note')]}
        widths={['11%', '10%', '12%', '12%', '9%', '12%', '34%']}
        rows={f.monthly.map((m) => [
          <Keep>{m.month}</Keep>,
          m.weightKg ?? '—',
          <Keep>{m.systolic !== null ? `${m.systolic}/${m.diastolic}` : '—'}</Keep>,
          t(`enums.skin.${m.skin}`),
          t(`enums.appetite.${m.appetite}`),
          t(`enums.mood.${m.mood}`),
          m.note,
        ])}
        empty={none}
      />
      <p style={{ marginTop: 24, breakInside: 'avoid' }}>{t('health.file.sheet.signatures')}</p>
    </div>
  );
}

export function HealthFileSheetPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const residentId = params.get('resident') ?? '';
  const file = useHealthFile({ residentId }, residentId !== '');
  return (
    <Stack>
      <Group className="screen-only">
        <Button size="lg" variant="outline" component={Link} to={residentId ? `/residents/${residentId}` : '/health'}>
          {t('health.file.sheet.back')}
        </Button>
        <Button size="lg" onClick={() => window.print()} disabled={!file.data}>
          {t('health.file.sheet.print')}
        </Button>
      </Group>
      {residentId === '' ? <EmptyState>{t('health.file.sheet.noResident')}</EmptyState> : <QueryView query={file}>{(f) => <Sheet f={f} />}</QueryView>}
    </Stack>
  );
}
