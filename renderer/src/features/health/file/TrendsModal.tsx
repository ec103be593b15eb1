// 血压血糖趋势: a resident's blood pressure and glucose from the care log's vitals over the last months (chronic-disease
// follow-up), with how many readings were high (≥140/90 mmHg, glucose ≥7.0 mmol/L).
import { LineChart } from '@mantine/charts';
import { Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryView } from '../../../components/QueryView';
import { dateTime } from '../../../components/time';
import { useHealthTrends } from './queries';

export function TrendsModal({ residentId, name, onClose }: { residentId: string; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [months, setMonths] = useState('6');
  const trends = useHealthTrends({ residentId, months: Number(months) });
  return (
    <Modal opened onClose={onClose} size="xl" title={t('health.file.trends.title', { name })}>
      <Stack>
        <SegmentedControl size="md" value={months} onChange={setMonths} data={['3', '6', '12', '24'].map((m) => ({ value: m, label: t('health.file.trends.months', { n: m }) }))} />
        <QueryView query={trends}>
          {(tr) => {
            const bp = tr.points.filter((p) => p.systolic !== null).map((p) => ({ time: dateTime(p.at), 高压: p.systolic, 低压: p.diastolic }));
            const glucose = tr.points.filter((p) => p.glucose !== null).map((p) => ({ time: dateTime(p.at), 血糖: p.glucose }));
            const s = tr.summary;
            return (
              <Stack data-testid="trends">
                {tr.resident.chronicConditions && <Text>{t('health.file.trends.chronic', { text: tr.resident.chronicConditions })}</Text>}
                <Text fw={700}>{t('health.file.trends.bpTitle')}</Text>
                {bp.length === 0 ? (
                  <Text>{t('health.file.trends.noBp')}</Text>
                ) : (
                  <>
                    <Text>{t('health.file.trends.bpSummary', { n: s.bpReadings, high: s.bpHigh, sys: s.systolicAvg ?? '—', dia: s.diastolicAvg ?? '—' })}</Text>
                    <LineChart
                      h={220}
                      data={bp}
                      dataKey="time"
                      connectNulls
                      withLegend
                      series={[
                        { name: '高压', color: 'danger' },
                        { name: '低压', color: 'blue.9' },
                      ]}
                      referenceLines={[
                        { y: 140, label: '140', color: 'orange.9' },
                        { y: 90, label: '90', color: 'orange.9' },
                      ]}
                    />
                  </>
                )}
                <Text fw={700}>{t('health.file.trends.glucoseTitle')}</Text>
                {glucose.length === 0 ? (
                  <Text>{t('health.file.trends.noGlucose')}</Text>
                ) : (
                  <>
                    <Text>{t('health.file.trends.glucoseSummary', { n: s.glucoseReadings, high: s.glucoseHigh, avg: s.glucoseAvg ?? '—' })}</Text>
                    <LineChart h={200} data={glucose} dataKey="time" connectNulls series={[{ name: '血糖', color: 'teal' }]} referenceLines={[{ y: 7, label: '7.0', color: 'orange.9' }]} />
                  </>
                )}
                <Text size="sm" c="dimmed">
                  {t('health.file.trends.source', { from: tr.from, to: tr.to })}
                </Text>
              </Stack>
            );
          }}
        </QueryView>
      </Stack>
    </Modal>
  );
}
