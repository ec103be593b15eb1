// 饮食: every current resident's diet, avoidances, allergies and choking risk (searchable; care staff change them),
// and the diet types with their texture (the kitchen switches unused ones off).
import { Badge, Button, Checkbox, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentDiet } from '@shared/api/meals';
import type { DietType } from '@shared/domain/enums';
import { DietCells } from './DietCells';
import { ListCard, ListTable } from '../../components/ListCard';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { useMealsDietTypes, useMealsResidentDiets, useMealsSaveDietType, useMealsSetResidentDiet } from './queries';

function DietModal({ resident, onClose }: { resident: ResidentDiet; onClose: () => void }) {
  const { t } = useTranslation();
  const types = useMealsDietTypes();
  const [dietType, setDietType] = useState<string | null>(resident.dietType);
  const [avoidances, setAvoidances] = useState(resident.avoidances);
  const [allergies, setAllergies] = useState(resident.allergies);
  const save = useMealsSetResidentDiet({ successMessage: t('app.saved'), onSuccess: onClose });
  const options = (types.data ?? []).filter((d) => d.inUse || d.code === resident.dietType).map((d) => ({ value: d.code, label: `${t(`enums.diet.${d.code}`)}（${d.texture}）` }));
  return (
    <Modal opened onClose={onClose} title={t('meals.dietTitle', { name: resident.name })} size="lg">
      <Stack>
        <Select size="lg" label={t('meals.dietType')} allowDeselect={false} data={options} value={dietType} onChange={setDietType} />
        <TextInput size="lg" label={t('meals.avoidances')} placeholder="如：不吃辣、不吃羊肉" value={avoidances} onChange={(e) => setAvoidances(e.currentTarget.value)} />
        <TextInput size="lg" label={t('meals.allergies')} value={allergies} onChange={(e) => setAllergies(e.currentTarget.value)} />
        <Button size="lg" loading={save.isPending} onClick={() => dietType && save.mutate({ residentId: resident.residentId, dietType: dietType as DietType, avoidances, allergies })}>
          {t('app.save')}
        </Button>
      </Stack>
    </Modal>
  );
}

function DietTypeModal({ code, texture, inUse, onClose }: { code: DietType; texture: string; inUse: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(texture);
  const [use, setUse] = useState(inUse);
  const save = useMealsSaveDietType({ successMessage: t('app.saved'), onSuccess: onClose });
  return (
    <Modal opened onClose={onClose} title={t('meals.editDietType', { name: t(`enums.diet.${code}`) })}>
      <Stack>
        <TextInput size="lg" label={t('meals.texture')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <Checkbox size="md" label={t('meals.useThis')} checked={use} onChange={(e) => setUse(e.currentTarget.checked)} />
        <Button size="lg" loading={save.isPending} onClick={() => save.mutate({ code, texture: text, inUse: use })}>
          {t('app.save')}
        </Button>
      </Stack>
    </Modal>
  );
}

function DietTypes() {
  const { t } = useTranslation();
  const types = useMealsDietTypes();
  const mayEdit = useMayCall('meals.saveDietType');
  const [editing, setEditing] = useState<NonNullable<typeof types.data>[number] | null>(null);
  if (!types.data) return null;
  return (
    <ListCard title={t('meals.dietTypesTitle')}>
      <Table fz="md" striped>
        <Table.Tbody>
          {types.data.map((d) => (
            <Table.Tr key={d.code}>
              <Table.Td fw={700}>{t(`enums.diet.${d.code}`)}</Table.Td>
              <Table.Td>{d.texture}</Table.Td>
              <Table.Td>{t('meals.residentsCount', { n: d.residents })}</Table.Td>
              <Table.Td>
                <Badge color={d.inUse ? 'ok' : 'muted'} variant="filled">
                  {d.inUse ? t('meals.inUse') : t('meals.notInUse')}
                </Badge>
              </Table.Td>
              {mayEdit && (
                <Table.Td>
                  <Button variant="subtle" onClick={() => setEditing(d)} aria-label={`${t('app.edit')} ${t(`enums.diet.${d.code}`)}`}>
                    {t('app.edit')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <DietTypeModal {...editing} onClose={() => setEditing(null)} />}
    </ListCard>
  );
}

export function DietsTab() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const diets = useMealsResidentDiets({ query });
  const mayEdit = useMayCall('meals.setResidentDiet');
  const [editing, setEditing] = useState<ResidentDiet | null>(null);
  return (
    <Stack>
      <TextInput size="lg" aria-label={t('meals.searchResidents')} placeholder={t('meals.searchResidents')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      <QueryView query={diets} empty={query ? t('meals.noMatch') : t('meals.noResidents')}>
        {(data) => (
          <ListTable testId="resident-diets" heads={[t('care.resident'), t('meals.dietType'), t('meals.avoidances'), t('meals.allergies'), t('meals.choking'), mayEdit && t('app.edit')]}>
            {data.map((r) => (
              <Table.Tr key={r.residentId}>
                <Table.Td>
                  <Text fw={700}>{r.name}</Text>
                  <Text size="sm">
                    {r.bedLabel} {r.present ? '' : `（${t(`enums.residentStatus.${r.status}`)}）`}
                  </Text>
                </Table.Td>
                <DietCells {...r} />
                {mayEdit && (
                  <Table.Td>
                    <Button variant="subtle" onClick={() => setEditing(r)} aria-label={`${t('meals.setDiet')} ${r.name}`}>
                      {t('meals.setDiet')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </QueryView>
      <DietTypes />
      {editing && <DietModal resident={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
