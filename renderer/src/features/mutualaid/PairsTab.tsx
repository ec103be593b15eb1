// 结对帮扶: the pairs of helpers and elders at home, by village, searchable by either name; a keeper pairs and ends
// (with a reason); anyone who records may note an activity of a pair straight from its row.
import { Badge, Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PairRow } from '@shared/api/mutualaid';
import { ListCard, ListTable } from '../../components/ListCard';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { type ElderChoice, ElderPicker } from '../visits/marks';
import { HelperSelect, ReasonModal, VillageFilter, hoursText } from './parts';
import { useAidEndPair, useAidPairs, useAidSavePair } from './queries';
import { type ActivityPreset, RecordActivityModal } from './RecordActivityModal';

function NewPairModal({ today, onClose }: { today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [helperId, setHelperId] = useState<string | null>(null);
  const [elder, setElder] = useState<ElderChoice | null>(null);
  const [since, setSince] = useState(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useAidSavePair({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), ['helperId', 'elderId', 'since', 'note'].includes(f)) });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('mutualaid.pairs.newTitle')}>
      <Stack>
        <HelperSelect label={t('mutualaid.helper')} withAsterisk value={helperId} onChange={(h) => setHelperId(h?.id ?? null)} error={errors.helperId} data-autofocus />
        <ElderPicker size="lg" label={t('mutualaid.pairs.elder')} withAsterisk value={elder} onChange={setElder} error={errors.elderId} />
        <DateInput size="lg" label={t('mutualaid.pairs.since')} valueFormat="YYYY-MM-DD" maxDate={today} value={since} onChange={(v) => v && setSince(v)} error={errors.since} />
        <Textarea size="lg" autosize minRows={2} label={t('mutualaid.pairs.note')} placeholder={t('mutualaid.pairs.notePlaceholder')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
        <Button size="xl" loading={save.isPending} onClick={() => save.mutate({ helperId: helperId ?? '', elderId: elder?.id ?? '', since, note })}>
          {t('app.save')}
        </Button>
      </Stack>
    </Modal>
  );
}

function EndPair({ pair, today, onClose }: { pair: PairRow; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const end = useAidEndPair({ successMessage: t('mutualaid.pairs.ended'), onSuccess: onClose, onFieldError: (f, m) => (setError(m), f === 'reason' || f === 'endedOn') });
  return (
    <ReasonModal
      title={t('mutualaid.pairs.endTitle', { helper: pair.helper, elder: pair.elder })}
      reasonLabel={t('mutualaid.pairs.endReason')}
      confirm={t('mutualaid.pairs.end')}
      pending={end.isPending}
      withDate={{ label: t('mutualaid.pairs.endedOn'), today, min: pair.since }}
      error={error}
      onSubmit={(reason, on) => end.mutate({ id: pair.id, endedOn: on, reason })}
      onClose={onClose}
    />
  );
}

export function PairsTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [villageId, setVillageId] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const [search, setSearch] = useState('');
  const list = useAidPairs({ status: all ? 'all' : 'open', villageId });
  const mayKeep = useMayCall('mutualaid.savePair');
  const mayRecord = useMayCall('mutualaid.recordActivity');
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<PairRow | null>(null);
  const [recording, setRecording] = useState<ActivityPreset | null>(null);
  const s = search.trim();
  return (
    <Stack>
      <Text>{t('mutualaid.pairs.intro')}</Text>
      <Group align="end" wrap="wrap">
        <VillageFilter value={villageId} onChange={setVillageId} />
        <TextInput size="lg" label={t('mutualaid.search')} placeholder={t('mutualaid.pairs.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={{ base: '100%', xs: 220 }} />
        <Checkbox size="md" label={t('mutualaid.pairs.showEnded')} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} mb={12} />
        {mayKeep && (
          <Button size="lg" onClick={() => setAdding(true)} ml="auto">
            {t('mutualaid.pairs.add')}
          </Button>
        )}
      </Group>
      <QueryView query={list}>
        {(rows) => {
          const shown = s ? rows.filter((p) => p.helper.includes(s) || p.elder.includes(s)) : rows;
          return (
            <ListCard title={t('mutualaid.pairs.title', { n: shown.filter((p) => p.endedOn === null).length })} rows={shown} empty={s ? t('mutualaid.nothingFound') : t('mutualaid.pairs.empty')}>
              <ListTable minWidth={640} nowrap testId="aid-pairs" heads={[t('mutualaid.pairs.elder'), t('mutualaid.village'), t('mutualaid.helper'), t('mutualaid.pairs.since'), t('mutualaid.pairs.hours'), t('mutualaid.actions')]}>
                {shown.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td fw={700}>{p.elder}</Table.Td>
                    <Table.Td>{p.village}</Table.Td>
                    <Table.Td>
                      {p.helper}
                      <Text span size="sm" c="dimmed">
                        {' '}
                        {t(`enums.helperKind.${p.helperKind}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{p.since}</Table.Td>
                    <Table.Td>{t('mutualaid.hoursUnit', { hours: hoursText(p.minutes) })}</Table.Td>
                    <Table.Td>
                      {p.endedOn ? (
                        <Badge color="muted" variant="filled" title={p.endReason ?? ''}>
                          {t('mutualaid.pairs.endedMark', { on: p.endedOn })}
                        </Badge>
                      ) : (
                        <Group gap="xs">
                          {mayRecord && (
                            <Button size="md" onClick={() => setRecording({ helperId: p.helperId, pairId: p.id })} aria-label={t('mutualaid.pairs.recordFor', { elder: p.elder, helper: p.helper })}>
                              {t('mutualaid.pairs.record')}
                            </Button>
                          )}
                          {mayKeep && (
                            <Button size="md" variant="outline" color="danger" onClick={() => setEnding(p)} aria-label={t('mutualaid.pairs.endFor', { elder: p.elder, helper: p.helper })}>
                              {t('mutualaid.pairs.end')}
                            </Button>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </ListTable>
            </ListCard>
          );
        }}
      </QueryView>
      {adding && <NewPairModal today={today} onClose={() => setAdding(false)} />}
      {ending && <EndPair pair={ending} today={today} onClose={() => setEnding(null)} />}
      {recording && <RecordActivityModal today={today} preset={recording} onClose={() => setRecording(null)} />}
    </Stack>
  );
}
