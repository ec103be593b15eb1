// A.2.14 近30天照护风险事件: six boxes (跌倒、走失、噎食、自杀、自伤、其他) and, beside them, the other incidents of the 30 days
// (突发疾病, 压疮, 他伤 …) for the assessor to count into 其他 or not: the register never decides that alone. At home
// (residentId null) there is no incident register: the boxes are asked.
import { NumberInput, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RISK_EVENT_KINDS, RISK_EVENT_NAMES, type RiskEventCounts } from '@shared/domain/assessment/risk-events';
import { dateTime } from '../../components/time';
import { useIncidentsRiskEvents } from '../incidents/queries';

export function RiskEventsCard({ residentId, onDate, value, onChange, readOnly }: { residentId: string | null; onDate: string; value: RiskEventCounts; onChange: (v: RiskEventCounts) => void; readOnly: boolean }) {
  const { t } = useTranslation();
  const incidents = useIncidentsRiskEvents({ residentId: residentId ?? '', onDate }, onDate !== '' && residentId !== null);
  const others = incidents.data?.others ?? [];
  return (
    <>
      <Title order={3} size="h4" mb="sm">
        {t('ability.eventBoxes')}
      </Title>
      <SimpleGrid cols={{ base: 3, md: 6 }}>
        {RISK_EVENT_KINDS.map((k) => (
          <NumberInput
            key={k}
            label={RISK_EVENT_NAMES[k]}
            min={0}
            max={99}
            allowDecimal={false}
            readOnly={readOnly}
            value={value[k]}
            onChange={(v) => onChange({ ...value, [k]: typeof v === 'number' ? v : 0 })}
          />
        ))}
      </SimpleGrid>
      {!readOnly && residentId !== null && (
        <div data-testid="other-incidents">
          <Text fw={700} mt="sm">
            {t('ability.othersTitle')}
          </Text>
          {others.length === 0 ? (
            <Text>{t('ability.othersNone')}</Text>
          ) : (
            <Table fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ability.othersWhen')}</Table.Th>
                  <Table.Th>{t('ability.othersType')}</Table.Th>
                  <Table.Th>{t('ability.othersWhat')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {others.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(o.occurredAt)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`enums.incidentType.${o.type}`)}</Table.Td>
                    <Table.Td>{o.description}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
      )}
    </>
  );
}
