// 回访: each provider's sample of the month's done visits (the setting's percent, at least one, the same list every
// time), each called back or visited and confirmed or disputed with a note — a disputed visit is not paid. A visit
// outside the sample can be found by name and checked too. A month already settled says that a check recorded now
// does not change the frozen statement.
import { Alert, Badge, Button, Card, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateInput, MonthPickerInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitBrief } from '@shared/api/homecare-settlement';
import { shiftMonth } from '@shared/domain/dates';
import type { CheckKind, CheckOutcome } from '@shared/domain/homecare/vocab';
import { ListCard } from '../../../components/ListCard';
import { QueryView } from '../../../components/QueryView';
import { notifySuccess } from '../../../components/notify';
import { useCurrentUser, useMayCall } from '../../../shell/current-user';
import { SettingsButton } from './SettingsButton';
import { VisitLine } from './VisitCells';
import { useCheckMonth, useFindVisits, useProviderChoices, useRecordCheck } from './queries';

function CheckModal({ visit, today, onClose }: { visit: VisitBrief; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [kind, setKind] = useState<CheckKind>('phone');
  const [checkedOn, setCheckedOn] = useState(today);
  const [checker, setChecker] = useState(user.name);
  const [outcome, setOutcome] = useState<CheckOutcome>('confirmed');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const record = useRecordCheck({
    onSuccess: (r) => {
      notifySuccess(t(r.afterSettlement ? 'homecare.settlement.checks.savedAfterSettlement' : 'homecare.settlement.checks.saved'));
      onClose();
    },
    onFieldError: (f, m) => (setErrors({ [f]: m }), ['checkedOn', 'checker', 'note', 'kind', 'outcome'].includes(f)),
  });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('homecare.settlement.checks.checkTitle', { elder: visit.elder, date: visit.serviceOn })}>
      <Stack>
        <Text size="lg">
          {visit.provider} {visit.worker ?? ''} · {visit.startTime}–{visit.endTime ?? ''} · {visit.items}
        </Text>
        {visit.phone && <Text>{t('homecare.settlement.checks.phone', { phone: visit.phone })}</Text>}
        <div>
          <Text fw={500}>{t('homecare.settlement.checks.kind')}</Text>
          <SegmentedControl size="lg" fullWidth value={kind} onChange={(v) => setKind(v as CheckKind)} data={(['phone', 'home'] as const).map((k) => ({ value: k, label: t(`enums.checkKind.${k}`) }))} />
        </div>
        <Group grow wrap="wrap">
          <DateInput size="lg" label={t('homecare.settlement.checks.checkedOn')} valueFormat="YYYY-MM-DD" minDate={visit.serviceOn} maxDate={today} value={checkedOn} onChange={(v) => v && setCheckedOn(v)} error={errors.checkedOn} />
          <TextInput size="lg" label={t('homecare.settlement.checks.checker')} withAsterisk value={checker} onChange={(e) => setChecker(e.currentTarget.value)} error={errors.checker} />
        </Group>
        <div>
          <Text fw={500}>{t('homecare.settlement.checks.outcome')}</Text>
          <SegmentedControl
            size="lg"
            fullWidth
            color={outcome === 'disputed' ? 'red' : undefined}
            value={outcome}
            onChange={(v) => setOutcome(v as CheckOutcome)}
            data={(['confirmed', 'disputed'] as const).map((k) => ({ value: k, label: t(`enums.checkOutcome.${k}`) }))}
          />
        </div>
        <Textarea
          size="lg"
          autosize
          minRows={2}
          label={t(outcome === 'disputed' ? 'homecare.settlement.checks.noteDisputed' : 'homecare.settlement.checks.note')}
          withAsterisk={outcome === 'disputed'}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
        />
        <Button size="xl" loading={record.isPending} onClick={() => record.mutate({ visitId: visit.visitId, kind, checkedOn, checker, outcome, note })}>
          {t('homecare.settlement.checks.check')}
        </Button>
      </Stack>
    </Modal>
  );
}

