// Adding or changing a 助餐 diner. A diner is an elder on the township's register: a new one is picked from the register
// (searchable) or put on it here with the few facts the kitchen knows (the 关爱专干 completes the rest); an edit changes
// the enrolment only — the person's own details are kept on the register.
import { Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DinerRow } from '@shared/api/meals';
import { DINER_CATEGORIES, SERVING_MODES } from '@shared/domain/meals/vocab';
import { useEldersVillages } from '../elders/queries';
import { useMealsDinerCandidates, useMealsSaveDiner } from './queries';

type Source = 'register' | 'new';

export function DinerModal({ diner, onClose }: { diner: DinerRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [source, setSource] = useState<Source>('register');
  const [search, setSearch] = useState('');
  const candidates = useMealsDinerCandidates({ query: search }, !diner && source === 'register');
  const villages = useEldersVillages({}, !diner && source === 'new');
  const form = useForm({
    initialValues: {
      elderId: null as string | null,
      name: '',
      idNumber: '',
      villageId: null as string | null,
      phone: '',
      address: '',
      category: diner?.category ?? 'elderly',
      route: diner?.route ?? '',
      defaultMode: diner?.defaultMode ?? 'dine_in',
      leftOn: diner?.leftOn ?? null,
      note: diner?.note ?? '',
    },
  });
  const fieldOf = (f: string) => (f.startsWith('person.') ? f.slice('person.'.length) : f);
  const save = useMealsSaveDiner({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (form.setFieldError(fieldOf(f), m), true) });
  const submit = (v: typeof form.values) => {
    const enrolment = { category: v.category, route: v.route, defaultMode: v.defaultMode, leftOn: v.leftOn, note: v.note };
    if (diner) save.mutate({ id: diner.id, ...enrolment });
    else if (source === 'register') save.mutate({ elderId: v.elderId ?? undefined, ...enrolment });
    else save.mutate({ person: { name: v.name, idNumber: v.idNumber, villageId: v.villageId ?? '', phone: v.phone, address: v.address }, ...enrolment });
  };
  const p = (k: keyof typeof form.values) => form.getInputProps(k);
  return (
    <Modal opened onClose={onClose} title={diner ? t('meals.aid.editDiner', { name: diner.name }) : t('meals.aid.addDiner')} size="xl">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          {diner ? (
            <Text size="lg">
              {diner.name}（{diner.village}，{diner.idNumberMasked}）<Text span c="dimmed">{t('meals.aid.personOnRegister')}</Text>
            </Text>
          ) : (
            <>
              <SegmentedControl
                size="lg"
                value={source}
                onChange={(v) => setSource(v as Source)}
                data={[
                  { value: 'register', label: t('meals.aid.fromRegister') },
                  { value: 'new', label: t('meals.aid.newPerson') },
                ]}
              />
              {source === 'register' ? (
                <Select
                  size="lg"
                  label={t('meals.aid.pickElder')}
                  withAsterisk
                  searchable
                  searchValue={search}
                  onSearchChange={setSearch}
                  filter={({ options }) => options}
                  nothingFoundMessage={t('meals.aid.noCandidate')}
                  placeholder={t('meals.aid.pickElderHint')}
                  data={(candidates.data ?? []).map((c) => ({ value: c.elderId, label: `${c.name}（${c.village}，${c.age}岁，${c.idNumberMasked}）` }))}
                  {...p('elderId')}
                />
              ) : (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput size="lg" label={t('meals.aid.name')} withAsterisk {...p('name')} />
                  <TextInput size="lg" label={t('meals.aid.idNumber')} withAsterisk {...p('idNumber')} />
                  <Select size="lg" label={t('meals.aid.village')} withAsterisk allowDeselect={false} nothingFoundMessage={t('meals.aid.noVillage')} data={(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))} {...p('villageId')} />
                  <TextInput size="lg" label={t('meals.aid.phone')} inputMode="tel" {...p('phone')} />
                  <TextInput size="lg" label={t('meals.aid.address')} {...p('address')} />
                </SimpleGrid>
              )}
            </>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select size="lg" label={t('meals.aid.category')} allowDeselect={false} data={DINER_CATEGORIES.map((c) => ({ value: c, label: t(`enums.dinerCategory.${c}`) }))} {...p('category')} />
            <Select size="lg" label={t('meals.aid.defaultMode')} allowDeselect={false} data={SERVING_MODES.map((m) => ({ value: m, label: t(`enums.servingMode.${m}`) }))} {...p('defaultMode')} />
            <TextInput size="lg" label={t('meals.aid.route')} placeholder="如：东线" {...p('route')} />
            {diner && <DateInput size="lg" label={t('meals.aid.leftOn')} clearable valueFormat="YYYY-MM-DD" {...p('leftOn')} />}
          </SimpleGrid>
          <Textarea label={t('meals.aid.note')} {...p('note')} />
          <Group>
            <Button type="submit" size="lg" loading={save.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
