// 村: the township's villages — name, 区划代码, the 村干部 to call and how many elders live at home there. Added and
// changed by the register's keepers; a village is retired (and can be restored), never deleted.
import { Anchor, Badge, Button, Checkbox, Group, Modal, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { VillageInput, type VillageRow } from '@shared/api/elders';
import { zodValidate } from '../../api/zod-form';
import { ListCard, ListTable } from '../../components/ListCard';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { useEldersSaveVillage, useEldersVillages } from './queries';
import { ModalButtons } from '../../components/ModalButtons';

interface VillageForm {
  name: string;
  code: string;
  cadreName: string;
  cadrePhone: string;
}

const toInput = (v: VillageForm, village: VillageRow | null) => ({
  ...(village ? { id: village.id, retired: village.retired } : {}),
  name: v.name,
  code: v.code.trim() || null,
  cadreName: v.cadreName,
  cadrePhone: v.cadrePhone,
});

function VillageModal({ village, onClose }: { village: VillageRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<VillageForm>({
    initialValues: { name: village?.name ?? '', code: village?.code ?? '', cadreName: village?.cadreName ?? '', cadrePhone: village?.cadrePhone ?? '' },
    validate: (v) => zodValidate(VillageInput)(toInput(v, village)),
  });
  const save = useEldersSaveVillage({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <Modal opened onClose={onClose} title={village ? t('elders.editVillage', { name: village.name }) : t('elders.addVillage')} size="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(toInput(v, village)))} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('elders.villageName')} withAsterisk placeholder="如：东村" {...form.getInputProps('name')} />
            <TextInput label={t('elders.code')} description={t('elders.codeHint')} maxLength={12} inputMode="numeric" {...form.getInputProps('code')} />
            <TextInput label={t('elders.cadreName')} {...form.getInputProps('cadreName')} />
            <TextInput label={t('elders.cadrePhone')} inputMode="tel" {...form.getInputProps('cadrePhone')} />
          </SimpleGrid>
          <ModalButtons pending={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

export function VillagesTab() {
  const { t } = useTranslation();
  const mayEdit = useMayCall('elders.saveVillage');
  const [, setParams] = useSearchParams();
  const [showRetired, setShowRetired] = useState(false);
  const villages = useEldersVillages({ includeRetired: showRetired });
  const [editing, setEditing] = useState<VillageRow | 'new' | null>(null);
  const retire = useEldersSaveVillage({ successMessage: t('app.saved') });
  const setRetired = (v: VillageRow, retired: boolean) => retire.mutate({ id: v.id, name: v.name, code: v.code, cadreName: v.cadreName, cadrePhone: v.cadrePhone, retired });
  const askRetire = (v: VillageRow) =>
    modals.openConfirmModal({
      title: t('elders.retireTitle', { name: v.name }),
      children: <Text>{t('elders.retireWarning')}</Text>,
      labels: { confirm: t('elders.retire'), cancel: t('app.cancel') },
      confirmProps: { color: 'red.9' },
      onConfirm: () => setRetired(v, true),
    });
  const addButton = mayEdit && (
    <Button size="lg" onClick={() => setEditing('new')}>
      {t('elders.addVillage')}
    </Button>
  );
  return (
    <Stack>
      <Checkbox label={t('elders.showRetired')} checked={showRetired} onChange={(e) => setShowRetired(e.currentTarget.checked)} />
      <QueryView query={villages}>
        {(rows) => (
          <ListCard title={t('elders.villages')} actions={addButton} rows={rows} empty={t('elders.villagesEmpty')} data-testid="villages">
            <ListTable
              minWidth={720}
              nowrap
              heads={[t('elders.villageName'), t('elders.code'), t('elders.cadre'), t('elders.cadrePhone'), t('elders.atHome'), t('elders.status'), mayEdit && t('elders.actions')]}
              testId="villages-table"
            >
              {rows.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td fw={700}>{v.name}</Table.Td>
                  <Table.Td>{v.code ?? '—'}</Table.Td>
                  <Table.Td>{v.cadreName || '—'}</Table.Td>
                  <Table.Td>{v.cadrePhone ? <Anchor href={`tel:${v.cadrePhone}`}>{v.cadrePhone}</Anchor> : '—'}</Table.Td>
                  <Table.Td>
                    <Button variant="subtle" size="compact-lg" onClick={() => setParams({ tab: 'register', village: v.id })} aria-label={t('elders.atHomeOf', { name: v.name, n: v.atHome })}>
                      {t('elders.persons', { n: v.atHome })}
                    </Button>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={v.retired ? 'muted' : 'ok'} variant="filled">
                      {v.retired ? t('elders.retired') : t('elders.inUse')}
                    </Badge>
                  </Table.Td>
                  {mayEdit && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button variant="subtle" onClick={() => setEditing(v)} aria-label={`${t('app.edit')} ${v.name}`}>
                          {t('app.edit')}
                        </Button>
                        {v.retired ? (
                          <Button variant="subtle" onClick={() => setRetired(v, false)} aria-label={`${t('elders.restore')} ${v.name}`}>
                            {t('elders.restore')}
                          </Button>
                        ) : (
                          <Button variant="subtle" color="red.9" onClick={() => askRetire(v)} aria-label={`${t('elders.retire')} ${v.name}`}>
                            {t('elders.retire')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </ListTable>
          </ListCard>
        )}
      </QueryView>
      {editing && <VillageModal village={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
