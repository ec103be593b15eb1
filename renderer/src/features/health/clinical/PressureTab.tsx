// 压疮: the pressure-injury register. On top, today's prevalence (residents on the books with an open injury, in-centre
// apart from brought-in, the month's new in-centre injuries — the figure the county watches) and the month's printed
// 压疮登记表. Below, the injuries (open ones by default) with their stage as found and now, size, risk and repositioning;
// a keeper records an injury, its reviews over time, its healing, or voids one recorded by mistake.
import { Badge, Button, Card, Checkbox, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PressureRow } from '@shared/api/health-clinical';
import { PRESSURE_ORIGINS, PRESSURE_RISK_SCALES, PRESSURE_STAGES, type PressureOrigin, type PressureRiskScale, type PressureStage } from '@shared/domain/health/vocab';
import { ListCard } from '../../../components/ListCard';
import { ModalButtons } from '../../../components/ModalButtons';
import { QueryView } from '../../../components/QueryView';
import { newRequestId } from '../../../components/time';
import { useMayCall } from '../../../shell/current-user';
import { ResidentPicker } from '../../residents/ResidentPicker';
import { VoidPressureModal } from './ReasonModal';
import { useHealPressure, usePressureInjuries, usePressurePrevalence, useRecordPressure, useReviewPressure } from './queries';

type Status = 'open' | 'healed' | 'all';
const num = (v: string | number) => (typeof v === 'number' ? v : null);

function onFields(fields: string[], set: (e: Record<string, string>) => void) {
  return (field: string, message: string) => {
    if (!fields.includes(field)) return false;
    set({ [field]: message });
    return true;
  };
}

/** A wound's size as 长×宽厘米, or — when not measured. */
export function useSizeText(): (l: number | null, w: number | null) => string {
  const { t } = useTranslation();
  return (l, w) => (l === null || w === null ? '—' : String(t('health.clinical.pressure.sizeText', { l, w })));
}

function StageSelect({ value, onChange, error }: { value: PressureStage; onChange: (s: PressureStage) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Select
      size="lg"
      label={t('health.clinical.pressure.stage')}
      withAsterisk
      allowDeselect={false}
      data={PRESSURE_STAGES.map((s) => ({ value: s, label: t(`enums.pressureStage.${s}`) }))}
      value={value}
      onChange={(v) => v && onChange(v as PressureStage)}
      error={error}
    />
  );
}

function SizeInputs({ l, w, setL, setW, errors }: { l: number | null; w: number | null; setL: (n: number | null) => void; setW: (n: number | null) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <>
      <NumberInput size="lg" label={t('health.clinical.pressure.lengthCm')} min={0} max={100} decimalScale={1} value={l ?? ''} onChange={(v) => setL(num(v))} error={errors.lengthCm} />
      <NumberInput size="lg" label={t('health.clinical.pressure.widthCm')} min={0} max={100} decimalScale={1} value={w ?? ''} onChange={(v) => setW(num(v))} error={errors.widthCm} />
    </>
  );
}

