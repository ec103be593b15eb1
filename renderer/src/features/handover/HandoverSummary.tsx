// The handover summary on screen (grouped by resident, with the flat lists of older summaries) and on paper.
import { Accordion, Card, List, Stack, Text } from '@mantine/core';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HandoverResident, HandoverSummary } from '@shared/api/handover';
import { compactTasks } from '@shared/domain/care/handover-text';
import { inkVar } from '../../theme';

/** A summary made before the grouping existed (issue 13): the flat lists as they were kept. */
function FlatSummary({ summary }: { summary: HandoverSummary }) {
  const { t } = useTranslation();
  const part = (title: string, lines: string[]) => (
    <div>
      <Text fw={700}>{title}</Text>
      {lines.length === 0 ? <Text>{t('handover.none')}</Text> : <List>{lines.map((l) => <List.Item key={l}>{l}</List.Item>)}</List>}
    </div>
  );
  return (
    <Stack gap="xs">
      {part(t('handover.incidents'), summary.incidents)}
      {part(t('handover.tasksNotDone'), summary.tasksNotDone)}
      {part(t('handover.away'), summary.away)}
      {part(t('handover.notes'), summary.notes)}
      {summary.roundsText && <Text>{summary.roundsText}</Text>}
    </Stack>
  );
}

/** "意外 1　没记录 2　备注 1": only what is there (a row of zeros hides what matters). */
function countsLine(r: HandoverResident, t: TFunction): string {
  const parts: [string, number][] = [
    [t('night.incidentLabel'), r.incidents.length],
    [t('night.notDoneLabel'), r.notDone.length],
    [t('night.unrecordedLabel'), r.unrecorded.length],
    [t('night.notesLabel'), r.notes.length],
  ];
  return [...parts.filter(([, n]) => n > 0).map(([label, n]) => `${label} ${n}`), `${t('night.doneLabel')} ${r.tasksDone}`].join('　');
}

const needsAttention = (r: HandoverResident) => r.away !== null || r.incidents.length + r.notDone.length + r.unrecorded.length + r.notes.length > 0;

/** The paper version: one compact table, a row per resident who needs attention (the accordion does not print). */
function PrintedSummary({ summary }: { summary: HandoverSummary }) {
  const { t } = useTranslation();
  const cell = { border: '1px solid #000', padding: '3px 5px', verticalAlign: 'top' as const };
  const rows = summary.residents.filter(needsAttention);
  return (
    <div className="print-only" data-testid="handover-print">
      <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: '10.5pt' }}>
        <colgroup>
          {['9%', '17%', '24%', '14%', '16%', '20%'].map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {['老人', '床位', '意外', '没做', '没记录', '备注'].map((c) => (
              <th key={c} style={cell}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.name}-${r.bedLabel}`}>
              <td style={cell}>
                <span style={{ whiteSpace: 'nowrap' }}>{r.name}</span>
                {r.away && `（${t(`enums.residentStatus.${r.away}`)}）`}
              </td>
              <td style={cell}>
                <span style={{ whiteSpace: 'nowrap' }}>{r.bedLabel}</span>
              </td>
              <td style={cell}>{r.incidents.join('；')}</td>
              <td style={cell}>{compactTasks(r.notDone).join('；')}</td>
              <td style={cell}>{compactTasks(r.unrecorded).join('；')}</td>
              <td style={cell}>{r.notes.join('；')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.residents.length > rows.length && <p style={{ margin: '4px 0' }}>其余 {summary.residents.length - rows.length} 位老人：任务都已记录，没有备注。</p>}
    </div>
  );
}

export function SummaryView({ summary }: { summary: HandoverSummary }) {
  const { t } = useTranslation();
  if (summary.counts === null) return <FlatSummary summary={summary} />;
  const attention = summary.residents.filter(needsAttention);
  const quiet = summary.residents.length - attention.length;
  return (
    <Stack gap="sm" data-testid="handover-summary">
      <Text fw={700} data-testid="handover-counts">
        {t('night.counts', summary.counts)}
      </Text>
      <PrintedSummary summary={summary} />
      <div className="no-print">
        {summary.incidents.length > 0 && (
          <Card withBorder padding="sm" mb="sm" style={{ borderColor: inkVar('danger'), borderWidth: 2 }} data-testid="handover-incidents">
            <Text fw={700} c="danger">
              {t('night.incidentsFirst')}（{summary.incidents.length}）
            </Text>
            <List>
              {summary.incidents.map((l) => (
                <List.Item key={l}>{l}</List.Item>
              ))}
            </List>
          </Card>
        )}
        {attention.length === 0 ? (
          <Text>{t('night.nothingToHandOver')}</Text>
        ) : (
          <Accordion variant="separated" multiple data-testid="handover-residents">
            {attention.map((r, i) => (
              // The value becomes an element id: no spaces (bed labels have them).
              <Accordion.Item key={`${r.name}-${r.bedLabel}`} value={`resident-${i}`} data-testid="handover-resident">
                <Accordion.Control>
                  <Text fw={700} fz={19} c={r.incidents.length > 0 ? 'danger' : undefined}>
                    {r.name}　<Text span fw={400}>{r.bedLabel}</Text>
                    {r.away && `（${t(`enums.residentStatus.${r.away}`)}）`}
                  </Text>
                  <Text size="md">{countsLine(r, t)}</Text>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap={4}>
                    {r.incidents.map((l) => (
                      <Text key={l} c="danger">
                        意外：{l}
                      </Text>
                    ))}
                    {r.notDone.length > 0 && (
                      <Text>
                        {t('night.notDoneLabel')}：{compactTasks(r.notDone).join('；')}
                      </Text>
                    )}
                    {r.unrecorded.length > 0 && (
                      <Text>
                        {t('night.unrecordedLabel')}：{compactTasks(r.unrecorded).join('；')}
                      </Text>
                    )}
                    {r.notes.map((l) => (
                      <Text key={l}>
                        {t('night.notesLabel')}：{l}
                      </Text>
                    ))}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
        {quiet > 0 && <Text mt="xs">{t('night.quietResidents', { n: quiet })}</Text>}
      </div>
      {summary.roundsText && <Text>{summary.roundsText}</Text>}
    </Stack>
  );
}
