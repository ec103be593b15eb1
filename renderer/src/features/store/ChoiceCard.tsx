// One big choice of a radio group: the radio, a bold line and the plain explanation under it (the whole card is the target).
import { Group, Radio, Stack, Text } from '@mantine/core';

export function ChoiceCard({ value, label, hint }: { value: string; label: string; hint: string }) {
  return (
    <Radio.Card value={value} p="md" radius="md" withBorder>
      <Group wrap="nowrap" align="flex-start" gap="md">
        <Radio.Indicator size="md" mt={4} />
        <Stack gap={2}>
          <Text size="lg" fw={600}>
            {label}
          </Text>
          <Text size="md" c="dimmed">
            {hint}
          </Text>
        </Stack>
      </Group>
    </Radio.Card>
  );
}
