// Temperature and blood pressure over time, for the resident's timeline.
import { LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { shortDateTime } from '../../components/time';

interface Point {
  at: string;
  temperature: number | null;
  systolic: number | null;
  diastolic: number | null;
  pulse: number | null;
}

export function VitalsChart({ points }: { points: Point[] }) {
  const { t } = useTranslation();
  if (points.length === 0) return <Text>{t('care.noVitals')}</Text>;
  const data = points.map((p) => ({ time: shortDateTime(p.at), 体温: p.temperature, 高压: p.systolic, 低压: p.diastolic, 脉搏: p.pulse }));
  return (
    <>
      <Text fw={700}>体温（℃）</Text>
      <LineChart h={200} data={data} dataKey="time" connectNulls yAxisProps={{ domain: [34, 42] }} series={[{ name: '体温', color: 'danger' }]} referenceLines={[{ y: 37.3, label: '37.3', color: 'orange.9' }]} />
      <Text fw={700} mt="md">
        血压（mmHg）与脉搏（次/分）
      </Text>
      <LineChart
        h={220}
        data={data}
        dataKey="time"
        connectNulls
        withLegend
        series={[
          { name: '高压', color: 'teal' },
          { name: '低压', color: 'blue.9' },
          { name: '脉搏', color: 'warning' },
        ]}
      />
    </>
  );
}
