// A resident's face on the caregiver's screens: the photo when there is one, else the surname on a colour chosen
// from the resident's id — two people with one name get two colours (and the bed beside tells them apart).
import { Avatar, Image } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCareResidentPhoto } from './queries';

// Dark enough for white text (contrast above 4.5:1).
const COLOURS = ['#1c5d99', '#2b6a30', '#8a3c00', '#6b2c91', '#a61e1e', '#0b6e6e', '#5c4a00', '#3b4a6b'];

function colourOf(id: string): string {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return COLOURS[h % COLOURS.length];
}

export function ResidentAvatar({ residentId, name, hasPhoto, photo, size = 64 }: { residentId: string; name: string; hasPhoto: boolean; photo?: string | null; size?: number }) {
  const { t } = useTranslation();
  // The list only says whether there is a photo; each card fetches its own (cached), not 200 at once.
  const fetched = useCareResidentPhoto({ residentId }, hasPhoto && photo === undefined);
  const src = photo ?? fetched.data?.photo ?? null;
  if (src) return <Image src={src} alt={t('night.photoOf', { name })} w={size} h={size} radius="md" fit="cover" style={{ flexShrink: 0 }} data-testid="resident-photo" />;
  return (
    <Avatar size={size} radius="md" color="white" bg={colourOf(residentId)} aria-hidden data-testid="resident-initial" style={{ flexShrink: 0 }}>
      <span style={{ fontSize: size * 0.45, fontWeight: 700, color: '#fff' }}>{name.slice(0, 1)}</span>
    </Avatar>
  );
}
