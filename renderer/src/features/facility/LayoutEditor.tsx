// Buildings, rooms and beds: add, edit, retire. Retiring an occupied place is refused by the backend with a reason.
import { Badge, Button, Card, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BedInput, type BedView, BedUpdateInput, BuildingInput, type BuildingView, RoomInput, type RoomView } from '@shared/api/facility';
import { BED_SETTINGS, BED_TYPES } from '@shared/domain/enums';
import { zodValidate } from '../../api/zod-form';
import { EmptyState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { BED_STATUS_INK } from '../../components/status';
import { useFacilityAddBed, useFacilityAddBuilding, useFacilityAddRoom, useFacilityBedMap, useFacilityRetireBed, useFacilityRetireBuilding, useFacilityRetireRoom, useFacilityUpdateBed } from './queries';

function useConfirmRetire() {
  const { t } = useTranslation();
  return (what: string, onConfirm: () => void) =>
    modals.openConfirmModal({
      title: what,
      children: <Text>{t('facility.retireConfirm', { what })}</Text>,
      labels: { confirm: what, cancel: t('app.cancel') },
      confirmProps: { color: 'red' },
      onConfirm,
    });
}

function AddBuildingForm() {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { name: '', floors: 3 }, validate: zodValidate(BuildingInput) });
  const add = useFacilityAddBuilding({
    successMessage: t('app.saved'),
    onSuccess: () => form.reset(),
    onFieldError: (f, m) => (form.setFieldError(f, m), true),
  });
  return (
    <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate>
      <Group align="end">
        <TextInput label={t('facility.buildingName')} placeholder="如：一号楼" {...form.getInputProps('name')} />
        <NumberInput label={t('facility.floors')} min={1} max={30} allowDecimal={false} w={120} {...form.getInputProps('floors')} />
        <Button type="submit" loading={add.isPending}>
          {t('facility.addBuilding')}
        </Button>
      </Group>
    </form>
  );
}

function AddRoomForm({ building }: { building: BuildingView }) {
  const { t } = useTranslation();
  const form = useForm({
    // 普通床位 unless the manager picks 护理型床位: a wrong default would inflate the nursing-bed ratio sent to the county.
    initialValues: { buildingId: building.id, floor: 1, name: '', bedCount: 2, bedType: 'normal' as (typeof BED_TYPES)[number] },
    validate: zodValidate(RoomInput),
  });
  const add = useFacilityAddRoom({
    successMessage: t('app.saved'),
    onSuccess: () => form.setFieldValue('name', ''),
    onFieldError: (f, m) => (form.setFieldError(f, m), true),
  });
  return (
    <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate aria-label={`${building.name} ${t('facility.addRoom')}`}>
      <Group align="end">
        <Select
          label={t('facility.floor')}
          w={110}
          allowDeselect={false}
          data={Array.from({ length: building.floors }, (_, i) => ({ value: String(i + 1), label: t('facility.floorN', { floor: i + 1 }) }))}
          value={String(form.values.floor)}
          onChange={(v) => form.setFieldValue('floor', Number(v))}
          error={form.errors.floor}
        />
        <TextInput label={t('facility.roomName')} placeholder="如：101" w={130} {...form.getInputProps('name')} />
        <NumberInput label={t('facility.bedCount')} min={0} max={20} allowDecimal={false} w={110} {...form.getInputProps('bedCount')} />
        <Stack gap={2}>
          <Text size="sm" fw={500} id={`bed-type-${building.id}`}>
            {t('facility.bedType')}
          </Text>
          <SegmentedControl
            aria-labelledby={`bed-type-${building.id}`}
            data={BED_TYPES.map((v) => ({ value: v, label: t(`enums.bedType.${v}`) }))}
            {...form.getInputProps('bedType')}
          />
        </Stack>
        <Button type="submit" loading={add.isPending}>
          {t('facility.addRoom')}
        </Button>
      </Group>
    </form>
  );
}

