// A new 委托照料协议, or a new carer replacing the one of an open agreement (the old one ends the day before the new
// one starts, in the same save). The elder is chosen among the 分散供养特困 elders at home; the parties start from the
// setting (by province), the 档次 and monthly subsidy from the setting of the tier chosen (the user may change both);
// the tier, 档次, 文号 and date are copied from the county's paper decision. Nothing is saved without the elder's consent.
import { PhotoPicker } from '../../components/PhotoPicker';
import { Alert, Checkbox, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementRow } from '@shared/api/entrusted';
import { TIERS, type Tier } from '@shared/domain/assessment/tekun-tier';
import { CARER_KINDS, type CarerKind } from '@shared/domain/entrusted/vocab';
import { ModalButtons } from '../../components/ModalButtons';
import { chinaDate } from '../../components/time';
import { useEntrustedCandidates, useEntrustedCreate, useEntrustedEnd, useEntrustedProviders, useEntrustedSettings } from './queries';

const SHOWN_FIELDS = /^(elderId|carerName|carerPhone|providerId|parties|duties|tier|careTier|tierDocumentNo|tierDecidedOn|monthlySubsidyFen|signedOn|elderConsent|fromOn|toOn|photo|replaces.*)$/;

export function AgreementModal({ elderId, elderName, replaces, onClose }: { elderId?: string; elderName?: string; replaces?: AgreementRow; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const settings = useEntrustedSettings();
  const candidates = useEntrustedCandidates();
  const providers = useEntrustedProviders();
  const today = chinaDate(new Date().toISOString());
  const [elder, setElder] = useState<string | null>(replaces?.elderId ?? elderId ?? null);
  const [carerKind, setCarerKind] = useState<CarerKind>('relative');
  const [carerName, setCarerName] = useState('');
  const [carerPhone, setCarerPhone] = useState('');
  const [providerId, setProviderId] = useState<string | null>(null);
  const [parties, setParties] = useState<string | null>(null);
  const [duties, setDuties] = useState('');
  const [tier, setTier] = useState<Tier | null>(replaces?.tier ?? null);
  const [careTier, setCareTier] = useState<string>(replaces?.careTier ? String(replaces.careTier) : '');
  const [docNo, setDocNo] = useState(replaces?.tierDocumentNo ?? '');
  const [decidedOn, setDecidedOn] = useState<string | null>(replaces?.tierDecidedOn ?? null);
  const [subsidy, setSubsidy] = useState<number | string>(replaces ? replaces.monthlySubsidyFen / 100 : '');
  const [signedOn, setSignedOn] = useState<string | null>(today);
  const [fromOn, setFromOn] = useState<string | null>(today);
  const [toOn, setToOn] = useState<string | null>(null);
  const [photo, setPhoto] = useState<string | null>(null);
  const [consent, setConsent] = useState(false);
  const [replaceReason, setReplaceReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useEntrustedCreate({
    successMessage: t('entrusted.saved'),
    onSuccess: onClose,
    onFieldError: (field, message) => {
      if (!SHOWN_FIELDS.test(field)) return false;
      setErrors({ [field.startsWith('replaces') ? 'replaces' : field]: message });
      return true;
    },
  });
  const s = settings.data;
  const partiesText = parties ?? s?.parties ?? '';
  const chooseTier = (next: Tier) => {
    setTier(next);
    const d = s?.tiers[next];
    if (d?.careTier) setCareTier(String(d.careTier));
    if (d?.subsidyFen !== null && d?.subsidyFen !== undefined) setSubsidy(d.subsidyFen / 100);
  };
  const submit = () => {
    setErrors({});
    if (!elder) return setErrors({ elderId: t('entrusted.elderHint') });
    if (!tier) return setErrors({ tier: `请选择${t('entrusted.tierLabel')}` });
    create.mutate({
      elderId: elder,
      carerKind,
      carerName,
      carerPhone,
      providerId: carerKind === 'provider' ? providerId : null,
      parties: partiesText,
      duties,
      tier,
      careTier: careTier === '' ? null : (Number(careTier) as 1 | 2 | 3),
      tierDocumentNo: docNo,
      tierDecidedOn: decidedOn ?? '',
      monthlySubsidyFen: subsidy === '' ? Number.NaN : Math.round(Number(subsidy) * 100),
      signedOn: signedOn ?? '',
      elderConsent: consent,
      fromOn: fromOn ?? '',
      toOn,
      photo,
      replaces: replaces ? { id: replaces.id, reason: replaceReason } : null,
    });
  };
  const elderOptions = (candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.village}）${c.hasOpen ? t('entrusted.elderHasOpen') : ''}` }));
  const preset = s ? t(`entrusted.presets.${s.partyPreset}`) : '';
  return (
    <Modal opened onClose={onClose} size="xl" fullScreen={phone} title={replaces ? t('entrusted.replaceTitle', { name: replaces.elder }) : elderName ? t('entrusted.formTitleOf', { name: elderName }) : t('entrusted.formTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          {replaces ? (
            <>
              <Alert color="warning">{t('entrusted.replaceIntro', { carer: replaces.carerName })}</Alert>
              <TextInput size="lg" label={t('entrusted.replaceReason')} withAsterisk value={replaceReason} onChange={(e) => setReplaceReason(e.currentTarget.value)} error={errors.replaces} data-autofocus />
            </>
          ) : (
            !elderId && (
              <Select
                size="lg"
                searchable
                label={t('entrusted.elder')}
                description={t('entrusted.elderHint')}
                withAsterisk
                data={elderOptions}
                value={elder}
                onChange={setElder}
                nothingFoundMessage={t('entrusted.noCandidates')}
                error={errors.elderId}
                data-autofocus
              />
            )
          )}
          <div role="group" aria-label={t('entrusted.carerKind')}>
            <Text fw={700} mb={4}>
              {t('entrusted.carerKind')}
            </Text>
            <SegmentedControl fullWidth size="lg" value={carerKind} onChange={(v) => setCarerKind(v as CarerKind)} data={CARER_KINDS.map((k) => ({ value: k, label: t(`enums.carerKind.${k}`) }))} />
          </div>
          {carerKind === 'provider' && (
            <Select
              size="lg"
              label={t('entrusted.provider')}
              withAsterisk
              data={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={providerId}
              onChange={setProviderId}
              nothingFoundMessage={t('entrusted.providerNone')}
              placeholder={(providers.data ?? []).length === 0 ? t('entrusted.providerNone') : undefined}
              error={errors.providerId}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput size="lg" label={carerKind === 'provider' ? t('entrusted.carerNameProvider') : t('entrusted.carerName')} withAsterisk value={carerName} onChange={(e) => setCarerName(e.currentTarget.value)} error={errors.carerName} />
            <TextInput size="lg" type="tel" label={t('entrusted.carerPhone')} value={carerPhone} onChange={(e) => setCarerPhone(e.currentTarget.value)} error={errors.carerPhone} />
          </SimpleGrid>
          <TextInput size="lg" label={t('entrusted.parties')} description={t('entrusted.partiesHint', { preset })} withAsterisk value={partiesText} onChange={(e) => setParties(e.currentTarget.value)} error={errors.parties} />
          <Textarea size="lg" autosize minRows={2} label={t('entrusted.duties')} placeholder={t('entrusted.dutiesPlaceholder')} value={duties} onChange={(e) => setDuties(e.currentTarget.value)} error={errors.duties} />
          <Title order={4}>{t('entrusted.tierSection')}</Title>
          <Select
            size="lg"
            label={t('entrusted.tierLabel')}
            withAsterisk
            allowDeselect={false}
            data={TIERS.map((x) => ({ value: x, label: t(`entrusted.tier.${x}`) }))}
            value={tier}
            onChange={(v) => v && chooseTier(v as Tier)}
            error={errors.tier}
          />
          <div role="group" aria-label={t('entrusted.careTierLabel')}>
            <Text fw={700} mb={4}>
              {t('entrusted.careTierLabel')}
            </Text>
            <SegmentedControl
              fullWidth
              size="lg"
              value={careTier}
              onChange={setCareTier}
              data={[{ value: '', label: t('entrusted.careTierNone') }, ...([1, 2, 3] as const).map((n) => ({ value: String(n), label: t(`entrusted.careTier.c${n}`) }))]}
            />
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput size="lg" label={t('entrusted.tierDocumentNo')} withAsterisk value={docNo} onChange={(e) => setDocNo(e.currentTarget.value)} error={errors.tierDocumentNo} />
            <DateInput size="lg" label={t('entrusted.tierDecidedOn')} withAsterisk valueFormat="YYYY-MM-DD" maxDate={today} value={decidedOn} onChange={setDecidedOn} error={errors.tierDecidedOn} />
          </SimpleGrid>
          <NumberInput
            size="lg"
            label={t('entrusted.subsidy')}
            description={t('entrusted.subsidyHint')}
            withAsterisk
            min={0}
            decimalScale={2}
            fixedDecimalScale
            hideControls
            value={subsidy}
            onChange={setSubsidy}
            error={errors.monthlySubsidyFen}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateInput size="lg" label={t('entrusted.signedOn')} withAsterisk valueFormat="YYYY-MM-DD" maxDate={today} value={signedOn} onChange={setSignedOn} error={errors.signedOn} />
            <DateInput size="lg" label={t('entrusted.fromOn')} withAsterisk valueFormat="YYYY-MM-DD" value={fromOn} onChange={setFromOn} error={errors.fromOn} />
            <DateInput size="lg" label={t('entrusted.toOn')} description={t('entrusted.toOnHint')} clearable valueFormat="YYYY-MM-DD" value={toOn} onChange={setToOn} error={errors.toOn} />
          </SimpleGrid>
          <PhotoPicker photo={photo} onChange={setPhoto} maxSide={800} words={{ add: t('entrusted.addPhoto'), added: t('entrusted.photoAdded'), remove: t('entrusted.removePhoto') }} error={errors.photo} />
          <Checkbox size="lg" label={t('entrusted.consent')} description={t('entrusted.consentHint')} checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} error={errors.elderConsent} />
          <ModalButtons pending={create.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

export function EndModal({ agreement, onClose }: { agreement: AgreementRow; onClose: () => void }) {
  const { t } = useTranslation();
  const today = chinaDate(new Date().toISOString());
  const [endedOn, setEndedOn] = useState<string | null>(today);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const end = useEntrustedEnd({ successMessage: t('entrusted.ended'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), f === 'endedOn' || f === 'reason') });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('entrusted.endTitle', { name: agreement.elder })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          end.mutate({ id: agreement.id, endedOn: endedOn ?? '', reason });
        }}
      >
        <Stack>
          <Text>{t('entrusted.endIntro')}</Text>
          <DateInput size="lg" label={t('entrusted.endedOn')} withAsterisk valueFormat="YYYY-MM-DD" minDate={agreement.fromOn} value={endedOn} onChange={setEndedOn} error={errors.endedOn} />
          <TextInput size="lg" label={t('entrusted.endReason')} description={t('entrusted.endReasonHint')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} data-autofocus />
          <ModalButtons pending={end.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
