// Recording one monthly check, made for a thumb: the way (上门 first, 电话, 视频) as big buttons, the time (now), who
// checked (me, or a colleague), whether the care was delivered and the carer's rating as big buttons, and what was
// found (asked for unless all was delivered). An all-fine home check is two taps: 记录检查, then 保存. The check is
// recorded as a visit on the register too (the form says so). One submit is one requestId: a double tap writes once.
import { Modal, SegmentedControl, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARE_DELIVERED, CARER_RATINGS, type CareDelivered, type CarerRating } from '@shared/domain/entrusted/vocab';
import type { VisitKind } from '@shared/domain/elders/vocab';
import { ModalButtons } from '../../components/ModalButtons';
import { StaffPicker } from '../../components/StaffPicker';
import { DATE_TIME_FORMAT, chinaDate, fromPickerValue, newRequestId, toPickerValue } from '../../components/time';
import { useCurrentUser } from '../../shell/current-user';
import { useEntrustedRecordCheck } from './queries';

const KINDS: VisitKind[] = ['home', 'phone', 'video'];
const SHOWN_FIELDS = /^(checkedAt|findings|checkerStaffId)$/;

export interface CheckTarget {
  agreementId: string;
  elder: string;
  village: string;
  fromOn: string;
}

function Choice<T extends string>(p: { label: string; value: T; onChange: (v: T) => void; data: { value: T; label: string }[]; color?: string; phone?: boolean }) {
  return (
    <div role="group" aria-label={p.label}>
      <Text fw={700} mb={4}>
        {p.label}
      </Text>
      <SegmentedControl fullWidth size={p.phone ? 'lg' : 'xl'} value={p.value} color={p.color} onChange={(v) => p.onChange(v as T)} data={p.data} />
    </div>
  );
}

export function CheckModal({ target, onClose }: { target: CheckTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const phone = useMediaQuery('(max-width: 48em)');
  const [requestId] = useState(newRequestId);
  const [kind, setKind] = useState<VisitKind>('home');
  const [checkedAt, setCheckedAt] = useState(() => toPickerValue(new Date().toISOString()));
  const [checkerStaffId, setChecker] = useState<string | null>(null);
  const [delivered, setDelivered] = useState<CareDelivered>('yes');
  const [rating, setRating] = useState<CarerRating>('good');
  const [findings, setFindings] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const record = useEntrustedRecordCheck({
    successMessage: t('entrusted.checkSaved', { name: target.elder }),
    onSuccess: onClose,
    onFieldError: (field, message) => {
      if (!SHOWN_FIELDS.test(field)) return false;
      setErrors({ [field]: message });
      return true;
    },
  });
  const today = chinaDate(new Date().toISOString());
  const submit = () => {
    setErrors({});
    record.mutate({ requestId, agreementId: target.agreementId, kind, checkedAt: fromPickerValue(checkedAt), checkerStaffId, delivered, carerRating: rating, findings });
  };
  return (
    <Modal opened onClose={onClose} size="xl" fullScreen={phone} title={t('entrusted.checkTitle', { name: target.elder, village: target.village })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Choice phone={phone} label={t('entrusted.checkKind')} value={kind} onChange={setKind} data={KINDS.map((k) => ({ value: k, label: t(`entrusted.kindShort.${k}`) }))} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateTimePicker
              size="lg"
              label={t('entrusted.checkedAt')}
              valueFormat={DATE_TIME_FORMAT}
              withSeconds={false}
              timePickerProps={{ format: '24h' }}
              minDate={target.fromOn}
              maxDate={today}
              value={checkedAt}
              onChange={(v) => v && setCheckedAt(v)}
              error={errors.checkedAt}
            />
            <StaffPicker
              size="lg"
              label={t('entrusted.checker')}
              description={t('entrusted.checkerHint')}
              clearable
              placeholder={t('entrusted.checkerMe', { name: user.name })}
              value={checkerStaffId}
              onChange={(id) => setChecker(id)}
              error={errors.checkerStaffId}
            />
          </SimpleGrid>
          <Choice
            phone={phone}
            label={t('entrusted.delivered')}
            value={delivered}
            onChange={setDelivered}
            color={delivered === 'yes' ? undefined : 'danger'}
            data={CARE_DELIVERED.map((d) => ({ value: d, label: t(`enums.careDelivered.${d}`) }))}
          />
          <Choice phone={phone} label={t('entrusted.rating')} value={rating} onChange={setRating} color={rating === 'poor' ? 'danger' : undefined} data={CARER_RATINGS.map((r) => ({ value: r, label: t(`enums.carerRating.${r}`) }))} />
          {rating === 'poor' && <Text c="danger">{t('entrusted.poorHint')}</Text>}
          <Textarea
            size="lg"
            autosize
            minRows={2}
            label={t('entrusted.findings')}
            description={t('entrusted.findingsHint')}
            withAsterisk={delivered !== 'yes'}
            value={findings}
            onChange={(e) => setFindings(e.currentTarget.value)}
            error={errors.findings}
          />
          <Text size="sm">{t('entrusted.checkVisitNote', { name: target.elder })}</Text>
          <ModalButtons pending={record.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
