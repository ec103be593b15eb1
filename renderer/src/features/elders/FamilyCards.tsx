// The elder's family on the file: 子女与监护人 (where they work, away half a year or more — the 留守 test — and who is
// guardian), and the 赡养协议 with the elder's consent, a photo of the paper and its renewal date. Removing a relative
// or ending an agreement keeps the record (the register never deletes).
import { Anchor, Badge, Button, Card, Checkbox, FileButton, Group, Image, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, UnstyledButton } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ElderFile } from '@shared/api/elders';
import { RELATIONS } from '@shared/domain/elders/vocab';
import { ListCard, ListTable } from '../../components/ListCard';
import { useMayCall } from '../../shell/current-user';
import { shrinkPhoto } from '../residents/photo';
import { useEldersEndAgreement, useEldersRemoveRelative, useEldersSaveAgreement, useEldersSaveRelative } from './queries';
import { ModalButtons } from '../../components/ModalButtons';

type Relative = ElderFile['relatives'][number];
type Agreement = ElderFile['agreements'][number];

function RelativeModal({ elderId, relative, onClose }: { elderId: string; relative: Relative | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      name: relative?.name ?? '',
      relation: (relative?.relation ?? null) as string | null,
      phone: relative?.phone ?? '',
      worksIn: relative?.worksIn ?? '',
      awayHalfYear: relative?.awayHalfYear ?? false,
      guardian: relative?.guardian ?? false,
    },
  });
  const save = useEldersSaveRelative({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  const submit = (v: typeof form.values) =>
    save.mutate({ ...(relative ? { id: relative.id } : {}), elderId, ...v, relation: (v.relation ?? '') as Relative['relation'] });
  return (
    <Modal opened onClose={onClose} title={relative ? t('elders.editRelative', { name: relative.name }) : t('elders.addRelative')} size="lg">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('elders.name')} withAsterisk {...form.getInputProps('name')} />
            <Select label={t('elders.relation')} withAsterisk allowDeselect={false} data={RELATIONS.map((r) => ({ value: r, label: t(`enums.relation.${r}`) }))} {...form.getInputProps('relation')} />
            <TextInput label={t('elders.phone')} inputMode="tel" {...form.getInputProps('phone')} />
            <TextInput label={t('elders.worksIn')} placeholder={t('elders.worksInHint')} {...form.getInputProps('worksIn')} />
          </SimpleGrid>
          <Checkbox label={t('elders.awayHalfYear')} {...form.getInputProps('awayHalfYear', { type: 'checkbox' })} />
          <Checkbox label={t('elders.guardian')} {...form.getInputProps('guardian', { type: 'checkbox' })} />
          <ModalButtons pending={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

export function RelativesCard({ file }: { file: ElderFile }) {
  const { t } = useTranslation();
  const mayEdit = useMayCall('elders.saveRelative');
  const [editing, setEditing] = useState<Relative | 'new' | null>(null);
  const remove = useEldersRemoveRelative({ successMessage: t('app.saved') });
  const current = file.relatives.filter((r) => !r.removedAt);
  const removed = file.relatives.filter((r) => r.removedAt);
  const yesNo = (b: boolean) => (b ? t('elders.yes') : t('elders.no'));
  const askRemove = (r: Relative) =>
    modals.openConfirmModal({
      title: t('elders.removeTitle', { name: r.name }),
      children: <Text>{t('elders.removeWarning')}</Text>,
      labels: { confirm: t('elders.remove'), cancel: t('app.cancel') },
      confirmProps: { color: 'red.9' },
      onConfirm: () => remove.mutate({ id: r.id }),
    });
  return (
    <>
      <ListCard
        title={t('elders.relatives')}
        actions={mayEdit && <Button onClick={() => setEditing('new')}>{t('elders.addRelative')}</Button>}
        rows={current}
        empty={t('elders.relativesEmpty')}
        plainEmpty
        data-testid="relatives"
      >
        <ListTable
          minWidth={760}
          nowrap
          heads={[t('elders.name'), t('elders.relation'), t('elders.phone'), t('elders.worksIn'), t('elders.awayHalfYear'), t('elders.guardian'), mayEdit && t('elders.actions')]}
        >
          {current.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td fw={700}>{r.name}</Table.Td>
              <Table.Td>{t(`enums.relation.${r.relation}`)}</Table.Td>
              <Table.Td>{r.phone ? <Anchor href={`tel:${r.phone}`}>{r.phone}</Anchor> : '—'}</Table.Td>
              <Table.Td>{r.worksIn || '—'}</Table.Td>
              <Table.Td>{yesNo(r.awayHalfYear)}</Table.Td>
              <Table.Td>{yesNo(r.guardian)}</Table.Td>
              {mayEdit && (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button variant="subtle" onClick={() => setEditing(r)} aria-label={`${t('app.edit')} ${r.name}`}>
                      {t('app.edit')}
                    </Button>
                    <Button variant="subtle" color="red.9" onClick={() => askRemove(r)} aria-label={`${t('elders.remove')} ${r.name}`}>
                      {t('elders.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </ListTable>
        {removed.length > 0 && (
          <Text size="sm" mt="xs">
            {t('elders.removed', { names: removed.map((r) => `${r.name}（${r.removedAt?.slice(0, 10) ?? ''}）`).join('、') })}
          </Text>
        )}
      </ListCard>
      {editing && <RelativeModal elderId={file.id} relative={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function AgreementModal({ elderId, today, onClose }: { elderId: string; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { signedOn: today as string | null, parties: '', terms: '', supervisor: '', elderConsent: false, renewOn: null as string | null, photo: null as string | null },
  });
  const save = useEldersSaveAgreement({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  const submit = (v: typeof form.values) => save.mutate({ elderId, ...v, signedOn: v.signedOn ?? '', elderConsent: v.elderConsent as true });
  const photo = form.values.photo;
  return (
    <Modal opened onClose={onClose} title={t('elders.addAgreement')} size="xl">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateInput label={t('elders.signedOn')} withAsterisk valueFormat="YYYY-MM-DD" maxDate={today} {...form.getInputProps('signedOn')} />
            <DateInput label={t('elders.renewOn')} clearable valueFormat="YYYY-MM-DD" {...form.getInputProps('renewOn')} />
            <TextInput label={t('elders.parties')} withAsterisk placeholder={t('elders.partiesHint')} {...form.getInputProps('parties')} />
            <TextInput label={t('elders.supervisor')} {...form.getInputProps('supervisor')} />
          </SimpleGrid>
          <Textarea label={t('elders.terms')} withAsterisk autosize minRows={2} placeholder={t('elders.termsHint')} {...form.getInputProps('terms')} />
          <Group align="end">
            {photo && <Image src={photo} alt={t('elders.photo')} w={96} h={96} fit="contain" radius="sm" />}
            <Stack gap={4}>
              <Text size="sm">{t('elders.photo')}</Text>
              <FileButton accept="image/png,image/jpeg" capture="environment" onChange={(f) => f && void shrinkPhoto(f, 900).then((url) => form.setFieldValue('photo', url))}>
                {(props) => (
                  <Button variant="outline" {...props}>
                    {t('elders.photoPick')}
                  </Button>
                )}
              </FileButton>
            </Stack>
            {photo && (
              <Button variant="subtle" color="red.9" onClick={() => form.setFieldValue('photo', null)}>
                {t('elders.photoRemove')}
              </Button>
            )}
          </Group>
          {form.errors.photo && (
            <Text c="red.9" size="sm">
              {form.errors.photo}
            </Text>
          )}
          <Checkbox label={t('elders.elderConsent')} description={t('elders.elderConsentHint')} {...form.getInputProps('elderConsent', { type: 'checkbox' })} />
          <ModalButtons pending={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function EndAgreementModal({ agreement, today, onClose }: { agreement: Agreement; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { endedOn: today as string | null, reason: '' } });
  const end = useEldersEndAgreement({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <Modal opened onClose={onClose} title={t('elders.endTitle', { date: agreement.signedOn })}>
      <form onSubmit={form.onSubmit((v) => end.mutate({ id: agreement.id, endedOn: v.endedOn ?? '', reason: v.reason }))} noValidate>
        <Stack>
          <DateInput label={t('elders.endedOn')} withAsterisk valueFormat="YYYY-MM-DD" maxDate={today} {...form.getInputProps('endedOn')} />
          <TextInput label={t('elders.endReason')} withAsterisk placeholder={t('elders.endReasonHint')} {...form.getInputProps('reason')} />
          <ModalButtons pending={end.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

export function AgreementsCard({ file, today }: { file: ElderFile; today: string }) {
  const { t } = useTranslation();
  const mayEdit = useMayCall('elders.saveAgreement');
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Agreement | null>(null);
  const [viewing, setViewing] = useState<Agreement | null>(null);
  return (
    <>
      <ListCard
        title={t('elders.agreements')}
        actions={mayEdit && <Button onClick={() => setAdding(true)}>{t('elders.addAgreement')}</Button>}
        rows={file.agreements}
        empty={t('elders.agreementsEmpty')}
        plainEmpty
        data-testid="agreements"
      >
        <Stack gap="sm">
          {file.agreements.map((a) => (
            <Card key={a.id} withBorder padding="sm" data-testid="agreement">
              {/* The heading line above, the photo beside the terms: on a phone neither squeezes the other. */}
              <Group justify="space-between" align="start" wrap="nowrap" gap="xs">
                <Group gap="xs" style={{ minWidth: 0 }}>
                  <Text fw={700}>
                    {t('elders.signedOn')} {a.signedOn} · {a.parties}
                  </Text>
                  {a.renewalDue && (
                    <Badge color="warning" variant="filled" data-testid="renewal-due">
                      {t('elders.renewalDue')}
                    </Badge>
                  )}
                </Group>
                {mayEdit && !a.endedOn && (
                  <Button variant="subtle" color="red.9" onClick={() => setEnding(a)} aria-label={`${t('elders.end')} ${a.signedOn}`} style={{ flexShrink: 0 }}>
                    {t('elders.end')}
                  </Button>
                )}
              </Group>
              <Group align="start" wrap="nowrap" mt="xs">
                {a.photo && (
                  <UnstyledButton onClick={() => setViewing(a)} aria-label={t('elders.photoAlt', { date: a.signedOn })} style={{ flexShrink: 0 }}>
                    <Image src={a.photo} alt={t('elders.photoAlt', { date: a.signedOn })} w={72} h={72} fit="cover" radius="sm" />
                  </UnstyledButton>
                )}
                <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                  <Text>{a.terms}</Text>
                  <Text size="sm">
                    {[a.supervisor && `${t('elders.supervisor')}：${a.supervisor}`, a.renewOn && t('elders.renewBy', { date: a.renewOn })].filter(Boolean).join(' · ')}
                  </Text>
                  {a.endedOn && (
                    <Text size="sm" fw={700} c="muted">
                      {t('elders.ended', { date: a.endedOn, reason: a.endReason ?? '' })}
                    </Text>
                  )}
                </Stack>
              </Group>
            </Card>
          ))}
        </Stack>
      </ListCard>
      {adding && <AgreementModal elderId={file.id} today={today} onClose={() => setAdding(false)} />}
      {ending && <EndAgreementModal agreement={ending} today={today} onClose={() => setEnding(null)} />}
      {viewing?.photo && (
        <Modal opened onClose={() => setViewing(null)} title={t('elders.photoAlt', { date: viewing.signedOn })} size="xl">
          <Image src={viewing.photo} alt={t('elders.photoAlt', { date: viewing.signedOn })} fit="contain" />
        </Modal>
      )}
    </>
  );
}
