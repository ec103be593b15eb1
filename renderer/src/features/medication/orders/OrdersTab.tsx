// 医嘱: the centre's residents with the orders they take now (searchable by name, initials or drug), and one resident
// opened (?resident=ID): the orders running and coming, the history on request, and for those who keep orders the
// buttons 开新医嘱 / 调整 / 停止. An order is never edited: 调整 stops it and starts the new one in one step.
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { OrderView, ResidentOrders } from '@shared/api/medication-orders';
import { ListCard } from '../../../components/ListCard';
import { ModalButtons } from '../../../components/ModalButtons';
import { QueryView } from '../../../components/QueryView';
import { useMayCall } from '../../../shell/current-user';
import { doseText, drugText, periodText, whenNote } from './format';
import { OrderFormModal } from './OrderFormModal';
import { useMedicationOrders, useMedicationResidentOrders, useMedicationStopOrder } from './queries';

const STATE_COLOR = { active: 'ok', upcoming: 'notice', stopped: 'muted', ended: 'muted' } as const;

/** One order as a card line: drug, dose and times, period, who wrote it (and who stopped it). */
export function OrderLine({ order, actions, full }: { order: OrderView; actions?: ReactNode; full?: boolean }) {
  const { t } = useTranslation();
  const past = order.state === 'stopped' || order.state === 'ended';
  return (
    <Card withBorder padding="sm" data-testid="medication-order" bg={past ? 'gray.0' : undefined}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2} style={{ flex: 1, minWidth: 240 }}>
          <Group gap="xs">
            <Text fw={700} size="lg" td={past ? 'line-through' : undefined}>
              {drugText(order)}
            </Text>
            {order.highAlert !== 'none' && (
              <Badge color="red.9" variant="filled">
                {t('medication.orders.highAlert', { kind: t(`enums.highAlert.${order.highAlert}`) })}
              </Badge>
            )}
            {order.frequency === 'prn' && <Badge variant="outline">{t('medication.orders.prn')}</Badge>}
            <Badge color={STATE_COLOR[order.state]} variant="filled">
              {t(`medication.orders.state.${order.state}`)}
            </Badge>
            {order.supply === 'self' && <Badge variant="light">{t('enums.supply.self')}</Badge>}
          </Group>
          <Text>{doseText(t, order)}</Text>
          <Text size="sm" c="dark.6">
            {periodText(t, order)}
            {full && ` · ${t('medication.orders.prescribedBy', { doctor: order.prescriber, place: order.institution || t(`enums.prescriberKind.${order.prescriberKind}`), on: order.prescribedOn })}`}
          </Text>
          {full && order.note && <Text size="sm">{t('medication.orders.noteLine', { note: order.note })}</Text>}
          {full && (
            <Text size="sm" c="dark.6">
              {t('medication.orders.writtenBy', { name: order.createdBy })}
              {order.stoppedBy && ` · ${t('medication.orders.stoppedBy', { name: order.stoppedBy, reason: order.stopReason ?? '' })}`}
              {order.replacesId && ` · ${t('medication.orders.isChange')}`}
            </Text>
          )}
        </Stack>
        {actions}
      </Group>
    </Card>
  );
}