function RecordModal({ today, onClose }: { today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [requestId] = useState(newRequestId);
  const [residentId, setResident] = useState<string | null>(null);
  const [site, setSite] = useState('');
  const [origin, setOrigin] = useState<PressureOrigin>('in_centre');
  const [foundOn, setFoundOn] = useState(today);
  const [stage, setStage] = useState<PressureStage>('stage1');
  const [lengthCm, setL] = useState<number | null>(null);
  const [widthCm, setW] = useState<number | null>(null);
  const [riskScale, setScale] = useState<PressureRiskScale>('braden');
  const [riskScore, setScore] = useState<number | null>(null);
  const [repositionHours, setHours] = useState<number | null>(2);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const record = useRecordPressure({
    successMessage: t('health.clinical.pressure.saved'),
    onSuccess: onClose,
    onFieldError: onFields(['residentId', 'site', 'origin', 'foundOn', 'stage', 'lengthCm', 'widthCm', 'riskScale', 'riskScore', 'repositionHours', 'note'], setErrors),
  });
  return (
    <Modal opened onClose={onClose} size="xl" title={t('health.clinical.pressure.formTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          record.mutate({ requestId, residentId: residentId ?? '', site, origin, foundOn, stage, lengthCm, widthCm, riskScale, riskScore: riskScale === 'none' ? null : riskScore, repositionHours, note });
        }}
      >
        <Stack>
          <ResidentPicker label={t('health.clinical.resident')} value={residentId} onChange={setResident} error={errors.residentId} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput size="lg" label={t('health.clinical.pressure.site')} placeholder={t('health.clinical.pressure.siteHint')} withAsterisk value={site} onChange={(e) => setSite(e.currentTarget.value)} error={errors.site} />
            <Select
              size="lg"
              label={t('health.clinical.pressure.origin')}
              withAsterisk
              allowDeselect={false}
              data={PRESSURE_ORIGINS.map((o) => ({ value: o, label: t(`enums.pressureOrigin.${o}`) }))}
              value={origin}
              onChange={(v) => v && setOrigin(v as PressureOrigin)}
              error={errors.origin}
            />
            <DateInput size="lg" label={t('health.clinical.pressure.foundOn')} withAsterisk valueFormat="YYYY-MM-DD" maxDate={today} value={foundOn} onChange={(v) => v && setFoundOn(v)} error={errors.foundOn} />
            <StageSelect value={stage} onChange={setStage} error={errors.stage} />
            <SizeInputs l={lengthCm} w={widthCm} setL={setL} setW={setW} errors={errors} />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t('health.clinical.pressure.stageHelp')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              size="lg"
              label={t('health.clinical.pressure.riskScale')}
              allowDeselect={false}
              data={PRESSURE_RISK_SCALES.map((s) => ({ value: s, label: t(`enums.pressureRiskScale.${s}`) }))}
              value={riskScale}
              onChange={(v) => v && setScale(v as PressureRiskScale)}
              error={errors.riskScale}
            />
            <NumberInput size="lg" label={t('health.clinical.pressure.riskScore')} disabled={riskScale === 'none'} min={0} max={100} allowDecimal={false} value={riskScore ?? ''} onChange={(v) => setScore(num(v))} error={errors.riskScore} />
            <NumberInput size="lg" label={t('health.clinical.pressure.repositionHours')} min={1} max={24} allowDecimal={false} value={repositionHours ?? ''} onChange={(v) => setHours(num(v))} error={errors.repositionHours} />
          </SimpleGrid>
          <Textarea size="lg" autosize minRows={2} label={t('health.clinical.pressure.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
          <ModalButtons pending={record.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function ReviewModal({ injury, today, onClose }: { injury: PressureRow; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [requestId] = useState(newRequestId);
  const [reviewedOn, setOn] = useState(today);
  const [stage, setStage] = useState<PressureStage>(injury.currentStage);
  const [lengthCm, setL] = useState<number | null>(injury.currentLengthCm);
  const [widthCm, setW] = useState<number | null>(injury.currentWidthCm);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const review = useReviewPressure({ successMessage: t('health.clinical.pressure.reviewSaved'), onSuccess: onClose, onFieldError: onFields(['reviewedOn', 'stage', 'lengthCm', 'widthCm', 'note'], setErrors) });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('health.clinical.pressure.reviewTitle', { name: injury.name, site: injury.site })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          review.mutate({ requestId, injuryId: injury.id, reviewedOn, stage, lengthCm, widthCm, note });
        }}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateInput size="lg" label={t('health.clinical.pressure.reviewedOn')} withAsterisk valueFormat="YYYY-MM-DD" minDate={injury.lastReviewedOn ?? injury.foundOn} maxDate={today} value={reviewedOn} onChange={(v) => v && setOn(v)} error={errors.reviewedOn} />
            <StageSelect value={stage} onChange={setStage} error={errors.stage} />
            <SizeInputs l={lengthCm} w={widthCm} setL={setL} setW={setW} errors={errors} />
          </SimpleGrid>
          <Textarea size="lg" autosize minRows={2} label={t('health.clinical.pressure.reviewNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
          <ModalButtons pending={review.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function HealModal({ injury, today, onClose }: { injury: PressureRow; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [healedOn, setOn] = useState(today);
  const [error, setError] = useState<string | undefined>();
  const heal = useHealPressure({
    successMessage: t('health.clinical.pressure.healSaved'),
    onSuccess: onClose,
    onFieldError: (field, message) => {
      if (field !== 'healedOn') return false;
      setError(message);
      return true;
    },
  });
  return (
    <Modal opened onClose={onClose} size="md" title={t('health.clinical.pressure.healTitle', { name: injury.name, site: injury.site })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          heal.mutate({ id: injury.id, healedOn });
        }}
      >
        <Stack>
          <DateInput size="lg" label={t('health.clinical.pressure.healedOn')} withAsterisk valueFormat="YYYY-MM-DD" minDate={injury.lastReviewedOn ?? injury.foundOn} maxDate={today} value={healedOn} onChange={(v) => v && setOn(v)} error={error} />
          <ModalButtons pending={heal.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function PrevalenceCard({ today }: { today: string }) {
  const { t } = useTranslation();
  const prevalence = usePressurePrevalence({ onDate: today });
  return (
    <QueryView query={prevalence}>
      {(p) => (
        <Card withBorder data-testid="pressure-prevalence">
          <Group justify="space-between" wrap="wrap">
            <div>
              <Text fw={700} size="lg">
                {t('health.clinical.pressure.prevalenceTitle')}
              </Text>
              <Text size="lg">{t('health.clinical.pressure.prevalence', { withOpen: p.withOpen, residents: p.residents, rate: p.ratePercent })}</Text>
              <Text>{t('health.clinical.pressure.prevalenceSplit', { inCentre: p.withInCentre, inRate: p.inCentreRatePercent, broughtIn: p.withBroughtIn })}</Text>
              <Text c={p.newInCentre > 0 ? 'danger' : undefined}>{t('health.clinical.pressure.newInCentre', { n: p.newInCentre })}</Text>
            </div>
            <Button size="lg" variant="outline" component={Link} to={`/health/pressure-sheet?month=${today.slice(0, 7)}`}>
              {t('health.clinical.pressure.print')}
            </Button>
          </Group>
        </Card>
      )}
    </QueryView>
  );
}

function InjuryCard({ r, mayKeep, onReview, onHeal, onVoid }: { r: PressureRow; mayKeep: boolean; onReview: () => void; onHeal: () => void; onVoid: () => void }) {
  const { t } = useTranslation();
  const sizeText = useSizeText();
  const [open, setOpen] = useState(false);
  const live = !r.voided && r.healedOn === null;
  const risk = r.riskScale === 'none' ? t('enums.pressureRiskScale.none') : `${t(`enums.pressureRiskScale.${r.riskScale}`)} ${r.riskScore ?? ''}`;
  return (
    <Card withBorder data-testid="pressure-injury" style={r.voided ? { opacity: 0.6 } : undefined}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 320px' }}>
          <Group gap="sm" wrap="wrap">
            <Text fw={700} size="lg" component={Link} to={`/residents/${r.residentId}`} c="inherit" td={r.voided ? 'line-through' : undefined} style={{ whiteSpace: 'nowrap' }}>
              {r.name}
            </Text>
            {r.bedLabel && (
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {r.bedLabel}
              </Text>
            )}
            {r.residentStatus !== 'in_residence' && <Badge color="gray">{t(`enums.residentStatus.${r.residentStatus}`)}</Badge>}
            <Text fw={700}>{r.site}</Text>
            <Badge color={r.currentStage === 'stage1' ? 'yellow' : 'orange'} size="lg">
              {t(`enums.pressureStage.${r.currentStage}`)}
            </Badge>
            {r.healedOn && <Badge color="teal">{t('health.clinical.pressure.healed', { on: r.healedOn })}</Badge>}
            {r.voided && <Badge color="gray">{t('health.clinical.voided')}</Badge>}
          </Group>
          <Text size="sm">
            {[
              t(`enums.pressureOrigin.${r.origin}`),
              `${t('health.clinical.pressure.foundOn')} ${r.foundOn}（${t('health.clinical.pressure.stageAtFound')} ${t(`enums.pressureStage.${r.stage}`)}）`,
              `${t('health.clinical.pressure.size')} ${sizeText(r.currentLengthCm, r.currentWidthCm)}`,
              `${t('health.clinical.pressure.risk')} ${risk}`,
              r.repositionHours !== null ? t('health.clinical.pressure.reposition', { n: r.repositionHours }) : '',
              r.healedOn ? '' : t('health.clinical.days', { n: r.days }),
            ]
              .filter((x) => x !== '')
              .join('　')}
          </Text>
          {r.voided && <Text size="sm">{t('health.clinical.voidedBy', r.voided)}</Text>}
        </Stack>
        <Group gap="xs" wrap="wrap">
          <Button size="md" variant="subtle" onClick={() => setOpen((o) => !o)}>
            {`${t('health.clinical.pressure.reviews')}（${r.reviews.length}）`}
          </Button>
          {mayKeep && live && (
            <>
              <Button size="md" variant="light" onClick={onReview}>
                {t('health.clinical.pressure.review')}
              </Button>
              <Button size="md" variant="light" color="teal" onClick={onHeal}>
                {t('health.clinical.pressure.heal')}
              </Button>
            </>
          )}
          {mayKeep && !r.voided && (
            <Button size="md" variant="subtle" color="danger" onClick={onVoid}>
              {t('health.clinical.void')}
            </Button>
          )}
        </Group>
      </Group>
      {open && (
        <Stack gap={2} mt="xs">
          {r.note && <Text size="sm">{`${t('health.clinical.pressure.note')}：${r.note}`}</Text>}
          {r.reviews.length === 0 ? (
            <Text size="sm">{t('health.clinical.pressure.noReviews')}</Text>
          ) : (
            r.reviews.map((v) => (
              <Text key={v.id} size="sm">
                {`${v.reviewedOn}　${t(`enums.pressureStage.${v.stage}`)}　${sizeText(v.lengthCm, v.widthCm)}　${v.note}　（${v.recordedBy}）`}
              </Text>
            ))
          )}
        </Stack>
      )}
    </Card>
  );
}

export function PressureTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const mayKeep = useMayCall('health.recordPressureInjury');
  const [status, setStatus] = useState<Status>('open');
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 250);
  const [includeVoided, setIncludeVoided] = useState(false);
  const [adding, setAdding] = useState(false);
  const [reviewing, setReviewing] = useState<PressureRow | null>(null);
  const [healing, setHealing] = useState<PressureRow | null>(null);
  const [voiding, setVoiding] = useState<PressureRow | null>(null);
  const list = usePressureInjuries({ status, search: typed, includeVoided });
  return (
    <Stack>
      <PrevalenceCard today={today} />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <div>
            <Text fw={500} mb={4}>
              {t('health.clinical.pressure.title')}
            </Text>
            <SegmentedControl size="lg" value={status} onChange={(v) => setStatus(v as Status)} data={(['open', 'healed', 'all'] as const).map((s) => ({ value: s, label: t(`health.clinical.pressure.status.${s}`) }))} />
          </div>
          <TextInput size="lg" label={t('health.clinical.search')} placeholder={t('health.clinical.pressure.searchHint')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        </SimpleGrid>
        <Group mt="sm" wrap="wrap">
          <Checkbox size="lg" label={t('health.clinical.includeVoided')} checked={includeVoided} onChange={(e) => setIncludeVoided(e.currentTarget.checked)} />
          {mayKeep && (
            <Button size="lg" onClick={() => setAdding(true)}>
              {t('health.clinical.pressure.add')}
            </Button>
          )}
        </Group>
      </Card>
      <QueryView query={list}>
        {(rows) => (
          <ListCard title={t('health.clinical.pressure.title')} rows={rows} empty={typed ? t('health.clinical.pressure.noneFound', { search: typed }) : t(`health.clinical.pressure.empty.${status}`)}>
            <Stack data-testid="pressure-list">
              {rows.map((r) => (
                <InjuryCard key={r.id} r={r} mayKeep={mayKeep} onReview={() => setReviewing(r)} onHeal={() => setHealing(r)} onVoid={() => setVoiding(r)} />
              ))}
            </Stack>
          </ListCard>
        )}
      </QueryView>
      {adding && <RecordModal today={today} onClose={() => setAdding(false)} />}
      {reviewing && <ReviewModal injury={reviewing} today={today} onClose={() => setReviewing(null)} />}
      {healing && <HealModal injury={healing} today={today} onClose={() => setHealing(null)} />}
      {voiding && (
        <VoidPressureModal
          title={t('health.clinical.pressure.voidTitle', { name: voiding.name, site: voiding.site })}
          id={voiding.id}
          done={t('health.clinical.pressure.voidDone')}
          onClose={() => setVoiding(null)}
        />
      )}
    </Stack>
  );
}
