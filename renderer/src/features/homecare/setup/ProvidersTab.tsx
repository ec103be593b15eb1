// 服务机构: the centre (本院) and the organisations the government buys services from, each a card with its contact,
// contract and workers (a worker may be one of the centre's staff). Retired, never deleted; a provider or worker with
// running plans cannot be retired (the backend says so).
import { Badge, Button, Card, Checkbox, Group, Modal, SegmentedControl, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderRow, WorkerRow } from '@shared/api/homecare-setup';
import { PROVIDER_KINDS, type ProviderKind } from '@shared/domain/homecare/vocab';
import { ListTable } from '../../../components/ListCard';
import { ModalButtons } from '../../../components/ModalButtons';
import { QueryView } from '../../../components/QueryView';
import { StaffPicker } from '../../../components/StaffPicker';
import { EmptyState } from '../../../components/States';
import { useMayCall } from '../../../shell/current-user';
import { periodText } from './words';
import { useHomecareProviders, useHomecareSaveProvider, useHomecareSaveWorker } from './queries';

const PROVIDER_FIELDS = ['name', 'kind', 'contactName', 'phone', 'contractNo', 'contractFrom', 'contractTo', 'retired'];
const WORKER_FIELDS = ['name', 'phone', 'staffId', 'retired'];

function ProviderModal({ provider, onClose }: { provider: ProviderRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    name: provider?.name ?? '',
    kind: (provider?.kind ?? 'organisation') as ProviderKind,
    contactName: provider?.contactName ?? '',
    phone: provider?.phone ?? '',
    contractNo: provider?.contractNo ?? '',
    contractFrom: provider?.contractFrom ?? null,
    contractTo: provider?.contractTo ?? null,
    retired: provider?.retired ?? false,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useHomecareSaveProvider({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), PROVIDER_FIELDS.includes(f)) });
  return (
    <Modal opened onClose={onClose} size="xl" title={provider ? t('homecare.setup.providerTitleEdit', { name: provider.name }) : t('homecare.setup.providerTitleNew')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate({ ...(provider ? { id: provider.id } : {}), ...v });
        }}
      >
        <Stack>
          <div role="group" aria-label={t('homecare.setup.providerKind')}>
            <Text fw={700} mb={4}>
              {t('homecare.setup.providerKind')}
            </Text>
            <SegmentedControl fullWidth size="md" value={v.kind} onChange={(k) => setV({ ...v, kind: k as ProviderKind })} data={PROVIDER_KINDS.map((k) => ({ value: k, label: t(`enums.providerKind.${k}`) }))} />
            {errors.kind && (
              <Text size="sm" c="red.9" mt={4}>
                {errors.kind}
              </Text>
            )}
          </div>
          <TextInput size="lg" label={t('homecare.setup.providerName')} withAsterisk value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={errors.name} data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput size="lg" label={t('homecare.setup.contactName')} value={v.contactName} onChange={(e) => setV({ ...v, contactName: e.currentTarget.value })} error={errors.contactName} />
            <TextInput size="lg" label={t('homecare.setup.phone')} inputMode="tel" value={v.phone} onChange={(e) => setV({ ...v, phone: e.currentTarget.value })} error={errors.phone} />
            <TextInput size="lg" label={t('homecare.setup.contractNo')} value={v.contractNo} onChange={(e) => setV({ ...v, contractNo: e.currentTarget.value })} error={errors.contractNo} />
            <div />
            <DateInput size="lg" label={t('homecare.setup.contractFrom')} clearable valueFormat="YYYY-MM-DD" value={v.contractFrom} onChange={(d) => setV({ ...v, contractFrom: d || null })} error={errors.contractFrom} />
            <DateInput size="lg" label={t('homecare.setup.contractTo')} clearable valueFormat="YYYY-MM-DD" value={v.contractTo} onChange={(d) => setV({ ...v, contractTo: d || null })} error={errors.contractTo} />
          </SimpleGrid>
          {provider && <Switch size="lg" label={t('homecare.setup.retired')} checked={v.retired} onChange={(e) => setV({ ...v, retired: e.currentTarget.checked })} error={errors.retired} />}
          <ModalButtons pending={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function WorkerModal({ provider, worker, onClose }: { provider: ProviderRow; worker: WorkerRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ name: worker?.name ?? '', phone: worker?.phone ?? '', staffId: worker?.staffId ?? null, retired: worker?.retired ?? false });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useHomecareSaveWorker({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), WORKER_FIELDS.includes(f)) });
  return (
    <Modal opened onClose={onClose} size="lg" title={worker ? t('homecare.setup.workerTitleEdit', { name: worker.name }) : t('homecare.setup.workerTitleNew', { provider: provider.name })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate({ ...(worker ? { id: worker.id } : {}), providerId: provider.id, ...v });
        }}
      >
        <Stack>
          <StaffPicker
            size="lg"
            clearable
            label={t('homecare.setup.staffLink')}
            description={t('homecare.setup.staffLinkHint')}
            value={v.staffId}
            onChange={(staffId, name) => setV({ ...v, staffId, name: staffId && v.name === '' ? name : v.name })}
            error={errors.staffId}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput size="lg" label={t('homecare.setup.workerName')} withAsterisk value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={errors.name} />
            <TextInput size="lg" label={t('homecare.setup.phone')} inputMode="tel" value={v.phone} onChange={(e) => setV({ ...v, phone: e.currentTarget.value })} error={errors.phone} />
          </SimpleGrid>
          {worker && <Switch size="lg" label={t('homecare.setup.retired')} checked={v.retired} onChange={(e) => setV({ ...v, retired: e.currentTarget.checked })} error={errors.retired} />}
          <ModalButtons pending={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function ProviderCard({ p, mayEdit, onEdit, onWorker }: { p: ProviderRow; mayEdit: boolean; onEdit: () => void; onWorker: (w: WorkerRow | 'new') => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="homecare-provider">
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Group gap="sm">
          <Title order={3}>{p.name}</Title>
          <Badge color={p.kind === 'centre' ? 'blue' : 'grape'} variant="light" size="lg">
            {t(`enums.providerKind.${p.kind}`)}
          </Badge>
          {p.retired && (
            <Badge color="muted" variant="filled" size="lg">
              {t('homecare.setup.retiredMark')}
            </Badge>
          )}
          {p.contractEnded && !p.retired && (
            <Badge color="red.9" variant="filled" size="lg">
              {t('homecare.setup.contractEnded')}
            </Badge>
          )}
        </Group>
        {mayEdit && (
          <Group gap="xs">
            <Button size="md" variant="outline" onClick={onEdit} aria-label={`${t('homecare.setup.edit')} ${p.name}`}>
              {t('homecare.setup.edit')}
            </Button>
            {!p.retired && (
              <Button size="md" onClick={() => onWorker('new')} aria-label={`${t('homecare.setup.addWorker')}（${p.name}）`}>
                {t('homecare.setup.addWorker')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      <Stack gap={2} mb="sm">
        <Text>
          {t('homecare.setup.contactName')}：{p.contactName || '—'} {p.phone}
        </Text>
        <Text>
          {t('homecare.setup.contract')}：{p.contractNo || (p.contractFrom ? '' : t('homecare.setup.noContract'))} {p.contractFrom ? periodText(t, p.contractFrom, p.contractTo) : ''}
        </Text>
        <Text>{t('homecare.setup.openPlans', { n: p.openPlans })}</Text>
      </Stack>
      {p.workers.length === 0 ? (
        <Text c="dark.6">{t('homecare.setup.workersEmpty')}</Text>
      ) : (
        <ListTable minWidth={480} nowrap heads={[t('homecare.setup.workerName'), t('homecare.setup.phone'), t('homecare.setup.staffHead'), t('homecare.setup.state'), mayEdit && t('homecare.setup.actions')]}>
          {p.workers.map((w) => (
            <Table.Tr key={w.id}>
              <Table.Td fw={700}>{w.name}</Table.Td>
              <Table.Td>{w.phone || '—'}</Table.Td>
              <Table.Td>{w.staffName ? t('homecare.setup.staffMark', { name: w.staffName }) : '—'}</Table.Td>
              <Table.Td>
                <Badge color={w.retired ? 'muted' : 'ok'} variant="filled">
                  {w.retired ? t('homecare.setup.retiredMark') : t('homecare.setup.inUse')}
                </Badge>
              </Table.Td>
              {mayEdit && (
                <Table.Td>
                  <Button size="md" variant="subtle" onClick={() => onWorker(w)} aria-label={`${t('homecare.setup.edit')} ${w.name}`}>
                    {t('homecare.setup.edit')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </ListTable>
      )}
    </Card>
  );
}

export function ProvidersTab(_props: { today: string }) {
  const { t } = useTranslation();
  const [withRetired, setWithRetired] = useState(false);
  const [search, setSearch] = useState('');
  const list = useHomecareProviders({ includeRetired: withRetired });
  const mayEdit = useMayCall('homecare.saveProvider');
  const [editing, setEditing] = useState<ProviderRow | 'new' | null>(null);
  const [worker, setWorker] = useState<{ provider: ProviderRow; worker: WorkerRow | null } | null>(null);
  const q = search.trim();
  return (
    <Stack>
      <Text>{t('homecare.setup.providersIntro')}</Text>
      <Group justify="space-between" wrap="wrap">
        <TextInput size="lg" style={{ flex: 1, minWidth: 220 }} aria-label={t('homecare.setup.providersSearch')} placeholder={t('homecare.setup.providersSearch')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Checkbox size="md" label={t('homecare.setup.showRetired')} checked={withRetired} onChange={(e) => setWithRetired(e.currentTarget.checked)} />
        {mayEdit && (
          <Button size="lg" onClick={() => setEditing('new')}>
            {t('homecare.setup.addProvider')}
          </Button>
        )}
      </Group>
      <QueryView query={list} empty={t('homecare.setup.providersEmpty')}>
        {(all) => {
          const rows = all.filter((p) => q === '' || p.name.includes(q) || p.contactName.includes(q) || p.workers.some((w) => w.name.includes(q)));
          if (rows.length === 0) return <EmptyState>{t('homecare.setup.noMatch')}</EmptyState>;
          return (
            <Stack>
              {rows.map((p) => (
                <ProviderCard key={p.id} p={p} mayEdit={mayEdit} onEdit={() => setEditing(p)} onWorker={(w) => setWorker({ provider: p, worker: w === 'new' ? null : w })} />
              ))}
            </Stack>
          );
        }}
      </QueryView>
      {editing && <ProviderModal provider={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {worker && <WorkerModal provider={worker.provider} worker={worker.worker} onClose={() => setWorker(null)} />}
    </Stack>
  );
}
