// 探访记录 of one elder, newest first, for the elder's file: the way, who went (and with whom), the problems found with
// their notes, the notes and photo, the follow-ups with their state; a voided visit stays, struck through, with who
// voided it and why. A 记录探访 button opens the visit form; the register's keepers may void a visit, with a reason.
import { Badge, Button, Card, Group, Image, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitRow } from '@shared/api/visits';
import { ListCard } from '../../components/ListCard';
import { QueryView } from '../../components/QueryView';
import { dateTime } from '../../components/time';
import { useMayCall } from '../../shell/current-user';
import type { ElderChoice } from './marks';
import { useVisitsOfElder, useVisitsVoid } from './queries';
import { VisitModal } from './VisitModal';

function VoidModal({ visit, onClose }: { visit: VisitRow; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const voidIt = useVisitsVoid({ successMessage: t('visits.voided'), onSuccess: onClose, onFieldError: (f, m) => (setError(m), f === 'reason') });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('visits.voidTitle', { on: visit.visitedOn, kind: t(`enums.visitKind.${visit.kind}`) })}>
      <Stack>
        <Text>{t('visits.voidIntro')}</Text>
        <Textarea size="lg" autosize minRows={2} label={t('visits.voidReason')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} data-autofocus />
        <Button size="xl" color="danger" loading={voidIt.isPending} onClick={() => voidIt.mutate({ id: visit.id, reason })}>
          {t('visits.void')}
        </Button>
      </Stack>
    </Modal>
  );
}

function Visit({ v, onVoid }: { v: VisitRow; onVoid?: () => void }) {
  const { t } = useTranslation();
  const struck = v.voided ? { textDecoration: 'line-through' } : undefined;
  return (
    <Card withBorder padding="sm" data-testid="elder-visit">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 18rem', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={700} size="lg" style={struck}>
              {dateTime(v.visitedAt)} {t(`enums.visitKind.${v.kind}`)}
            </Text>
            {v.problems.length === 0 ? (
              <Badge color="ok" variant="filled">
                {t('visits.allFine')}
              </Badge>
            ) : (
              <Badge color="danger" variant="filled">
                {t('visits.problems', { n: v.problems.length })}
              </Badge>
            )}
            {v.voided && (
              <Badge color="muted" variant="filled">
                {t('visits.voidedMark')}
              </Badge>
            )}
          </Group>
          <Text style={struck}>
            {t('visits.visitorLine', { name: v.visitor })}
            {v.helpers.length > 0 && t('visits.helpersLine', { names: v.helpers.map((h) => `${h.name}（${t(`enums.helperKind.${h.kind}`)}）`).join('、') })}
          </Text>
          {v.problems.map((a) => (
            <Text key={a} c="danger" style={struck}>
              {t(`enums.findingArea.${a}`)}：{v.findings[a].note}
            </Text>
          ))}
          {v.notes && <Text style={struck}>{v.notes}</Text>}
          {v.followups.map((f) => (
            <Text key={f.id} size="sm">
              {t('visits.followupLine', { kind: t(`enums.followupKind.${f.kind}`), need: f.need })}
              {f.closedOn ? t('visits.closedLine', { on: f.closedOn, by: f.closedBy ?? '', result: f.result ?? '' }) : t('visits.open')}
            </Text>
          ))}
          {v.voided && <Text size="sm">{t('visits.voidedLine', { at: dateTime(v.voided.at), by: v.voided.by, reason: v.voided.reason })}</Text>}
        </Stack>
        {v.photo && <Image src={v.photo} alt={t('visits.photoOf', { on: v.visitedOn })} w={120} h={90} fit="cover" radius="sm" />}
        {onVoid && !v.voided && (
          <Button variant="subtle" color="danger" onClick={onVoid} aria-label={`${t('visits.void')} ${v.visitedOn} ${t(`enums.visitKind.${v.kind}`)}`}>
            {t('visits.void')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

/** The elder's visits, for their file. */
export function ElderVisits({ elder }: { elder: ElderChoice }) {
  const { t } = useTranslation();
  const visits = useVisitsOfElder({ elderId: elder.id });
  const mayRecord = useMayCall('visits.record');
  const mayVoid = useMayCall('visits.void');
  const [recording, setRecording] = useState(false);
  const [voiding, setVoiding] = useState<VisitRow | null>(null);
  return (
    <QueryView query={visits}>
      {(rows) => (
        <>
          <ListCard
            title={t('visits.history')}
            rows={rows}
            empty={t('visits.historyEmpty')}
            data-testid="elder-visits"
            actions={
              mayRecord && (
                <Button size="lg" onClick={() => setRecording(true)}>
                  {t('visits.record')}
                </Button>
              )
            }
          >
            <Stack gap="xs">
              {rows.map((v) => (
                <Visit key={v.id} v={v} onVoid={mayVoid ? () => setVoiding(v) : undefined} />
              ))}
            </Stack>
          </ListCard>
          {recording && <VisitModal elder={elder} onClose={() => setRecording(false)} />}
          {voiding && <VoidModal visit={voiding} onClose={() => setVoiding(null)} />}
        </>
      )}
    </QueryView>
  );
}
