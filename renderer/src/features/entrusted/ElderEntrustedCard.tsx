// The elder file's card for 分散供养特困 entrusted care: the agreement in force and the recent checks (记录检查 from
// here too), or — for a 分散供养特困 elder at home without one — a button to make one. Nothing for other elders, nor
// for people who may not read care at home.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CheckRow } from '@shared/api/entrusted';
import { ListCard } from '../../components/ListCard';
import { useMayCall } from '../../shell/current-user';
import { AgreementModal, EndModal } from './AgreementModal';
import { AgreementCard } from './AgreementsTab';
import { CheckModal } from './CheckModal';
import { CheckLine, VoidCheckModal } from './parts';
import { useEntrustedOfElder } from './queries';

export function ElderEntrustedCard({ elder }: { elder: { id: string; name: string; village: string; status: string } }) {
  const { t } = useTranslation();
  const mayRead = useMayCall('entrusted.ofElder');
  const mayKeep = useMayCall('entrusted.createAgreement');
  const mayCheck = useMayCall('entrusted.recordCheck');
  const mayVoid = useMayCall('entrusted.voidCheck');
  const data = useEntrustedOfElder({ elderId: elder.id }, mayRead);
  const [making, setMaking] = useState(false);
  const [replacing, setReplacing] = useState(false);
  const [ending, setEnding] = useState(false);
  const [checking, setChecking] = useState(false);
  const [voiding, setVoiding] = useState<CheckRow | null>(null);
  const d = data.data;
  if (!mayRead || !d) return null;
  // Nothing for an elder who is not 分散供养特困 at home and never had an agreement.
  if (!d.eligible && d.agreements.length === 0) return null;
  const open = d.open;
  return (
    <ListCard
      title={t('entrusted.cardTitle')}
      data-testid="elder-entrusted"
      actions={
        <Group gap="xs">
          {open && mayCheck && elder.status === 'at_home' && (
            <Button size="lg" onClick={() => setChecking(true)}>
              {t('entrusted.recordCheck')}
            </Button>
          )}
          <Button size="lg" variant="subtle" component={Link} to="/entrusted?tab=agreements">
            {t('entrusted.openAll')}
          </Button>
        </Group>
      }
    >
      <Stack gap="sm">
        {open ? (
          <AgreementCard a={open} onEnd={mayKeep ? () => setEnding(true) : undefined} onReplace={mayKeep ? () => setReplacing(true) : undefined} />
        ) : (
          d.eligible && (
            <Group justify="space-between" wrap="wrap">
              <Text size="lg">{t('entrusted.cardNone', { name: elder.name })}</Text>
              {mayKeep && (
                <Button size="lg" onClick={() => setMaking(true)}>
                  {t('entrusted.cardMake')}
                </Button>
              )}
            </Group>
          )
        )}
        <Text fw={700}>{t('entrusted.cardChecks')}</Text>
        {d.checks.length === 0 ? <Text>{t('entrusted.cardNoChecks')}</Text> : d.checks.map((c) => <CheckLine key={c.id} c={c} onVoid={mayVoid ? () => setVoiding(c) : undefined} />)}
      </Stack>
      {making && <AgreementModal elderId={elder.id} elderName={elder.name} onClose={() => setMaking(false)} />}
      {replacing && open && <AgreementModal replaces={open} onClose={() => setReplacing(false)} />}
      {ending && open && <EndModal agreement={open} onClose={() => setEnding(false)} />}
      {checking && open && <CheckModal target={{ agreementId: open.id, elder: elder.name, village: elder.village, fromOn: open.fromOn }} onClose={() => setChecking(false)} />}
      {voiding && <VoidCheckModal check={voiding} onClose={() => setVoiding(null)} />}
    </ListCard>
  );
}
