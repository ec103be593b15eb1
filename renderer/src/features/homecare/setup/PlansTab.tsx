// 服务计划: the recurring visits (every 1/2/4 weeks on some weekdays, at a time, for so many minutes) of a provider and
// one of its workers to an elder at home, with the items to do. An item the elder has no entitlement for is marked
// 无额度 (allowed: the visit then needs a reason beyond the quota). Ended with a reason, never deleted.
import { Badge, Button, Checkbox, Chip, Group, Modal, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanRow } from '@shared/api/homecare-setup';
import { PLAN_EVERY_WEEKS, type PlanEveryWeeks } from '@shared/domain/homecare/vocab';
import { ListCard, ListTable } from '../../../components/ListCard';
import { ModalButtons } from '../../../components/ModalButtons';
import { QueryView } from '../../../components/QueryView';
import { useMayCall } from '../../../shell/current-user';
import type { ElderChoice } from '../../visits/marks';
import { ElderField } from './ElderField';
import { EndModal } from './EndModal';
import { everyText, periodText, weekdayWord, weekdaysText } from './words';
import { useHomecareEndPlan, useHomecareItems, useHomecarePlans, useHomecareProviders, useHomecareSavePlan } from './queries';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const FIELDS = ['elderId', 'providerId', 'workerId', 'itemIds', 'weekdays', 'everyWeeks', 'startTime', 'minutes', 'fromOn', 'toOn'];
const DAYS = [1, 2, 3, 4, 5, 6, 7];

