// A photo taken with the camera or chosen from the device, shrunk before it is kept, with a thumbnail and a way to
// take it off again: one piece for every form that keeps a photo with its record (a visit, an agreement, a service).
import { Button, Group, Image, Text } from '@mantine/core';
import { shrinkPhoto } from '../features/residents/photo';

export interface PhotoPickerProps {
  photo: string | null;
  onChange: (photo: string | null) => void;
  /** The longest side the photo is shrunk to, in pixels. */
  maxSide: number;
  words: { add: string; added: string; remove: string };
  error?: string | null;
}

export function PhotoPicker({ photo, onChange, maxSide, words, error }: PhotoPickerProps) {
  return (
    <>
      <Group>
        <Button component="label" variant="outline" size="lg">
          {photo ? words.added : words.add}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            hidden
            onChange={async (e) => {
              const file = e.currentTarget.files?.[0];
              if (file) onChange(await shrinkPhoto(file, maxSide));
            }}
          />
        </Button>
        {photo && (
          <>
            <Image src={photo} alt={words.added} w={96} h={72} fit="cover" radius="sm" />
            <Button variant="subtle" onClick={() => onChange(null)}>
              {words.remove}
            </Button>
          </>
        )}
      </Group>
      {error && <Text c="danger">{error}</Text>}
    </>
  );
}
