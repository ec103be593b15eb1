// The phone check of a key, used on both sides (the county enrolling a centre, a centre taking in the county's key):
// the fingerprint in the file shown large in four groups, a field for what the other side read out on the phone, and
// the confirm and undo buttons. The backend compares the two again; a mismatch is never confirmed.
import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** '5F4C-A403-9599-40BC' as four large boxes, easy to read aloud group by group. */
export function BigFingerprint({ value, label }: { value: string; label: string }) {
  return (
    <Stack gap={4}>
      <Text fw={700}>{label}</Text>
      <Group gap="sm" aria-label={`${label} ${value}`} role="group" data-testid="big-fingerprint">
        {value.split('-').map((part, i) => (
          <Paper key={i} withBorder px="sm" py={4} radius="sm">
            <Text ff="monospace" fz={32} fw={700} lh={1.2} style={{ letterSpacing: '0.12em' }}>
              {part}
            </Text>
          </Paper>
        ))}
      </Group>
    </Stack>
  );
}

const plain = (s: string) => s.replace(/[\s\-－—_.,，]/g, '').toUpperCase();

interface Props {
  fingerprint: string;
  fingerprintLabel: string;
  /** Whom the fingerprint is read out by ("该院" / "县民政局"). */
  heardLabel: string;
  heardHint: string;
  confirmLabel: string;
  undoLabel: string;
  busy: boolean;
  error: string | null;
  onConfirm: (heard: string) => void;
  onUndo: () => void;
}

export function FingerprintConfirm(props: Props) {
  const { t } = useTranslation();
  const [heard, setHeard] = useState('');
  // The backend's refusal belongs to what was sent; once the person edits the field it no longer applies.
  const [sent, setSent] = useState<string | null>(null);
  // Said on screen while typing, so the person sees at once which group differs; the backend decides.
  const typed = plain(heard);
  const matches = typed.length === 16 && typed === plain(props.fingerprint);
  const differs = typed.length >= 16 && !matches;
  return (
    <Stack>
      <BigFingerprint value={props.fingerprint} label={props.fingerprintLabel} />
      <TextInput
        size="lg"
        label={props.heardLabel}
        description={props.heardHint}
        placeholder="如 5F4C-A403-9599-40BC"
        value={heard}
        onChange={(e) => setHeard(e.currentTarget.value)}
        error={props.error && sent === heard ? props.error : differs ? t('sync.fingerprintDiffers') : undefined}
        styles={{ input: { fontFamily: 'monospace' } }}
        w={420}
        maxLength={40}
      />
      {matches && (
        <Alert color="green.9" variant="outline">
          {t('sync.fingerprintMatches')}
        </Alert>
      )}
      <Group>
        <Button size="md" onClick={() => (setSent(heard), props.onConfirm(heard))} loading={props.busy} disabled={!heard.trim()}>
          {props.confirmLabel}
        </Button>
        <Button size="md" variant="outline" color="red.9" onClick={props.onUndo} disabled={props.busy}>
          {props.undoLabel}
        </Button>
      </Group>
    </Stack>
  );
}
