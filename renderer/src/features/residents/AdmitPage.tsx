// 办理入住: a new resident's file and first stay in one step; or, with ?resident=…, a returning resident's new stay.
// GB 38600 wants the service-safety risk assessment before admission: the page says so and links to the due list.
import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { AdmissionInput, AdmitInput } from '@shared/api/residents';
import { zodValidate } from '../../api/zod-form';
import { LoadingState } from '../../components/States';
import { emptyPerson, PersonFields, type PersonValues } from './PersonFields';
import { useFreeBeds } from './useFreeBeds';
import { useResidentsAdmit, useResidentsGet, useResidentsReadmit } from './queries';
import { useSystemInfo } from '../../shell/queries';
import { useEldersGet } from '../elders/queries';
import { addYears, chinaDate } from '@shared/domain/dates';

/** What the admission form takes from an elder of the village register (?elder=…): the ID number is typed from the card. */
interface FromRegister {
  name: string;
  village: string;
  chronicConditions: string;
}

export function AdmitPage() {
  const [params] = useSearchParams();
  const readmitId = params.get('resident');
  const elderId = params.get('elder');
  const info = useSystemInfo();
  const elder = useEldersGet({ id: elderId ?? '' }, elderId !== null);
  if (info.isPending || (elderId !== null && elder.isPending)) return <LoadingState />;
  const fromRegister = elder.data ? { name: elder.data.name, village: elder.data.village, chronicConditions: elder.data.chronicDiseases } : null;
  return <AdmitForm key={readmitId ?? elderId ?? 'new'} today={info.data?.today ?? chinaDate(new Date())} bedId={params.get('bed') ?? ''} readmitId={readmitId} fromRegister={fromRegister} />;
}

function AdmitForm({ today, bedId, readmitId, fromRegister }: { today: string; bedId: string; readmitId: string | null; fromRegister: FromRegister | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const beds = useFreeBeds();
  const returning = useResidentsGet({ id: readmitId ?? '' }, readmitId !== null);
  const form = useForm<{ person: PersonValues; admission: { date: string; bedId: string; agreementNo: string; agreementEnd: string } }>({
    initialValues: {
      person: { ...emptyPerson(), ...fromRegister },
      admission: { date: today, bedId, agreementNo: '', agreementEnd: addYears(today, 1) },
    },
    validate: (values) =>
      readmitId ? prefix('admission', zodValidate(AdmissionInput)(values.admission)) : zodValidate(AdmitInput)(values),
  });
  const onFieldError = (field: string, message: string) => (form.setFieldError(field, message), true);
  const goToFile = (id: string) => navigate(`/residents/${id}`);
  const admit = useResidentsAdmit({ onFieldError, onSuccess: (v) => goToFile(v.id), successMessage: t('stays.done') });
  const readmit = useResidentsReadmit({ onFieldError, onSuccess: (v) => goToFile(v.id), successMessage: t('stays.done') });
  const pending = admit.isPending || readmit.isPending;

  const submit = form.onSubmit((values) => {
    if (readmitId) readmit.mutate({ residentId: readmitId, admission: values.admission });
    else admit.mutate(values);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={2}>{readmitId ? t('admit.readmitTitle', { name: returning.data?.name ?? '' }) : t('admit.title')}</Title>
        <Alert color="orange.9" variant="outline" title={t('risk.admitWarningTitle')} data-testid="admit-risk-warning">
          {readmitId ? `${t('risk.admitWarningReadmit')} ` : ''}
          {t('risk.admitWarning')} <Link to={readmitId ? `/residents/${readmitId}` : '/#risk-due'}>{t('risk.admitLink')}</Link>
        </Alert>
        {fromRegister && (
          <Alert color="blue" variant="light" data-testid="admit-from-register">
            {t('admit.fromRegister', { name: fromRegister.name })}
          </Alert>
        )}
        {!readmitId && (
          <Card withBorder padding="lg">
            <Title order={3} size="h4" mb="md">
              {t('admit.person')}
            </Title>
            <PersonFields form={form as never} today={today} />
          </Card>
        )}
        <Card withBorder padding="lg">
          <Title order={3} size="h4" mb="md">
            {t('admit.stay')}
          </Title>
          {!beds.isPending && beds.options.length === 0 && (
            <Alert color="orange" mb="md">
              {t('admit.noFreeBeds')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <DateInput label={t('admit.date')} withAsterisk valueFormat="YYYY-MM-DD" maxDate={today} {...form.getInputProps('admission.date')} />
            <Select
              label={t('admit.bed')}
              withAsterisk
              searchable
              placeholder={t('admit.bedPlaceholder')}
              nothingFoundMessage={t('admit.noFreeBeds')}
              data={beds.options}
              {...form.getInputProps('admission.bedId')}
            />
            <TextInput label={t('admit.agreementNo')} withAsterisk placeholder="如：LW-2026-001" {...form.getInputProps('admission.agreementNo')} />
            <DateInput label={t('admit.agreementEnd')} withAsterisk valueFormat="YYYY-MM-DD" {...form.getInputProps('admission.agreementEnd')} />
          </SimpleGrid>
        </Card>
        <Group>
          <Button type="submit" size="lg" loading={pending}>
            {t('admit.submit')}
          </Button>
          <Button variant="default" size="lg" onClick={() => navigate(-1)}>
            {t('app.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function prefix(path: string, errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${path}.${k}`, v]));
}
