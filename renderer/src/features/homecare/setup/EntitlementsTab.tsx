// 享受额度: what each elder at home may receive per month of an item, as the county's document grants it — hours for an
// hourly item (typed as hours, kept in minutes), times for a per-visit item — with its period; ended with a reason.
// Searchable by elder, initials, document number or item; filtered by village and by being in force today.
import { Badge, Button, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntitlementRow } from '@shared/api/homecare-setup';
import { ListCard, ListTable } from '../../../components/ListCard';
import { ModalButtons } from '../../../components/ModalButtons';
import { QueryView } from '../../../components/QueryView';
import { useMayCall } from '../../../shell/current-user';
import { useEldersVillages } from '../../elders/queries';
import type { ElderChoice } from '../../visits/marks';
import { ElderField } from './ElderField';
import { EndModal } from './EndModal';
import { periodText, quotaFromInput, quotaText, quotaToInput } from './words';
import { useHomecareEndEntitlement, useHomecareEntitlements, useHomecareItems, useHomecareSaveEntitlement } from './queries';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const FIELDS = ['elderId', 'itemId', 'monthlyQuota', 'documentNo', 'grantedOn', 'validFrom', 'validTo', 'note'];

function EntitlementModal({ row, today, onClose }: { row: EntitlementRow | null; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const items = useHomecareItems({});
  const [elder, setElder] = useState<ElderChoice | null>(row ? { id: row.elderId, name: row.elder, village: row.village } : null);
  const [v, setV] = useState({
    itemId: row?.itemId ?? (null as string | null),
    quota: row ? quotaToInput(row.unit, row.monthlyQuota) : ('' as number | string),
    documentNo: row?.documentNo ?? '',
    grantedOn: row?.grantedOn ?? (today as string | null),
    validFrom: row?.validFrom ?? (today as string | null),
    validTo: row?.validTo ?? (null as string | null),
    note: row?.note ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useHomecareSaveEntitlement({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), FIELDS.includes(f)) });
  const options = (items.data ?? []).filter((i) => !i.retired || i.id === row?.itemId);
  const unit = options.find((i) => i.id === v.itemId)?.unit ?? 'visit';
  return (
    <Modal opened onClose={onClose} size="xl" title={row ? t('homecare.setup.entitlementTitleEdit', { elder: row.elder, item: row.item }) : t('homecare.setup.entitlementTitleNew')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate({
            ...(row ? { id: row.id } : {}),
            elderId: elder?.id ?? '',
            itemId: v.itemId ?? '',
            monthlyQuota: v.quota === '' ? 0 : quotaFromInput(unit, Number(v.quota)),
            documentNo: v.documentNo,
            grantedOn: v.grantedOn ?? '',
            validFrom: v.validFrom ?? '',
            validTo: v.validTo,
            note: v.note,
          });
        }}
      >
        <Stack>
          <ElderField fixed={row ?? null} value={elder} onChange={setElder} error={errors.elderId} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              size="lg"
              label={t('homecare.setup.item')}
              withAsterisk
              allowDeselect={false}
              searchable
              data={options.map((i) => ({ value: i.id, label: `${i.name}（${t(`enums.serviceUnit.${i.unit}`)}）` }))}
              value={v.itemId}
              onChange={(id) => setV({ ...v, itemId: id })}
              error={errors.itemId}
            />
            <NumberInput
              size="lg"
              label={unit === 'hour' ? t('homecare.setup.quotaHours') : t('homecare.setup.quotaTimes')}
              description={unit === 'hour' ? t('homecare.setup.quotaHoursHint') : undefined}
              withAsterisk
              min={0}
              decimalScale={unit === 'hour' ? 2 : 0}
              value={v.quota}
              onChange={(q) => setV({ ...v, quota: q })}
              error={errors.monthlyQuota}
            />
            <TextInput size="lg" label={t('homecare.setup.documentNo')} placeholder={t('homecare.setup.documentNoHint')} withAsterisk value={v.documentNo} onChange={(e) => setV({ ...v, documentNo: e.currentTarget.value })} error={errors.documentNo} />
            <DateInput size="lg" label={t('homecare.setup.grantedOn')} withAsterisk valueFormat="YYYY-MM-DD" value={v.grantedOn} onChange={(d) => setV({ ...v, grantedOn: d })} error={errors.grantedOn} />
            <DateInput size="lg" label={t('homecare.setup.validFrom')} withAsterisk valueFormat="YYYY-MM-DD" value={v.validFrom} onChange={(d) => setV({ ...v, validFrom: d })} error={errors.validFrom} />
            <DateInput size="lg" label={t('homecare.setup.validTo')} clearable valueFormat="YYYY-MM-DD" value={v.validTo} onChange={(d) => setV({ ...v, validTo: d || null })} error={errors.validTo} />
          </SimpleGrid>
          <Textarea size="md" label={t('homecare.setup.note')} value={v.note} onChange={(e) => setV({ ...v, note: e.currentTarget.value })} error={errors.note} />
          <ModalButtons pending={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function StateBadge({ row, today }: { row: EntitlementRow; today: string }) {
  const { t } = useTranslation();
  if (row.active) return <Badge color="ok" variant="filled">{t('homecare.setup.activeMark')}</Badge>;
  if (row.validFrom > today && !row.endedOn) return <Badge color="notice" variant="filled">{t('homecare.setup.notYetMark')}</Badge>;
  return <Badge color="muted" variant="filled">{row.endedOn ? t('homecare.setup.endedMark') : t('homecare.setup.history')}</Badge>;
}

export function EntitlementsTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [villageId, setVillageId] = useState<string | null>(null);
  const [onlyActive, setOnlyActive] = useState(true);
  const villages = useEldersVillages({});
  const list = useHomecareEntitlements({ query: search.trim().slice(0, 30), villageId, activeOn: onlyActive ? today : null });
  const mayEdit = useMayCall('homecare.saveEntitlement');
  const [editing, setEditing] = useState<EntitlementRow | 'new' | null>(null);
  const [ending, setEnding] = useState<EntitlementRow | null>(null);
  const [endErrors, setEndErrors] = useState<Record<string, string>>({});
  const end = useHomecareEndEntitlement({ successMessage: t('app.saved'), onSuccess: () => setEnding(null), onFieldError: (f, m) => (setEndErrors({ [f]: m }), f === 'endedOn' || f === 'reason') });
  const filtered = search.trim() !== '' || villageId !== null;
  return (
    <Stack>
      <Text>{t('homecare.setup.entitlementsIntro')}</Text>
      <Group wrap="wrap">
        <TextInput size="lg" style={{ flex: 1, minWidth: 220 }} aria-label={t('homecare.setup.entitlementsSearch')} placeholder={t('homecare.setup.entitlementsSearch')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Select size="lg" w={160} aria-label={t('homecare.setup.village')} placeholder={t('homecare.setup.allVillages')} clearable data={(villages.data ?? []).map((x) => ({ value: x.id, label: x.name }))} value={villageId} onChange={setVillageId} />
        <Checkbox size="md" label={t('homecare.setup.onlyActive')} checked={onlyActive} onChange={(e) => setOnlyActive(e.currentTarget.checked)} />
        {mayEdit && (
          <Button size="lg" onClick={() => setEditing('new')}>
            {t('homecare.setup.addEntitlement')}
          </Button>
        )}
      </Group>
      <QueryView query={list}>
        {(rows) => (
          <ListCard title={t('homecare.tabs.entitlements')} rows={rows} empty={filtered ? t('homecare.setup.noMatch') : onlyActive ? t('homecare.setup.noneActive') : t('homecare.setup.entitlementsEmpty')}>
            <ListTable
              minWidth={600}
              testId="homecare-entitlements"
              heads={[t('homecare.setup.elder'), t('homecare.setup.itemAndDocument'), t('homecare.setup.quota'), t('homecare.setup.period'), mayEdit && t('homecare.setup.actions')]}
            >
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Text fw={700} style={NOWRAP}>
                      {r.elder}
                    </Text>
                    <Text size="sm">{r.village}</Text>
                    {r.elderStatus !== 'at_home' && !r.endedOn && (
                      <Badge color="red.9" variant="filled" data-testid="left-home">
                        {t('homecare.setup.leftHome', { status: t(`enums.elderStatus.${r.elderStatus}`) })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text fw={700}>{r.item}</Text>
                    <Text size="sm">
                      {r.documentNo}（{r.grantedOn}）
                    </Text>
                  </Table.Td>
                  <Table.Td fw={700} style={NOWRAP}>
                    {quotaText(t, r.unit, r.monthlyQuota)}
                  </Table.Td>
                  <Table.Td>
                    <Text>{periodText(t, r.validFrom, r.validTo)}</Text>
                    <StateBadge row={r} today={today} />
                    {r.endedOn && (
                      <Text size="sm" c="dark.6">
                        {t('homecare.setup.endedOn')} {r.endedOn}：{r.endReason}
                      </Text>
                    )}
                  </Table.Td>
                  {mayEdit && (
                    <Table.Td>
                      {!r.endedOn && (
                        <Stack gap={4}>
                          <Button size="md" variant="outline" onClick={() => setEditing(r)} aria-label={`${t('homecare.setup.edit')} ${r.elder} ${r.item}`}>
                            {t('homecare.setup.edit')}
                          </Button>
                          <Button size="md" variant="subtle" color="red.9" onClick={() => (setEndErrors({}), setEnding(r))} aria-label={`${t('homecare.setup.end')} ${r.elder} ${r.item}`}>
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
      {editing && <EntitlementModal row={editing === 'new' ? null : editing} today={today} onClose={() => setEditing(null)} />}
      {ending && (
        <EndModal
          what={`${ending.elder} ${ending.item}（${ending.documentNo}）`}
          today={today}
          pending={end.isPending}
          errors={endErrors}
          onSubmit={(v) => end.mutate({ id: ending.id, ...v })}
          onClose={() => setEnding(null)}
        />
      )}
    </Stack>
  );
}
