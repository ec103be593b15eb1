// 服药协议: the 服药管理协议 signed with each resident or their family before the centre manages their medicines
// (GB/T 35796-2017 5.6.2.5) — who signed, when, a photo of the paper — and, first, the residents who have none yet.
// One open agreement per resident; it is ended with a reason, never deleted.
import { Badge, Button, Card, Checkbox, Group, Image, Modal, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementRow, ResidentBrief } from '@shared/api/medication-orders';
import { ListCard, ListTable } from '../../../components/ListCard';
import { ModalButtons } from '../../../components/ModalButtons';
import { PhotoPicker } from '../../../components/PhotoPicker';
import { QueryView } from '../../../components/QueryView';
import { LoadingState } from '../../../components/States';
import { useMayCall } from '../../../shell/current-user';
import { ResidentPicker } from '../../residents/ResidentPicker';
import { useMedicationAgreementPhoto, useMedicationAgreements, useMedicationEndAgreement, useMedicationStartAgreement } from './queries';

const FIELDS = ['residentId', 'signedOn', 'signedBy', 'relation', 'note', 'photo'];

function SignModal({ today, resident, onClose }: { today: string; resident: ResidentBrief | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ residentId: resident?.id ?? (null as string | null), signedOn: today as string | null, signedBy: '', relation: '', note: '', photo: null as string | null });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const start = useMedicationStartAgreement({ successMessage: t('medication.orders.agreementSaved'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), FIELDS.includes(f)) });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('medication.orders.signTitle')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          start.mutate({ ...v, residentId: v.residentId ?? '', signedOn: v.signedOn ?? '' });
        }}
      >
        <Stack>
          <ResidentPicker label={t('medication.orders.resident')} value={v.residentId} onChange={(id) => setV({ ...v, residentId: id })} error={errors.residentId} initial={resident ? { value: resident.id, label: `${resident.name}${resident.bedLabel ? ` ${resident.bedLabel}` : ''}` } : null} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput size="lg" label={t('medication.orders.signedBy')} withAsterisk value={v.signedBy} onChange={(e) => setV({ ...v, signedBy: e.currentTarget.value })} error={errors.signedBy} data-autofocus />
            <TextInput size="lg" label={t('medication.orders.relation')} placeholder={t('medication.orders.relationHint')} value={v.relation} onChange={(e) => setV({ ...v, relation: e.currentTarget.value })} error={errors.relation} />
          </SimpleGrid>
          <DateInput size="lg" label={t('medication.orders.signedOn')} withAsterisk valueFormat="YYYY-MM-DD" value={v.signedOn} onChange={(d) => setV({ ...v, signedOn: d })} error={errors.signedOn} />
          <TextInput size="lg" label={t('medication.orders.note')} value={v.note} onChange={(e) => setV({ ...v, note: e.currentTarget.value })} error={errors.note} />
          <PhotoPicker photo={v.photo} onChange={(photo) => setV({ ...v, photo })} maxSide={1280} words={{ add: t('medication.orders.photoAdd'), added: t('medication.orders.photoAdded'), remove: t('medication.orders.photoRemove') }} error={errors.photo} />
          <ModalButtons pending={start.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function EndModal({ row, today, onClose }: { row: AgreementRow; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [endedOn, setEndedOn] = useState<string | null>(today);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const end = useMedicationEndAgreement({ successMessage: t('medication.orders.agreementEnded'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), ['endedOn', 'reason'].includes(f)) });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('medication.orders.endTitle', { name: row.residentName })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          end.mutate({ id: row.id, endedOn: endedOn ?? '', reason });
        }}
      >
        <Stack>
          <DateInput size="lg" label={t('medication.orders.endedOn')} withAsterisk valueFormat="YYYY-MM-DD" value={endedOn} onChange={setEndedOn} error={errors.endedOn} />
          <TextInput size="lg" label={t('medication.orders.endReason')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} data-autofocus />
          <ModalButtons pending={end.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function PhotoModal({ row, onClose }: { row: AgreementRow; onClose: () => void }) {
  const { t } = useTranslation();
  const photo = useMedicationAgreementPhoto({ id: row.id });
  return (
    <Modal opened onClose={onClose} size="xl" title={t('medication.orders.photoTitle', { name: row.residentName })}>
      {photo.data ? photo.data.photo ? <Image src={photo.data.photo} alt={t('medication.orders.photoTitle', { name: row.residentName })} /> : <Text>{t('medication.orders.noPhoto')}</Text> : <LoadingState />}
    </Modal>
  );
}

export function AgreementsTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [withEnded, setWithEnded] = useState(false);
  const [search, setSearch] = useState('');
  const data = useMedicationAgreements({ includeEnded: withEnded });
  const mayEdit = useMayCall('medication.startAgreement');
  const [signing, setSigning] = useState<{ resident: ResidentBrief | null } | null>(null);
  const [ending, setEnding] = useState<AgreementRow | null>(null);
  const [viewing, setViewing] = useState<AgreementRow | null>(null);
  const q = search.trim();
  return (
    <Stack>
      <Text>{t('medication.orders.agreementsIntro')}</Text>
      <Group justify="space-between" wrap="wrap">
        <TextInput size="lg" style={{ flex: 1, minWidth: 220 }} aria-label={t('medication.orders.agreementSearch')} placeholder={t('medication.orders.agreementSearch')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Checkbox size="md" label={t('medication.orders.showEnded')} checked={withEnded} onChange={(e) => setWithEnded(e.currentTarget.checked)} />
        {mayEdit && (
          <Button size="lg" onClick={() => setSigning({ resident: null })}>
            {t('medication.orders.sign')}
          </Button>
        )}
      </Group>
      <QueryView query={data}>
        {({ rows: all, missing: allMissing }) => {
          const rows = all.filter((r) => q === '' || r.residentName.includes(q) || r.signedBy.includes(q));
          const missing = allMissing.filter((r) => q === '' || r.name.includes(q));
          return (
            <>
              {missing.length > 0 && (
                <Card withBorder data-testid="medication-agreements-missing">
                  <Text fw={700} mb="xs">
                    {t('medication.orders.missingTitle', { n: missing.length })}
                  </Text>
                  <Group gap="xs">
                    {missing.map((r) =>
                      mayEdit ? (
                        <Button key={r.id} size="md" variant="light" color="orange" onClick={() => setSigning({ resident: r })} aria-label={`${t('medication.orders.sign')} ${r.name}`}>
                          {r.name}
                          {r.bedLabel ? ` ${r.bedLabel}` : ''}
                        </Button>
                      ) : (
                        <Badge key={r.id} size="lg" color="orange" variant="light">
                          {r.name}
                        </Badge>
                      ),
                    )}
                  </Group>
                </Card>
              )}
              <ListCard title={t('medication.orders.agreementsTitle', { n: rows.length })} rows={rows} empty={q ? t('medication.orders.noMatch') : t('medication.orders.agreementsEmpty')}>
                <ListTable minWidth={640} testId="medication-agreements" heads={[t('medication.orders.resident'), t('medication.orders.signedOn'), t('medication.orders.signedBy'), t('medication.orders.photo'), t('medication.orders.status'), mayEdit && t('medication.orders.actions')]}>
                  {rows.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text fw={700}>{r.residentName}</Text>
                        {r.bedLabel && (
                          <Text size="sm" c="dark.6">
                            {r.bedLabel}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.signedOn}</Table.Td>
                      <Table.Td>
                        {r.signedBy}
                        {r.relation && `（${r.relation}）`}
                        {r.note && (
                          <Text size="sm" c="dark.6">
                            {r.note}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {r.hasPhoto ? (
                          <Button size="compact-md" variant="subtle" onClick={() => setViewing(r)}>
                            {t('medication.orders.viewPhoto')}
                          </Button>
                        ) : (
                          t('medication.orders.noPhotoShort')
                        )}
                      </Table.Td>
                      <Table.Td>
                        {r.endedOn ? (
                          <Text c="dark.6">{t('medication.orders.endedLine', { on: r.endedOn, reason: r.endReason ?? '' })}</Text>
                        ) : (
                          <Badge color="ok" variant="filled">
                            {t('medication.orders.inForce')}
                          </Badge>
                        )}
                      </Table.Td>
                      {mayEdit && (
                        <Table.Td>
                          {!r.endedOn && (
                            <Button size="md" variant="outline" color="red" onClick={() => setEnding(r)} aria-label={`${t('medication.orders.end')} ${r.residentName}`}>
                              {t('medication.orders.end')}
                            </Button>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </ListTable>
              </ListCard>
            </>
          );
        }}
      </QueryView>
      {signing && <SignModal today={today} resident={signing.resident} onClose={() => setSigning(null)} />}
      {ending && <EndModal row={ending} today={today} onClose={() => setEnding(null)} />}
      {viewing && <PhotoModal row={viewing} onClose={() => setViewing(null)} />}
    </Stack>
  );
}
