// The printed roster: plain text in a table (the screen's cells are buttons with badges, made for clicking), landscape,
// the header row repeated on every page, names kept on one line, and lines for the signatures.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RosterWeek } from '@shared/api/roster';
import { printOrientationClass } from '../../components/print';
import { cellText } from './cell-text';

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const border = '1px solid #000';
const cell = { border, padding: '3px 5px', verticalAlign: 'top' as const };

export function RosterPrint({ week, people }: { week: RosterWeek; people: RosterWeek['staff'] }) {
  const { t } = useTranslation();
  const shiftName = new Map(week.shifts.map((s) => [s.id, s.name]));
  return (
    // A person column and seven days: more than a portrait page holds, so the printout turns landscape.
    <div className={['print-only', printOrientationClass(week.days.length + 1)].join(' ')} data-testid="roster-print">
      <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: '11pt' }}>
        <thead style={{ display: 'table-header-group' }}>
          <tr>
            <th style={{ ...cell, whiteSpace: 'nowrap' }}>{t('roster.person')}</th>
            {week.days.map((d, i) => (
              <th key={d} style={{ ...cell, whiteSpace: 'nowrap' }}>
                {WEEKDAYS[i]} {d.slice(5)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id} style={{ breakInside: 'avoid' }}>
              <td style={{ ...cell, whiteSpace: 'nowrap' }}>
                {p.name}（{t(`enums.staffRole.${p.role}`)}）
              </td>
              {week.days.map((d) => (
                <td key={d} style={cell}>
                  {cellText(p.cells[d] ?? [], shiftName, t('roster.off'))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Text mt="sm">{week.shifts.filter((s) => !s.retired).map((s) => `${s.name} ${s.hoursText}`).join('；')}</Text>
      <Text mt="lg">{t('firstDay.roster.signature')}</Text>
    </div>
  );
}
