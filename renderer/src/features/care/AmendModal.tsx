// 更正: a correction is a new record with a reason; the original stays, struck through.
import { Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entry, EntryData, EntryDataInput } from '@shared/api/care';
import { newRequestId } from '../../components/time';
import { IntakeEditor, NoteEditor, OneTapEditor, RoundStateEditor, SkinEditor, TaskEditor, ToiletingEditor, VitalsEditor } from './editors';
import { useCareAmend } from './queries';

const REASONS = ['记错了', '漏写了内容', '记到了别的老人身上', '其他'];

export function AmendModal({ entry, onClose }: { entry: Entry; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<string | null>(null);
  const [other, setOther] = useState('');
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const amend = useCareAmend({
    successMessage: t('care.saved'),
    onSuccess: onClose,
    onFieldError: (field, message) => (setError({ field, message }), true),
  });
  const fullReason = reason === '其他' ? other.trim() : (reason ?? '');
  const save = (data: EntryDataInput) => amend.mutate({ entryId: entry.id, requestId: newRequestId(), reason: fullReason, data });
  const props = { onSave: save, pending: amend.isPending, fieldError: error };
  const data = entry.data as EntryData;
  return (
    <Modal opened onClose={onClose} title={t('care.amendTitle')} size="xl">
      <Stack>
        <Text>
          {entry.text}（{entry.recordedBy}）
        </Text>
        <Text size="sm">{t('care.amendHint')}</Text>
        <Select size="lg" label={t('care.amendReason')} withAsterisk data={REASONS} value={reason} onChange={setReason} error={error?.field === 'reason' ? error.message : undefined} />
        {reason === '其他' && <TextInput size="lg" label={t('care.amendReason')} value={other} onChange={(e) => setOther(e.currentTarget.value)} />}
        {data.kind === 'vitals' && <VitalsEditor initial={data} {...props} />}
        {data.kind === 'intake' && <IntakeEditor initial={data} {...props} />}
        {data.kind === 'toileting' && <ToiletingEditor initial={data} {...props} />}
        {(data.kind === 'sleep' || data.kind === 'mood') && <OneTapEditor kind={data.kind} onSave={save} pending={amend.isPending} />}
        {data.kind === 'skin' && <SkinEditor initial={data} {...props} />}
        {data.kind === 'note' && <NoteEditor initial={data} {...props} />}
        {data.kind === 'task' && <TaskEditor initial={data} {...props} />}
        {data.kind === 'round' && <RoundStateEditor initial={data} {...props} />}
      </Stack>
    </Modal>
  );
}
