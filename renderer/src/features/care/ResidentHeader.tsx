// The head of a resident's shift page: photo, name and bed, diet and allergies, high risks, and the family contacts
// with the number hidden until "显示电话" is tapped (each reveal is in the audit log, like the ID number's).
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentShift } from '@shared/api/care';
import { ResidentAvatar } from './ResidentAvatar';
import { useCareRevealContactPhone } from './queries';

type Resident = ResidentShift['resident'];

function Contact({ residentId, c }: { residentId: string; c: Resident['contacts'][number] }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState<string | null>(null);
  const reveal = useCareRevealContactPhone({ onSuccess: (v) => setPhone(v.phone) });
  return (
    <Group gap="sm" wrap="wrap" data-testid="family-contact">
      <Text size="lg" fw={600}>
        {c.relation} {c.name}
        {c.isGuardian && `（${t('night.guardian')}）`}
      </Text>
      {phone ? (
        <Anchor href={`tel:${phone}`} size="xl" fw={700} data-testid="family-phone">
          {phone}
        </Anchor>
      ) : (
        <>
          <Text size="lg">{c.phoneMasked}</Text>
          <Button size="md" variant="outline" loading={reveal.isPending} onClick={() => reveal.mutate({ residentId, index: c.index })} aria-label={`${t('night.showPhone')}：${c.relation} ${c.name}`}>
            {t('night.showPhone')}
          </Button>
        </>
      )}
    </Group>
  );
}

export function ResidentHeader({ resident: r, closed }: { resident: Resident; closed: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg">
      <Group wrap="nowrap" align="start" gap="md">
        <ResidentAvatar residentId={r.id} name={r.name} hasPhoto={r.photo !== null} photo={r.photo} size={88} />
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Title order={2} lh={1.2}>
            {r.name}
          </Title>
          <Text fz={20} fw={600}>
            {r.bedLabel}
          </Text>
          {!r.present && (
            <Badge size="xl" color="muted" variant="filled">
              {t(`enums.residentStatus.${r.status}`)}
            </Badge>
          )}
        </Stack>
      </Group>
      <Stack gap={6} mt="sm">
        <Text size="lg" fw={700} c={r.allergies ? 'danger' : undefined} data-testid="allergies">
          {r.allergies ? t('care.allergies', { text: r.allergies }) : t('night.noAllergies')}
        </Text>
        <Text size="lg">{t('care.diet', { text: t(`enums.diet.${r.diet}`) })}</Text>
        {r.highRisks.length > 0 && (
          <Group gap={4} data-testid="risk-badges">
            {r.highRisks.map((x) => (
              <Badge key={x} color="danger" variant="filled" size="lg">
                {x}高风险
              </Badge>
            ))}
          </Group>
        )}
        <Text fw={700} mt={4}>
          {t('night.family')}
        </Text>
        {r.contacts.length === 0 ? <Text>{t('night.noFamily')}</Text> : r.contacts.map((c) => <Contact key={c.index} residentId={r.id} c={c} />)}
        {closed && <Text mt="sm">{t('care.closed')}</Text>}
      </Stack>
    </Card>
  );
}
