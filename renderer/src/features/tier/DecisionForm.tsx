// The manager enters the county's decision from its paper document: which proposal it answers (or none), 认定 with
// date, 文号, tier and 照料护理档次, or 不予认定 with the county's reason. The backend names what is missing.
import { Button, Group, Modal, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TierView } from '@shared/api/tier';
import { TIER_NAMES, TIERS, type Tier } from '@shared/domain/assessment/tekun-tier';
import { useTierDecide } from './queries';

export function DecisionForm({ residentId, today, proposals, onClose }: { residentId: string; today: string; proposals: TierView[]; onClose: () => void }) {
  const { t } = useTranslation();
  const open = proposals.filter((p) => !p.answer);
  const [proposalId, setProposalId] = useState<string>(open[0]?.id ?? '');
  const [outcome, setOutcome] = useState<'confirmed' | 'rejected'>('confirmed');
  const [decidedOn, setDecidedOn] = useState(today);
  const [documentNo, setDocumentNo] = useState('');
  const [tier, setTier] = useState<Tier | null>(open[0]?.tier ?? null);
  const [careTier, setCareTier] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useTierDecide({ successMessage: t('tier.decided'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), true) });
  const confirmed = outcome === 'confirmed';
  const submit = () => {
    setErrors({});
    save.mutate({
      residentId,
      proposalId: proposalId || null,
      outcome,
      decidedOn,
      documentNo,
      tier: confirmed ? tier : null,
      careTier: confirmed && careTier ? (Number(careTier) as 1 | 2 | 3) : null,
      reason,
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('tier.decideTitle')} size="lg">
      <Stack>
        <Text>{t('tier.decideHint')}</Text>
        <Select
          label={t('tier.proposal')}
          data={[...open.map((p) => ({ value: p.id, label: `${p.assessedOn} · ${TIER_NAMES[p.tier]}` })), { value: '', label: t('tier.noProposal') }]}
          value={proposalId}
          onChange={(v) => setProposalId(v ?? '')}
          allowDeselect={false}
          error={errors.proposalId}
        />
        <Radio.Group label={t('tier.outcome')} value={outcome} onChange={(v) => setOutcome(v as 'confirmed' | 'rejected')}>
          <Group mt="xs">
            <Radio value="confirmed" label={t('tier.confirmed')} />
            <Radio value="rejected" label={t('tier.rejected')} />
          </Group>
        </Radio.Group>
        <DateInput label={t('tier.decidedOn')} valueFormat="YYYY-MM-DD" maxDate={today} value={decidedOn} onChange={(v) => v && setDecidedOn(v)} error={errors.decidedOn} />
        {confirmed && (
          <>
            <TextInput label={t('tier.documentNo')} value={documentNo} onChange={(e) => setDocumentNo(e.currentTarget.value)} error={errors.documentNo} placeholder="如：某民〔2026〕12号" />
            <Select label={t('tier.tierLabel')} data={TIERS.map((x) => ({ value: x, label: TIER_NAMES[x] }))} value={tier} onChange={(v) => setTier(v as Tier | null)} error={errors.tier} />
            <Select
              label={t('tier.careTierLabel')}
              data={['1', '2', '3'].map((n) => ({ value: n, label: t('tier.careTierOption', { n }) }))}
              value={careTier}
              onChange={setCareTier}
              clearable
              error={errors.careTier}
            />
          </>
        )}
        <TextInput
          label={t(confirmed ? 'tier.reason' : 'tier.reasonRejected')}
          placeholder={confirmed ? t('tier.reasonPlaceholder') : undefined}
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