function OtherVisits({ month, providerId, onCheck }: { month: string; providerId: string | null; onCheck: (v: VisitBrief) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const found = useFindVisits({ month, providerId, query }, query.trim() !== '');
  return (
    <Card withBorder>
      <Title order={3} mb="xs">
        {t('homecare.settlement.checks.other')}
      </Title>
      <TextInput size="lg" placeholder={t('homecare.settlement.search')} aria-label={t('homecare.settlement.checks.otherHint')} description={t('homecare.settlement.checks.otherHint')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      {query.trim() !== '' && (
        <QueryView query={found} empty={t('homecare.settlement.checks.otherEmpty')}>
          {(rows) => (
            <Stack gap={0}>
              {rows.map((v) => (
                <VisitLine
                  key={v.visitId}
                  v={v}
                  action={
                    v.voided ? (
                      <Badge color="gray">{t('homecare.settlement.checks.voided')}</Badge>
                    ) : (
                      v.outcome === 'done' && (
                        <Button size="md" variant="outline" onClick={() => onCheck(v)} aria-label={`${t('homecare.settlement.checks.check')} ${v.elder} ${v.serviceOn}`}>
                          {t('homecare.settlement.checks.check')}
                        </Button>
                      )
                    )
                  }
                />
              ))}
            </Stack>
          )}
        </QueryView>
      )}
    </Card>
  );
}

export function ChecksTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(shiftMonth(today.slice(0, 7), -1));
  const [providerId, setProviderId] = useState<string | null>(null);
  const [checking, setChecking] = useState<VisitBrief | null>(null);
  const data = useCheckMonth({ month, providerId });
  const providers = useProviderChoices();
  const mayCheck = useMayCall('homecare.recordCheck');
  return (
    <Stack>
      <Group align="end" wrap="wrap">
        <MonthPickerInput size="lg" label={t('homecare.settlement.month')} valueFormat="YYYY-MM" maxDate={today} value={`${month}-01`} onChange={(v) => v && setMonth(v.slice(0, 7))} />
        <Select
          size="lg"
          label={t('homecare.settlement.provider')}
          allowDeselect={false}
          value={providerId ?? ''}
          onChange={(v) => setProviderId(v ? v : null)}
          data={[{ value: '', label: t('homecare.settlement.allProviders') }, ...(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))]}
        />
        <SettingsButton />
      </Group>
      <QueryView query={data}>
        {(m) => (
          <Stack>
            <Text size="lg">{t('homecare.settlement.checks.intro', { percent: m.percent })}</Text>
            <Text size="sm" c="dimmed">
              {t('homecare.settlement.settings.source', { source: m.source })}
            </Text>
            {m.providers.length === 0 && (
              <Alert color="gray" variant="light">
                <Text size="lg">{t('homecare.settlement.checks.noVisits')}</Text>
              </Alert>
            )}
            {m.providers.map((p) => (
              <ListCard key={p.providerId} title={t('homecare.settlement.checks.providerLine', p)} rows={p.toCheck} empty={t('homecare.settlement.checks.allChecked')} plainEmpty data-testid={`sample-${p.provider}`}>
                {p.settled && (
                  <Alert color="yellow" mb="sm">
                    {t('homecare.settlement.checks.settledNote')}
                  </Alert>
                )}
                <Text fw={700}>{t('homecare.settlement.checks.toCheckTitle')}</Text>
                {p.toCheck.map((v) => (
                  <VisitLine
                    key={v.visitId}
                    v={v}
                    action={
                      mayCheck && (
                        <Button size="lg" onClick={() => setChecking(v)} aria-label={`${t('homecare.settlement.checks.check')} ${v.elder} ${v.serviceOn}`}>
                          {t('homecare.settlement.checks.check')}
                        </Button>
                      )
                    }
                  />
                ))}
              </ListCard>
            ))}
            {mayCheck && m.providers.length > 0 && <OtherVisits month={month} providerId={providerId} onCheck={setChecking} />}
            <ListCard title={t('homecare.settlement.checks.checksTitle')} rows={m.checks} empty={t('homecare.settlement.checks.checksEmpty')} plainEmpty>
              <Stack gap={0} data-testid="checks">
                {m.checks.map((c) => (
                  <div key={c.id} data-outcome={c.outcome}>
                    <VisitLine
                      v={c.visit}
                      action={
                        <Stack gap={2} style={{ flex: '1 1 14em', maxWidth: '26em' }}>
                          <Group gap="xs">
                            <Badge size="lg" color={c.outcome === 'disputed' ? 'red' : 'green'} variant="filled">
                              {t(`enums.checkOutcome.${c.outcome}`)}
                            </Badge>
                            <Text size="sm">
                              {c.checkedOn} {t(`enums.checkKind.${c.kind}`)} · {c.checker}
                            </Text>
                          </Group>
                          {c.note && <Text>{c.note}</Text>}
                          {c.afterSettlement && (
                            <Text size="sm" c="dimmed">
                              {t('homecare.settlement.checks.afterSettlement')}
                            </Text>
                          )}
                        </Stack>
                      }
                    />
                  </div>
                ))}
              </Stack>
            </ListCard>
          </Stack>
        )}
      </QueryView>
      {checking && <CheckModal visit={checking} today={today} onClose={() => setChecking(null)} />}
    </Stack>
  );
}