function BedEditModal({ bed, onClose }: { bed: BedView; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { id: bed.id, label: bed.label, bedType: bed.bedType, setting: bed.setting },
    validate: zodValidate(BedUpdateInput),
  });
  const update = useFacilityUpdateBed({
    successMessage: t('app.saved'),
    onSuccess: onClose,
    onFieldError: (f, m) => (form.setFieldError(f, m), true),
  });
  return (
    <Modal opened onClose={onClose} title={t('facility.editBed')} size="md">
      <form onSubmit={form.onSubmit((v) => update.mutate(v))} noValidate>
        <Stack>
          <TextInput label={t('facility.bedLabel')} {...form.getInputProps('label')} />
          <Select label={t('facility.bedType')} allowDeselect={false} data={BED_TYPES.map((v) => ({ value: v, label: t(`enums.bedType.${v}`) }))} {...form.getInputProps('bedType')} />
          <Select
            label={t('facility.bedSetting')}
            allowDeselect={false}
            data={BED_SETTINGS.map((v) => ({ value: v, label: t(`enums.bedSetting.${v}`) }))}
            {...form.getInputProps('setting')}
          />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RoomCard({ room }: { room: RoomView }) {
  const { t } = useTranslation();
  const confirm = useConfirmRetire();
  const [editing, setEditing] = useState<BedView | null>(null);
  const retireRoom = useFacilityRetireRoom({ successMessage: t('app.saved') });
  const retireBed = useFacilityRetireBed({ successMessage: t('app.saved') });
  const nextLabel = String(room.beds.reduce((max, b) => Math.max(max, Number(b.label) || 0), 0) + 1);
  const addBed = useFacilityAddBed({ successMessage: t('app.saved') });
  const bedInput = { roomId: room.id, label: nextLabel, bedType: room.beds[0]?.bedType ?? 'normal' } as const;
  return (
    <Card withBorder padding="sm" data-testid={`layout-room-${room.name}`}>
      <Group justify="space-between" mb="xs">
        <Text fw={700}>
          {t('bedMap.room', { name: room.name })} · {t('facility.floorN', { floor: room.floor })}
        </Text>
        <Group gap="xs">
          <Button size="sm" variant="outline" onClick={() => BedInput.safeParse(bedInput).success && addBed.mutate(bedInput)}>
            {t('facility.addBed')}
          </Button>
          <Button size="sm" variant="subtle" color="red.9" onClick={() => confirm(t('facility.retireRoom'), () => retireRoom.mutate({ id: room.id }))}>
            {t('facility.retireRoom')}
          </Button>
        </Group>
      </Group>
      {room.beds.length === 0 ? (
        <Text c="dark.5">{t('facility.roomEmpty')}</Text>
      ) : (
        <Group gap="xs">
          {room.beds.map((bed) => (
            <Group key={bed.id} gap={4} wrap="nowrap">
              <Badge color={BED_STATUS_INK[bed.status]} variant="filled" size="lg">
                {bed.label}床 · {t(`enums.bedType.${bed.bedType}`)} · {t(`enums.bedStatus.${bed.status}`)}
              </Badge>
              <Button size="compact-md" variant="subtle" onClick={() => setEditing(bed)} aria-label={`${t('facility.editBed')} ${room.name}室${bed.label}床`}>
                {t('app.edit')}
              </Button>
              <Button
                size="compact-md"
                variant="subtle"
                color="red.9"
                aria-label={`${t('facility.retireBed')} ${room.name}室${bed.label}床`}
                onClick={() => confirm(t('facility.retireBed'), () => retireBed.mutate({ id: bed.id }))}
              >
                {t('facility.retireBed')}
              </Button>
            </Group>
          ))}
        </Group>
      )}
      {editing && <BedEditModal bed={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

export function LayoutEditor() {
  const { t } = useTranslation();
  const confirm = useConfirmRetire();
  const map = useFacilityBedMap({});
  const retireBuilding = useFacilityRetireBuilding({ successMessage: t('app.saved') });
  return (
    <QueryView query={map}>
      {(mapData) => {
      const { buildings, rooms } = mapData;
      return (
        <Stack>
          <AddBuildingForm />
          {buildings.length === 0 && <EmptyState>{t('facility.layoutEmpty')}</EmptyState>}
          {buildings.map((building) => {
            const own = rooms.filter((r) => r.buildingId === building.id);
            return (
              <Card key={building.id} withBorder padding="md" data-testid={`building-${building.name}`}>
                <Group justify="space-between" mb="sm">
                  <Title order={3} size="h4">
                    {building.name}（{building.floors}层）
                  </Title>
                  <Button variant="subtle" color="red.9" onClick={() => confirm(t('facility.retireBuilding'), () => retireBuilding.mutate({ id: building.id }))}>
                    {t('facility.retireBuilding')}
                  </Button>
                </Group>
                <AddRoomForm building={building} />
                <Stack mt="md" gap="xs">
                  {own.length === 0 ? <Text c="dark.5">{t('facility.noRooms')}</Text> : own.map((room) => <RoomCard key={room.id} room={room} />)}
                </Stack>
              </Card>
            );
          })}
        </Stack>
      );
      }}
    </QueryView>
  );
}
