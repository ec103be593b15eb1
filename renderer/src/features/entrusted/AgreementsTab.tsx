// 委托照料协议: the agreements in force (or all, ended ones too), searchable by elder, village or carer; a keeper makes a
// new one, ends one with a reason, or replaces the carer (ending the old and opening the new in one save).
import { Badge, Button, Card, Group, Image, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementRow } from '@shared/api/entrusted';
import { EmptyState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { AgreementModal, EndModal } from './AgreementModal';
import { TierMarks, yuan } from './parts';
import { useEntrustedAgreements, useEntrustedPhoto } from './queries';

function PhotoModal({ a, onClose }: { a: AgreementRow; onClose: () => void }) {
  const { t } = useTranslation();
  const photo = useEntrustedPhoto({ id: a.id });
  return (
    <Modal opened onClose={onClose} size="xl" title={t('entrusted.photoOf', { name: a.elder })}>
      <QueryView query={photo}>{(p) => (p.photo ? <Image src={p.photo} alt={t('entrusted.photoOf', { name: a.elder })} fit="contain" /> : null)}</QueryView>
    </Modal>
  );
}

export function AgreementCard({ a, onEnd, onReplace }: { a: AgreementRow; onEnd?: () => void; onReplace?: () => void }) {
  const { t } = useTranslation();
  const [showing, setShowing] = useState(false);
  return (
    <Card withBorder padding="sm" data-testid="agreement">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 18rem', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={700} size="xl">
              {a.elder}
            </Text>
            <Text size="lg">{a.village}</Text>
            <TierMarks tier={a.tier} careTier={a.careTier} />
            {!a.open && (
              <Badge size="lg" color="muted" variant="filled">
                {t('entrusted.endedMark')}
              </Badge>
            )}
          </Group>
          <Text>
            {a.provider ? t('entrusted.providerLine', { provider: a.provider, name: a.carerName }) : t('entrusted.carerLine', { kind: t(`enums.carerKind.${a.carerKind}`), name: a.carerName })}
            {a.carerPhone && ` ${a.carerPhone}`}
          </Text>
          <Text>
            {t('entrusted.periodLine', { from: a.fromOn, to: a.toOn ?? t('entrusted.longTerm') })}，{t('entrusted.heads.subsidy')} {yuan(a.monthlySubsidyFen)}
          </Text>
          <Text size="sm">
            {t('entrusted.tierDocumentNo')}：{a.tierDocumentNo}（{a.tierDecidedOn}） {t('entrusted.parties')}：{a.parties}
          </Text>
          {a.duties && <Text size="sm">{a.duties}</Text>}
          {a.open && a.elderStatus !== 'at_home' && (
            <Text c="danger" fw={700}>
              {t('entrusted.elderLeft', { status: t(`enums.elderStatus.${a.elderStatus}`) })}
            </Text>
          )}
          {a.endedOn && <Text size="sm">{t('entrusted.endedLine', { on: a.endedOn, reason: a.endReason ?? '' })}</Text>}
          <Text size="sm" c={a.lastCheck && (a.lastCheck.rating === 'poor' || a.lastCheck.delivered !== 'yes') ? 'danger' : undefined}>
            {t('entrusted.heads.lastCheck')}：
            {a.lastCheck ? `${a.lastCheck.on} ${t(`enums.careDelivered.${a.lastCheck.delivered}`)}，${t('entrusted.rating')}${t(`enums.carerRating.${a.lastCheck.rating}`)}` : t('entrusted.noCheckYet')}
          </Text>
        </Stack>
        {(a.hasPhoto || (a.open && (onEnd || onReplace))) && (
          <Group gap="xs">
            {a.hasPhoto && (
              <Button size="md" variant="subtle" onClick={() => setShowing(true)}>
                {t('entrusted.showPhoto')}
              </Button>
            )}
            {a.open && onReplace && (
              <Button size="md" variant="outline" onClick={onReplace} aria-label={`${t('entrusted.replace')} ${a.elder}`}>
                {t('entrusted.replace')}
              </Button>
            )}
            {a.open && onEnd && (
              <Button size="md" variant="outline" color="danger" onClick={onEnd} aria-label={`${t('entrusted.end')} ${a.elder}`}>
                {t('entrusted.end')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {showing && <PhotoModal a={a} onClose={() => setShowing(false)} />}
    </Card>
  );
}

export function AgreementsTab() {
  const { t } = useTranslation();
  const [includeEnded, setIncludeEnded] = useState(false);
  const [search, setSearch] = useState('');
  const list = useEntrustedAgreements({ elderId: null, includeEnded });
  const mayKeep = useMayCall('entrusted.createAgreement');
  const [creating, setCreating] = useState(false);
  const [ending, setEnding] = useState<AgreementRow | null>(null);
  const [replacing, setReplacing] = useState<AgreementRow | null>(null);
  const q = search.trim();
  return (
    <Stack>
      <Text>{t('entrusted.agreementsIntro')}</Text>
      <Group align="end" wrap="wrap">
        <TextInput size="lg" label={t('entrusted.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: '1 1 14rem' }} />
        <Switch size="lg" label={t('entrusted.includeEnded')} checked={includeEnded} onChange={(e) => setIncludeEnded(e.currentTarget.checked)} />
        {mayKeep && (
          <Button size="lg" onClick={() => setCreating(true)}>
            {t('entrusted.newAgreement')}
          </Button>
        )}
      </Group>
      <QueryView query={list} empty={t('entrusted.agreementsEmpty')}>
        {(rows) => {
          const shown = rows.filter((a) => q === '' || [a.elder, a.village, a.carerName, a.provider ?? ''].some((s) => s.includes(q)));
          return (
            <Stack gap="sm">
              {shown.length === 0 && <EmptyState>{t('entrusted.agreementsEmptyFiltered')}</EmptyState>}
              {shown.map((a) => (
                <AgreementCard key={a.id} a={a} onEnd={mayKeep ? () => setEnding(a) : undefined} onReplace={mayKeep ? () => setReplacing(a) : undefined} />
              ))}
            </Stack>
          );
        }}
      </QueryView>
      {creating && <AgreementModal onClose={() => setCreating(false)} />}
      {ending && <EndModal agreement={ending} onClose={() => setEnding(null)} />}
      {replacing && <AgreementModal replaces={replacing} onClose={() => setReplacing(null)} />}
    </Stack>
  );
}
