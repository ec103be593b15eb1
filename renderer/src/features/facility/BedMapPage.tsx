// 房态图: every room as a card, every bed coloured by status with the resident's name; filter by building and floor.
import { Badge, Card, Group, Select, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { BedView } from '@shared/api/facility';
import { BED_STATUSES } from '@shared/domain/enums';
import { EmptyState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { BED_STATUS_INK, BED_STATUS_PAPER, percent } from '../../components/status';
import { useMayCall } from '../../shell/current-user';
import { useFacilityBedMap } from './queries';
import { inkVar } from '../../theme';

/**
 * One bed. Its accessible name is its visible words in the order they are shown, then what pressing it does: someone
 * who uses voice control says what they see ("1床 占用 陆红").
 */
function BedTile({ bed }: { bed: BedView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ink = BED_STATUS_INK[bed.status];
  const mayAdmit = useMayCall('residents.admit');
  const canAdmit = mayAdmit && (bed.status === 'free' || bed.status === 'reserved');
  const away = bed.residentStatus === 'on_leave' || bed.residentStatus === 'in_hospital' ? t(`enums.residentStatus.${bed.residentStatus}`) : null;
  const bedName = `${bed.label}床`;
  const status = t(`enums.bedStatus.${bed.status}`);
  const occupant = bed.residentName ?? t(`enums.bedTypeShort.${bed.bedType}`);
  const risks = bed.highRisks.map((r) => `${r}高风险`);
  const visibleWords = [bedName, status, occupant, ...risks, ...(away ? [away] : [])].join(' ');
  const onClick = bed.residentId
    ? () => navigate(`/residents/${bed.residentId}`)
    : canAdmit
      ? () => navigate(`/admit?bed=${bed.id}`)
      : undefined;
  return (
    <UnstyledButton
      onClick={onClick}
      disabled={!onClick}
      aria-label={canAdmit ? `${visibleWords}，${t('bedMap.admitHere')}` : visibleWords}
      data-testid={`bed-${bed.id}`}
      data-status={bed.status}
      style={{
        border: `2px solid ${inkVar(ink)}`,
        background: inkVar(BED_STATUS_PAPER[bed.status]),
        borderRadius: 8,
        padding: '8px 10px',
        minHeight: 64,
        minWidth: 0,
        cursor: onClick ? 'pointer' : 'default',
      }}
    >
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text fw={700}>{bedName}</Text>
        <Text size="sm" c={ink} fw={700}>
          {status}
        </Text>
      </Group>
      <Text size="md" truncate>
        {occupant}
      </Text>
      {risks.length > 0 && (
        <Group gap={4} mt={2}>
          {risks.map((r) => (
            <Badge key={r} size="sm" color="danger" variant="filled" data-testid="risk-badge">
              {r}
            </Badge>
          ))}
        </Group>
      )}
      {away && (
        <Badge size="sm" color={BED_STATUS_INK.reserved} variant="filled">
          {away}
        </Badge>
      )}
    </UnstyledButton>
  );
}

export function BedMapPage() {
  const { t } = useTranslation();
  const [buildingId, setBuildingId] = useState<string | null>(null);
  const [floor, setFloor] = useState<string | null>(null);
  const map = useFacilityBedMap({
    ...(buildingId ? { buildingId } : {}),
    ...(floor ? { floor: Number(floor) } : {}),
  });
  return (
    <QueryView query={map}>
      {(mapData) => {
      const { buildings, rooms, counts } = mapData;
      const maxFloors = Math.max(1, ...buildings.filter((b) => !buildingId || b.id === buildingId).map((b) => b.floors));
      const buildingName = new Map(buildings.map((b) => [b.id, b.name]));
      return (
        <Stack>
          <Group justify="space-between" align="end">
            <Title order={2}>{t('bedMap.title')}</Title>
            <Group wrap="nowrap" gap="xs">
              <Select
                label={t('bedMap.building')}
                data={[{ value: '', label: t('bedMap.allBuildings') }, ...buildings.map((b) => ({ value: b.id, label: b.name }))]}
                value={buildingId ?? ''}
                onChange={(v) => setBuildingId(v || null)}
                allowDeselect={false}
                w={{ base: 170, sm: 180 }}
              />
              <Select
                label={t('bedMap.floor')}
                data={[
                  { value: '', label: t('bedMap.allFloors') },
                  ...Array.from({ length: maxFloors }, (_, i) => ({ value: String(i + 1), label: t('facility.floorN', { floor: i + 1 }) })),
                ]}
                value={floor ?? ''}
                onChange={(v) => setFloor(v || null)}
                allowDeselect={false}
                w={{ base: 130, sm: 150 }}
              />
            </Group>
          </Group>
          <Group gap="sm" aria-label={t('bedMap.legend')}>
            {BED_STATUSES.map((s) => (
              <Badge key={s} color={BED_STATUS_INK[s]} variant="filled" size="lg" data-testid={`count-${s}`}>
                {t(`enums.bedStatus.${s}`)} {counts[s]}
              </Badge>
            ))}
            <Text fw={700} c={counts.nursingRatio >= counts.nursingRatioGoal ? BED_STATUS_INK.free : 'danger'}>
              {t('bedMap.nursingRatio', { ratio: percent(counts.nursingRatio), goal: percent(counts.nursingRatioGoal) })}
            </Text>
          </Group>
          {rooms.length === 0 ? (
            <EmptyState>{t('bedMap.empty')}</EmptyState>
          ) : (
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }}>
              {rooms.map((room) => (
                <Card key={room.id} withBorder padding="sm" data-testid={`room-${room.name}`}>
                  <Text fw={700} mb={6}>
                    {buildingName.get(room.buildingId)} {t('bedMap.room', { name: room.name })}
                  </Text>
                  {room.beds.length === 0 ? (
                    <Text c="dark.5">{t('facility.roomEmpty')}</Text>
                  ) : (
                    <SimpleGrid cols={2} spacing={6}>
                      {room.beds.map((bed) => (
                        <BedTile key={bed.id} bed={bed} />
                      ))}
                    </SimpleGrid>
                  )}
                </Card>
              ))}
            </SimpleGrid>
          )}
        </Stack>
      );
      }}
    </QueryView>
  );
}