function PlanModal({ row, today, onClose }: { row: PlanRow | null; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const items = useHomecareItems({});
  const providers = useHomecareProviders({});
  const [elder, setElder] = useState<ElderChoice | null>(row ? { id: row.elderId, name: row.elder, village: row.village } : null);
  const [v, setV] = useState({
    providerId: row?.providerId ?? (null as string | null),
    workerId: row?.workerId ?? (null as string | null),
    itemIds: row?.items.map((i) => i.id) ?? ([] as string[]),
    weekdays: (row?.weekdays ?? []).map(String),
    everyWeeks: String(row?.everyWeeks ?? 1),
    startTime: row?.startTime ?? '09:00',
    minutes: row?.minutes ?? (60 as number | string),
    fromOn: row?.fromOn ?? (today as string | null),
    toOn: row?.toOn ?? (null as string | null),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useHomecareSavePlan({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f.split('.')[0]]: m }), FIELDS.includes(f.split('.')[0])) });
  const provider = (providers.data ?? []).find((p) => p.id === v.providerId);
  const workers = (provider?.workers ?? []).filter((w) => !w.retired || w.id === row?.workerId);
  const itemOptions = (items.data ?? []).filter((i) => !i.retired || v.itemIds.includes(i.id));
  return (
    <Modal opened onClose={onClose} size="xl" title={row ? t('homecare.setup.planTitleEdit', { elder: row.elder }) : t('homecare.setup.planTitleNew')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate({
            ...(row ? { id: row.id } : {}),
            elderId: elder?.id ?? '',
            providerId: v.providerId ?? '',
            workerId: v.workerId,
            itemIds: v.itemIds,
            weekdays: v.weekdays.map(Number),
            everyWeeks: Number(v.everyWeeks) as PlanEveryWeeks,
            startTime: v.startTime.trim(),
            minutes: v.minutes === '' ? 0 : Number(v.minutes),
            fromOn: v.fromOn ?? '',
            toOn: v.toOn,
          });
        }}
      >
        <Stack>
          <ElderField fixed={row ?? null} value={elder} onChange={setElder} error={errors.elderId} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              size="lg"
              label={t('homecare.setup.provider')}
              withAsterisk
              allowDeselect={false}
              data={(providers.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${t(`enums.providerKind.${p.kind}`)}）` }))}
              value={v.providerId}
              onChange={(id) => setV({ ...v, providerId: id, workerId: id === v.providerId ? v.workerId : null })}
              error={errors.providerId}
            />
            <Select
              size="lg"
              label={t('homecare.setup.worker')}
              clearable
              placeholder={provider ? t('homecare.setup.noWorker') : t('homecare.setup.pickProviderFirst')}
              disabled={!provider}
              data={workers.map((w) => ({ value: w.id, label: w.name }))}
              value={v.workerId}
              onChange={(id) => setV({ ...v, workerId: id })}
              error={errors.workerId}
            />
          </SimpleGrid>
          <MultiSelect
            size="lg"
            label={t('homecare.setup.items')}
            withAsterisk
            searchable
            data={itemOptions.map((i) => ({ value: i.id, label: `${i.name}（${t(`enums.serviceUnit.${i.unit}`)}）` }))}
            value={v.itemIds}
            onChange={(ids) => setV({ ...v, itemIds: ids })}
            error={errors.itemIds}
          />
          <div role="group" aria-label={t('homecare.setup.weekdays')}>
            <Text fw={700} mb={4}>
              {t('homecare.setup.weekdays')} <Text span c="red.9">*</Text>
            </Text>
            <Chip.Group multiple value={v.weekdays} onChange={(days) => setV({ ...v, weekdays: days })}>
              <Group gap="xs">
                {DAYS.map((d) => (
                  <Chip key={d} value={String(d)} size="lg">
                    {weekdayWord(t, d)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {errors.weekdays && (
              <Text size="sm" c="red.9" mt={4}>
                {errors.weekdays}
              </Text>
            )}
          </div>
          <div role="group" aria-label={t('homecare.setup.everyWeeks')}>
            <Text fw={700} mb={4}>
              {t('homecare.setup.everyWeeks')}
            </Text>
            <SegmentedControl size="md" value={v.everyWeeks} onChange={(e) => setV({ ...v, everyWeeks: e })} data={PLAN_EVERY_WEEKS.map((n) => ({ value: String(n), label: everyText(t, n) }))} />
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput size="lg" label={t('homecare.setup.startTime')} description={t('homecare.setup.startTimeHint')} withAsterisk inputMode="numeric" value={v.startTime} onChange={(e) => setV({ ...v, startTime: e.currentTarget.value })} error={errors.startTime} />
            <NumberInput size="lg" label={t('homecare.setup.minutes')} withAsterisk min={1} max={720} step={15} value={v.minutes} onChange={(m) => setV({ ...v, minutes: m })} error={errors.minutes} />
            <DateInput size="lg" label={t('homecare.setup.fromOn')} withAsterisk valueFormat="YYYY-MM-DD" value={v.fromOn} onChange={(d) => setV({ ...v, fromOn: d })} error={errors.fromOn} />
            <DateInput size="lg" label={t('homecare.setup.toOn')} clearable valueFormat="YYYY-MM-DD" value={v.toOn} onChange={(d) => setV({ ...v, toOn: d || null })} error={errors.toOn} />
          </SimpleGrid>
          <ModalButtons pending={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

export function PlansTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [includeEnded, setIncludeEnded] = useState(false);
  const list = useHomecarePlans({ query: search.trim().slice(0, 30), includeEnded });
  const mayEdit = useMayCall('homecare.savePlan');
  const [editing, setEditing] = useState<PlanRow | 'new' | null>(null);
  const [ending, setEnding] = useState<PlanRow | null>(null);
  const [endErrors, setEndErrors] = useState<Record<string, string>>({});
  const end = useHomecareEndPlan({ successMessage: t('app.saved'), onSuccess: () => setEnding(null), onFieldError: (f, m) => (setEndErrors({ [f]: m }), f === 'endedOn' || f === 'reason') });
  return (
    <Stack>
      <Text>{t('homecare.setup.plansIntro')}</Text>
      <Group wrap="wrap">
        <TextInput size="lg" style={{ flex: 1, minWidth: 220 }} aria-label={t('homecare.setup.plansSearch')} placeholder={t('homecare.setup.plansSearch')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Checkbox size="md" label={t('homecare.setup.showEnded')} checked={includeEnded} onChange={(e) => setIncludeEnded(e.currentTarget.checked)} />
        {mayEdit && (
          <Button size="lg" onClick={() => setEditing('new')}>
            {t('homecare.setup.addPlan')}
          </Button>
        )}
      </Group>
      <QueryView query={list}>
        {(rows) => (
          <ListCard title={t('homecare.tabs.plans')} rows={rows} empty={search.trim() ? t('homecare.setup.noMatch') : t('homecare.setup.plansEmpty')}>
            <ListTable
              minWidth={600}
              testId="homecare-plans"
              heads={[t('homecare.setup.elder'), t('homecare.setup.provider'), t('homecare.setup.items'), t('homecare.setup.scheduleAndPeriod'), mayEdit && t('homecare.setup.actions')]}
            >
              {rows.map((p) => (
                <Table.Tr key={p.id} style={p.active ? undefined : { opacity: 0.7 }}>
                  <Table.Td>
                    <Text fw={700} style={NOWRAP}>
                      {p.elder}
                    </Text>
                    <Text size="sm">{p.village}</Text>
                    {p.elderStatus !== 'at_home' && !p.endedOn && (
                      <Badge color="red.9" variant="filled" data-testid="left-home">
                        {t('homecare.setup.leftHome', { status: t(`enums.elderStatus.${p.elderStatus}`) })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text>{p.provider}</Text>
                    <Text size="sm">{p.worker ?? t('homecare.setup.noWorker')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      {p.items.map((i) =>
                        i.entitled ? (
                          <Badge key={i.id} variant="light" color="blue" size="lg">
                            {i.name}
                          </Badge>
                        ) : (
                          <Tooltip key={i.id} label={t('homecare.setup.noEntitlementHint')}>
                            <Badge variant="filled" color="orange.9" size="lg">
                              {i.name} · {t('homecare.setup.noEntitlement')}
                            </Badge>
                          </Tooltip>
                        ),
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text>{t('homecare.setup.scheduleText', { every: everyText(t, p.everyWeeks), days: weekdaysText(t, p.weekdays), time: p.startTime, minutes: p.minutes })}</Text>
                    <Text size="sm">{periodText(t, p.fromOn, p.toOn)}</Text>
                    {p.endedOn && (
                      <Text size="sm" c="dark.6">
                        {t('homecare.setup.endedMark')} {p.endedOn}：{p.endReason}
                      </Text>
                    )}
                  </Table.Td>
                  {mayEdit && (
                    <Table.Td>
                      {!p.endedOn && (
                        <Stack gap={4}>
                          <Button size="md" variant="outline" onClick={() => setEditing(p)} aria-label={`${t('homecare.setup.edit')} ${p.elder}`}>
                            {t('homecare.setup.edit')}
                          </Button>
                          <Button size="md" variant="subtle" color="red.9" onClick={() => (setEndErrors({}), setEnding(p))} aria-label={`${t('homecare.setup.end')} ${p.elder}`}>
                            {t('homecare.setup.end')}
                          </Button>
                        </Stack>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </ListTable>
          </ListCard>
        )}
      </QueryView>
      {editing && <PlanModal row={editing === 'new' ? null : editing} today={today} onClose={() => setEditing(null)} />}
      {ending && (
        <EndModal what={`${ending.elder}（${ending.provider}）`} today={today} pending={end.isPending} errors={endErrors} onSubmit={(v) => end.mutate({ id: ending.id, ...v })} onClose={() => setEnding(null)} />
      )}
    </Stack>
  );
}
