// One of the two assessors: a staff member picked from the register, or an outside assessor (e.g. from the county
// assessment agency) with name and organisation. Read-only once the assessment is final.
import { SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssessorView } from '@shared/api/assessment';
import { StaffPicker } from '../../components/StaffPicker';

export type Assessor = AssessorView | null;

/** What each assessor reads as on the page and on paper: 李红梅（县老年人能力评估中心）. */
export function assessorText(a: Assessor): string {
  if (!a) return '';
  return a.organisation ? `${a.name}（${a.organisation}）` : a.name;
}

export function AssessorField({ label, value, onChange, readOnly, error }: { label: string; value: Assessor; onChange: (v: Assessor) => void; readOnly: boolean; error?: string | null }) {
  const { t } = useTranslation();
  if (readOnly) {
    return (
      <div>
        <Text fw={700} size="sm">
          {label}
        </Text>
        <Text size="lg" data-testid={`${label}-value`}>
          {assessorText(value) || t('pickers.notRecorded')}
        </Text>
      </div>
    );
  }
  // Nobody chosen yet counts as "staff": choosing from the register is the usual case.
  const kind = value !== null && value.staffId === null ? 'outside' : 'staff';
  return (
    <Stack gap={4}>
      <SegmentedControl
        aria-label={t('pickers.assessorKind', { label })}
        data={[
          { value: 'staff', label: t('pickers.assessorStaff') },
          { value: 'outside', label: t('pickers.assessorOutside') },
        ]}
        value={kind}
        onChange={(k) => onChange(k === 'outside' ? { staffId: null, name: '', organisation: '' } : null)}
      />
      {kind === 'staff' ? (
        <StaffPicker label={label} value={value?.staffId ?? null} error={error} onChange={(staffId, name) => onChange(staffId ? { staffId, name, organisation: '' } : null)} />
      ) : (
        <>
          <TextInput label={t('pickers.outsideName', { label })} value={value?.name ?? ''} error={error} onChange={(e) => onChange({ staffId: null, name: e.currentTarget.value, organisation: value?.organisation ?? '' })} />
          <TextInput
            label={t('pickers.outsideOrg', { label })}
            placeholder={t('pickers.outsideOrgHint')}
            value={value?.organisation ?? ''}
            error={value?.name && !value.organisation ? t('pickers.orgNeeded') : undefined}
            onChange={(e) => onChange({ staffId: null, name: value?.name ?? '', organisation: e.currentTarget.value })}
          />
        </>
      )}
    </Stack>
  );
}
