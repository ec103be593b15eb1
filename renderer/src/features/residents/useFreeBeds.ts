// Free (and reserved) beds as choices for admission and transfer, labelled the way staff say them.
import { useTranslation } from 'react-i18next';
import { useFacilityBedMap } from '../facility/queries';

export function useFreeBeds() {
  const { t } = useTranslation();
  const map = useFacilityBedMap({});
  const buildings = new Map((map.data?.buildings ?? []).map((b) => [b.id, b.name]));
  const options = (map.data?.rooms ?? []).flatMap((room) =>
    room.beds
      .filter((bed) => bed.status === 'free' || bed.status === 'reserved')
      .map((bed) => ({
        value: bed.id,
        label: `${buildings.get(room.buildingId)} ${room.name}室 ${bed.label}床（${t(`enums.bedType.${bed.bedType}`)}${bed.status === 'reserved' ? '，预留' : ''}）`,
      })),
  );
  return { options, isPending: map.isPending };
}