function StopModal({ order, today, onClose }: { order: OrderView; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [stoppedOn, setStoppedOn] = useState<string | null>(today);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const stop = useMedicationStopOrder({ successMessage: t('medication.orders.stopped'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), ['stoppedOn', 'reason'].includes(f)) });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('medication.orders.stopTitle', { drug: drugText(order) })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          stop.mutate({ id: order.id, stoppedOn: stoppedOn ?? '', reason });
        }}
      >
        <Stack>
          <Text>{doseText(t, order)}</Text>
          <DateInput size="lg" label={t('medication.orders.stoppedOn')} description={t('medication.orders.stoppedOnHint')} withAsterisk valueFormat="YYYY-MM-DD" value={stoppedOn} onChange={setStoppedOn} error={errors.stoppedOn} />
          <TextInput size="lg" label={t('medication.orders.stopReason')} placeholder={t('medication.orders.stopReasonHint')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} data-autofocus />
          <ModalButtons pending={stop.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function ResidentOrdersView({ residentId, today, onBack }: { residentId: string; today: string; onBack: () => void }) {
  const { t } = useTranslation();
  const [history, setHistory] = useState(false);
  const data = useMedicationResidentOrders({ residentId, includeEnded: history });
  const mayWrite = useMayCall('medication.startOrder');
  const [form, setForm] = useState<{ replaces?: OrderView } | null>(null);
  const [stopping, setStopping] = useState<OrderView | null>(null);
  return (
    <QueryView query={data}>
      {({ resident, agreementSignedOn, orders }) => {
        const discharged = resident.status === 'discharged';
        return (
          <Stack>
            <Group justify="space-between" wrap="wrap">
              <Group>
                <Button variant="default" size="md" onClick={onBack}>
                  {t('medication.orders.backToList')}
                </Button>
                <Title order={3}>
                  <Anchor inherit underline="always" component={Link} to={`/residents/${resident.id}`}>
                    {resident.name}
                  </Anchor>
                  {resident.bedLabel && ` ${resident.bedLabel}`}
                </Title>
                {resident.status !== 'in_residence' && <Badge color="notice">{t(`enums.residentStatus.${resident.status}`)}</Badge>}
              </Group>
              {mayWrite && !discharged && (
                <Button size="lg" onClick={() => setForm({})}>
                  {t('medication.orders.newOrder')}
                </Button>
              )}
            </Group>
            {agreementSignedOn ? (
              <Text c="dark.6">{t('medication.orders.agreementSigned', { on: agreementSignedOn })}</Text>
            ) : (
              <Alert color="orange">{t('medication.orders.agreementMissing')}</Alert>
            )}
            <Checkbox size="md" label={t('medication.orders.showHistory')} checked={history} onChange={(e) => setHistory(e.currentTarget.checked)} />
            <ListCard title={history ? t('medication.orders.allOrders') : t('medication.orders.currentOrders')} rows={orders} empty={t('medication.orders.noOrders')}>
              <Stack gap="sm">
                {orders.map((o) => (
                  <OrderLine
                    key={o.id}
                    order={o}
                    full
                    actions={
                      mayWrite &&
                      !discharged &&
                      (o.state === 'active' || o.state === 'upcoming') &&
                      !o.stoppedOn && (
                        <Group gap="xs">
                          <Button size="md" variant="outline" onClick={() => setForm({ replaces: o })} aria-label={`${t('medication.orders.change')} ${drugText(o)}`}>
                            {t('medication.orders.change')}
                          </Button>
                          <Button size="md" variant="outline" color="red" onClick={() => setStopping(o)} aria-label={`${t('medication.orders.stop')} ${drugText(o)}`}>
                            {t('medication.orders.stop')}
                          </Button>
                        </Group>
                      )
                    }
                  />
                ))}
              </Stack>
            </ListCard>
            <OrderFormModal residentId={resident.id} residentName={resident.name} opened={form !== null} onClose={() => setForm(null)} replaces={form?.replaces} />
            {stopping && <StopModal order={stopping} today={today} onClose={() => setStopping(null)} />}
          </Stack>
        );
      }}
    </QueryView>
  );
}

function ResidentRow({ r, onOpen }: { r: ResidentOrders; onOpen: () => void }) {
  const { t } = useTranslation();
  const scheduled = r.orders.filter((o) => o.frequency !== 'prn');
  const prn = r.orders.filter((o) => o.frequency === 'prn');
  return (
    <Card withBorder padding="sm" data-testid="medication-resident">
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Stack gap={2} style={{ flex: 1, minWidth: 240 }}>
          <Group gap="xs">
            <Text fw={700} size="lg">
              {r.name}
            </Text>
            {r.bedLabel && <Text c="dark.6">{r.bedLabel}</Text>}
            {r.status !== 'in_residence' && <Badge color="notice">{t(`enums.residentStatus.${r.status}`)}</Badge>}
            {!r.agreementSignedOn && <Badge color="orange" variant="outline">{t('medication.orders.noAgreementBadge')}</Badge>}
          </Group>
          {r.orders.length === 0 ? (
            <Text c="dark.6">{t('medication.orders.noOrdersShort')}</Text>
          ) : (
            [...scheduled, ...prn].map((o) => (
              <Text key={o.id}>
                <Text span fw={700}>
                  {drugText(o)}
                </Text>
                {o.highAlert !== 'none' && (
                  <Text span c="red.9" fw={700}>
                    {' '}⚠{t(`enums.highAlert.${o.highAlert}`)}
                  </Text>
                )}
                {' '}
                {doseText(t, o)}
                {whenNote(t, o)}
              </Text>
            ))
          )}
        </Stack>
        <Button size="md" variant="outline" onClick={onOpen} aria-label={`${t('medication.orders.open')} ${r.name}`}>
          {t('medication.orders.open')}
        </Button>
      </Group>
    </Card>
  );
}

export function OrdersTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const residentId = params.get('resident');
  const [search, setSearch] = useState('');
  const q = search.trim();
  const list = useMedicationOrders({ query: q }, residentId === null);
  const go = (id: string | null) => setParams(id ? { tab: 'orders', resident: id } : { tab: 'orders' });
  if (residentId) return <ResidentOrdersView residentId={residentId} today={today} onBack={() => go(null)} />;
  return (
    <Stack>
      <Text>{t('medication.orders.intro')}</Text>
      <TextInput size="lg" aria-label={t('medication.orders.search')} placeholder={t('medication.orders.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
      <QueryView query={list}>
        {(rows) => (
          <ListCard title={t('medication.orders.listTitle', { n: rows.length })} rows={rows} empty={q ? t('medication.orders.noMatch') : t('medication.orders.noResidents')}>
            <Stack gap="sm">
              {rows.map((r) => (
                <ResidentRow key={r.id} r={r} onOpen={() => go(r.id)} />
              ))}
            </Stack>
          </ListCard>
        )}
      </QueryView>
    </Stack>
  );
}
