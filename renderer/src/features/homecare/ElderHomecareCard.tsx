// The elder file's 居家上门服务 card: this month's services (done and missed), each entitled item's quota and what is
// left of it, and 登记上门服务 (today's planned visit when one is still to do, else an extra visit prefilled from the
// elder's plan). Nothing to show for an elder with no
// entitlement, plan or visit this month but a line saying so.
import { Badge, Button, Group, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListCard, ListTable } from '../../components/ListCard';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { useSystemInfo } from '../../shell/queries';
import { RecordVisitModal, quantityText } from './delivery/RecordVisitModal';
import { useHomecareElderMonth, useHomecarePlanned } from './delivery/queries';

export function ElderHomecareCard({ elder }: { elder: { id: string; name: string; village: string; status: string } }) {
  const mayRead = useMayCall('homecare.elderMonth');
  const info = useSystemInfo();
  if (!mayRead || !info.data) return null;
  return <Card elder={elder} today={info.data.today} />;
}

function Card({ elder, today }: { elder: { id: string; name: string; village: string; status: string }; today: string }) {
  const { t } = useTranslation();
  const mayRecord = useMayCall('homecare.recordVisit');
  const month = today.slice(0, 7);
  const data = useHomecareElderMonth({ elderId: elder.id, month });
  // Today's planned visit still to do, if any: 登记 records it (tied to its plan); otherwise an extra visit prefilled from the plan.
  const day = useHomecarePlanned({ date: today });
  const todo = day.data?.visits.find((v) => v.elderId === elder.id && v.state === 'todo');
  const [recording, setRecording] = useState(false);
  return (
    <QueryView query={data}>
      {(m) => {
        const visits = m.visits.filter((v) => v.voided === null);
        const plan = m.plans[0];
        return (
          <ListCard
            title={t('homecare.delivery.cardTitle', { month })}
            data-testid="elder-homecare"
            actions={
              <Group gap="xs">
                <Button size="md" variant="subtle" component={Link} to={`/homecare/record-sheet?month=${month}&elder=${elder.id}`}>
                  {t('homecare.delivery.printRecord')}
                </Button>
                {mayRecord && elder.status === 'at_home' && (
                  <Button size="md" onClick={() => setRecording(true)}>
                    {t('homecare.delivery.recordShort')}
                  </Button>
                )}
              </Group>
            }
          >
            <Stack>
              {m.quota.length === 0 && visits.length === 0 && m.plans.length === 0 ? (
                <Text>{t('homecare.delivery.cardEmpty')}</Text>
              ) : (
                <>
                  <Text>
                    {t('homecare.delivery.cardPriceClass', { cls: t(`enums.priceClass.${m.priceClass}`) })}
                    {m.plans.length > 0 && ` ${t('homecare.delivery.cardPlans', { plans: m.plans.map((p) => `${p.provider} ${weekdaysText(p.weekdays)} ${p.startTime}`).join('；') })}`}
                  </Text>
                  {m.quota.length > 0 && (
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      {m.quota.map((q) => (
                        <div key={q.itemId}>
                          <Group justify="space-between">
                            <Text fw={700}>{q.name}</Text>
                            {q.quota > 0 ? (
                              <Text c={q.left < 0 ? 'danger' : undefined}>
                                {q.left < 0
                                  ? t('homecare.delivery.quotaOver', { used: quantityText(q.unit, q.used), quota: quantityText(q.unit, q.quota), over: quantityText(q.unit, -q.left) })
                                  : t('homecare.delivery.quotaLine', { used: quantityText(q.unit, q.used), quota: quantityText(q.unit, q.quota), left: quantityText(q.unit, q.left) })}
                              </Text>
                            ) : (
                              <Badge color="danger" variant="light">
                                {t('homecare.delivery.notEntitledUsed', { used: quantityText(q.unit, q.used) })}
                              </Badge>
                            )}
                          </Group>
                          {q.quota > 0 && <Progress size="lg" value={Math.min(100, (q.used / q.quota) * 100)} color={q.left < 0 ? 'danger' : 'teal'} aria-label={q.name} />}
                        </div>
                      ))}
                    </SimpleGrid>
                  )}
                  {visits.length === 0 ? (
                    <Text>{t('homecare.delivery.cardNoVisits')}</Text>
                  ) : (
                    <ListTable minWidth={520} heads={[t('homecare.delivery.colDate'), t('homecare.delivery.colWorker'), t('homecare.delivery.colItems'), t('homecare.delivery.colState')]}>
                      {visits.map((v) => (
                        <Table.Tr key={v.id}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            {v.serviceOn} {v.outcome === 'done' ? `${v.startTime}–${v.endTime}` : ''}
                          </Table.Td>
                          <Table.Td>{v.worker ?? v.provider}</Table.Td>
                          <Table.Td>{v.items.map((i) => `${i.name} ${quantityText(i.unit, i.quantity)}`).join('、') || '—'}</Table.Td>
                          <Table.Td>{v.outcome === 'done' ? t('homecare.delivery.state.done') : `${t('homecare.delivery.state.missed')}：${v.missedReason ?? ''}`}</Table.Td>
                        </Table.Tr>
                      ))}
                    </ListTable>
                  )}
                </>
              )}
            </Stack>
            {recording && <RecordVisitModal today={today} planned={todo} elder={{ id: elder.id, name: elder.name, village: elder.village }} plan={plan} onClose={() => setRecording(false)} />}
          </ListCard>
        );
      }}
    </QueryView>
  );
}

const DAY = ['', '一', '二', '三', '四', '五', '六', '日'];
export const weekdaysText = (days: number[]) => `每周${days.map((d) => DAY[d]).join('、')}`;
