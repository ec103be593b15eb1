// 协助人员: the 村干部, volunteers and 老年协会 members who visit with (or for) the staff — added, changed, retired (never
// deleted: visits keep naming them). Only the register's keepers change the list.
import { Badge, Button, Checkbox, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelperRow } from '@shared/api/visits';
import { HELPER_KINDS, type HelperKind } from '@shared/domain/elders/vocab';
import { ListCard, ListTable } from '../../components/ListCard';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { useEldersVillages } from '../elders/queries';
import { type ElderChoice, ElderPicker } from './marks';
import { useVisitsHelpers, useVisitsSaveHelper } from './queries';

const HELPER_FIELDS = ['name', 'kind', 'phone', 'villageId', 'elderId'];

function HelperModal({ helper, onClose }: { helper: HelperRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const villages = useEldersVillages({});
  const [v, setV] = useState({ name: helper?.name ?? '', kind: (helper?.kind ?? 'village_cadre') as HelperKind, phone: helper?.phone ?? '', villageId: helper?.villageId ?? null, retired: helper?.retired ?? false });
  // A 低龄老人 (or any helper) who is an elder on the register: linked, once (mutual aid shows their balance on the file).
  const [elder, setElder] = useState<ElderChoice | null>(helper?.elderId ? { id: helper.elderId, name: helper.elder ?? '', village: '' } : null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useVisitsSaveHelper({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), HELPER_FIELDS.includes(f)) });
  return (
    <Modal opened onClose={onClose} size="lg" title={helper ? t('visits.helperTitleEdit', { name: helper.name }) : t('visits.helperTitleNew')}>
      <Stack>
        <div role="group" aria-label={t('visits.helperKind')}>
          <Text fw={700} mb={4}>
            {t('visits.helperKind')}
          </Text>
          <SegmentedControl fullWidth size="md" value={v.kind} onChange={(k) => setV({ ...v, kind: k as HelperKind })} data={HELPER_KINDS.map((k) => ({ value: k, label: t(`enums.helperKind.${k}`) }))} />
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput size="lg" label={t('visits.helperName')} withAsterisk value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={errors.name} data-autofocus />
          <TextInput size="lg" label={t('visits.phone')} inputMode="tel" value={v.phone} onChange={(e) => setV({ ...v, phone: e.currentTarget.value })} error={errors.phone} />
        </SimpleGrid>
        <ElderPicker
          size="lg"
          label={t('mutualaid.helperLink.label')}
          description={elder ? t('mutualaid.helperLink.linked', { name: elder.name }) : t('mutualaid.helperLink.hint')}
          value={elder}
          onChange={(e) => {
            setElder(e);
            // Linked to the register: the name and village come with the elder where they are not filled in yet.
            if (e) setV({ ...v, name: v.name || e.name, villageId: v.villageId ?? (villages.data ?? []).find((x) => x.name === e.village)?.id ?? null });
          }}
          error={errors.elderId}
        />
        <Select size="lg" label={t('visits.helperVillage')} clearable data={(villages.data ?? []).map((x) => ({ value: x.id, label: x.name }))} value={v.villageId} onChange={(id) => setV({ ...v, villageId: id })} error={errors.villageId} />
        {helper && <Switch size="lg" label={t('visits.retired')} checked={v.retired} onChange={(e) => setV({ ...v, retired: e.currentTarget.checked })} />}
        <Button size="xl" loading={save.isPending} onClick={() => save.mutate({ ...(helper ? { id: helper.id } : {}), ...v, elderId: elder?.id ?? null })}>
          {t('app.save')}
        </Button>
      </Stack>
    </Modal>
  );
}

export function HelpersTab() {
  const { t } = useTranslation();
  const [withRetired, setWithRetired] = useState(false);
  const list = useVisitsHelpers({ includeRetired: withRetired });
  const mayEdit = useMayCall('visits.saveHelper');
  const [editing, setEditing] = useState<HelperRow | 'new' | null>(null);
  return (
    <Stack>
      <Text>{t('visits.helpersIntro')}</Text>
      <Group justify="space-between" wrap="wrap">
        <Checkbox size="md" label={t('visits.showRetired')} checked={withRetired} onChange={(e) => setWithRetired(e.currentTarget.checked)} />
        {mayEdit && (
          <Button size="lg" onClick={() => setEditing('new')}>
            {t('visits.addHelper')}
          </Button>
        )}
      </Group>
      <QueryView query={list}>
        {(rows) => (
          <ListCard title={t('visits.helpersTitle')} rows={rows} empty={t('visits.helpersEmpty')}>
            <ListTable minWidth={560} nowrap testId="helpers" heads={[t('visits.helperName'), t('visits.helperKind'), t('visits.phone'), t('visits.village'), t('visits.helperStatus'), mayEdit && t('visits.actionsHead')]}>
              {rows.map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td fw={700}>
                    {h.name}
                    {h.elder && (
                      <Text span size="sm" c="dimmed" fw={400}>
                        {' '}
                        {t('mutualaid.helperLink.mark')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`enums.helperKind.${h.kind}`)}</Table.Td>
                  <Table.Td>{h.phone || '—'}</Table.Td>
                  <Table.Td>{h.village ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={h.retired ? 'muted' : 'ok'} variant="filled">
                      {h.retired ? t('visits.retiredMark') : t('visits.inUse')}
                    </Badge>
                  </Table.Td>
                  {mayEdit && (
                    <Table.Td>
                      <Button size="md" variant="outline" onClick={() => setEditing(h)} aria-label={`${t('visits.editHelper')} ${h.name}`}>
                        {t('visits.editHelper')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </ListTable>
          </ListCard>
        )}
      </QueryView>
      {editing && <HelperModal helper={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
