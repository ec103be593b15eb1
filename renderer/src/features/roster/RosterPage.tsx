// 排班表: the week's roster (staff × day), each cell the shifts worked and where; one person over several days or a
// week from a pattern in one action, copy last week, print, the 24-hour coverage warning, who is on duty now, and the
// shift definitions.
import { Alert, Badge, Button, Card, Checkbox, Group, Modal, MultiSelect, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RosterWeek, ShiftInput, type ShiftRow } from '@shared/api/roster';
import { zodValidate } from '../../api/zod-form';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { useMayCall } from '../../shell/current-user';
import { cellText, monthDay } from './cell-text';
import { PatternFill } from './PatternFill';
import { QuickAssign } from './QuickAssign';
import { RosterPrint } from './RosterPrint';
import { useRosterAssign, useRosterCopyWeek, useRosterSaveShift, useRosterWeek } from './queries';
import { useSystemInfo } from '../../shell/queries';
import { addDays, mondayOf } from '@shared/domain/dates';

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

function hoursList(hours: number[]): string {
  // Runs of hours read better than 24 numbers: 0:00–7:00、23:00–24:00
  const runs: [number, number][] = [];
  for (const h of hours) {
    const last = runs.at(-1);
    if (last && last[1] === h) last[1] = h + 1;
    else runs.push([h, h + 1]);
  }
  return runs.map(([a, b]) => `${a}:00–${b}:00`).join('、');
}

function CellModal({ week, staffId, date, onClose }: { week: RosterWeek; staffId: string; date: string; onClose: () => void }) {
  const { t } = useTranslation();
  const person = week.staff.find((s) => s.id === staffId)!;
  const current = person.cells[date] ?? [];
  const active = week.shifts.filter((s) => !s.retired);
  const [chosen, setChosen] = useState<Record<string, string[] | undefined>>(Object.fromEntries(current.map((c) => [c.shiftId, c.area])));
  const assign = useRosterAssign({ successMessage: t('app.saved'), onSuccess: onClose });
  const save = () =>
    assign.mutate({ staffId, date, shifts: Object.entries(chosen).flatMap(([shiftId, area]) => (area ? [{ shiftId, area }] : [])) });
  return (
    <Modal opened onClose={onClose} title={t('roster.editCell', { name: person.name, date })} size="lg">
      <Stack>
        {active.map((s) => (
          <Card key={s.id} withBorder padding="sm">
            <Checkbox
              size="lg"
              label={`${s.name} ${s.hoursText}`}
              checked={chosen[s.id] !== undefined}
              onChange={(e) => setChosen({ ...chosen, [s.id]: e.currentTarget.checked ? [] : undefined })}
            />
            {chosen[s.id] !== undefined && (
              <MultiSelect mt="sm" label={t('roster.area')} data={week.areas} searchable clearable value={chosen[s.id]} onChange={(v) => setChosen({ ...chosen, [s.id]: v })} />
            )}
          </Card>
        ))}
        <Button size="lg" onClick={save} loading={assign.isPending}>
          {t('app.save')}
        </Button>
      </Stack>
    </Modal>
  );
}

function ShiftEditor({ shifts }: { shifts: ShiftRow[] }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { name: '', start: '', end: '', nightRounds: false, retired: false }, validate: zodValidate(ShiftInput) });
  const save = useRosterSaveShift({ successMessage: t('app.saved'), onSuccess: () => form.reset(), onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <Card withBorder className="screen-only">
      <Title order={3} mb="sm">
        {t('roster.shifts')}
      </Title>
      <Table fz="md" mb="md">
        <Table.Tbody>
          {shifts.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.name}</Table.Td>
              <Table.Td>{s.hoursText}</Table.Td>
              <Table.Td>{s.nightRounds ? t('roster.nightRounds') : ''}</Table.Td>
              <Table.Td>
                <Checkbox
                  label={t('roster.retired')}
                  checked={s.retired}
                  onChange={(e) => save.mutate({ id: s.id, name: s.name, start: s.start, end: s.end, nightRounds: s.nightRounds, retired: e.currentTarget.checked })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Group align="end">
          <TextInput label={t('roster.shiftName')} w={140} {...form.getInputProps('name')} />
          <TextInput label={t('roster.start')} placeholder="07:00" w={120} {...form.getInputProps('start')} />
          <TextInput label={t('roster.end')} placeholder="15:00" w={120} {...form.getInputProps('end')} />
          <Checkbox label={t('roster.nightRounds')} {...form.getInputProps('nightRounds', { type: 'checkbox' })} />
          <Button type="submit" variant="outline" loading={save.isPending}>
            {t('roster.addShift')}
          </Button>
        </Group>
        <Text size="sm" mt={4}>
          {t('roster.endHint')}
        </Text>
      </form>
    </Card>
  );
}

export function RosterPage() {
  const { t } = useTranslation();
  const info = useSystemInfo();
  const [monday, setMonday] = useState<string | null>(null);
  const shown = monday ?? (info.data ? mondayOf(info.data.today) : null);
  const week = useRosterWeek({ monday: shown ?? '' }, shown !== null);
  const mayEdit = useMayCall('roster.assign');
  const mayEditShifts = useMayCall('roster.saveShift');
  const [cell, setCell] = useState<{ staffId: string; date: string } | null>(null);
  const [query, setQuery] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const [quickPerson, setQuickPerson] = useState<string | null>(null);
  const [patternOpen, setPatternOpen] = useState(false);
  const copy = useRosterCopyWeek({ onSuccess: (r) => setCopied(t('roster.copied', r)) });
  if (!shown || week.isPending) return <LoadingState />;
  if (week.isError) return <ErrorState error={week.error} onRetry={() => week.refetch()} />;
  const w = week.data;
  const shiftName = new Map(w.shifts.map((s) => [s.id, s.name]));
  const q = query.trim();
  const people = w.staff.filter((p) => !q || p.name.includes(q) || t(`enums.staffRole.${p.role}`).includes(q));
  const move = (days: number) => setMonday(addDays(shown, days));
  return (
    <Stack>
      <Group justify="space-between" className="screen-only">
        <Title order={2}>{t('roster.title')}</Title>
        <Group gap="xs">
          <Button variant="outline" onClick={() => move(-7)}>
            {t('roster.prevWeek')}
          </Button>
          <Button variant="outline" onClick={() => setMonday(null)}>
            {t('roster.thisWeek')}
          </Button>
          <Button variant="outline" onClick={() => move(7)}>
            {t('roster.nextWeek')}
          </Button>
          {mayEdit && (
            <Button onClick={() => copy.mutate({ monday: shown })} loading={copy.isPending}>
              {t('roster.copyLastWeek')}
            </Button>
          )}
          {mayEdit && w.staff.length > 0 && <Button onClick={() => setPatternOpen(true)}>{t('firstDay.roster.patternButton')}</Button>}
          <Button variant="outline" onClick={() => window.print()}>
            {t('roster.print')}
          </Button>
        </Group>
      </Group>
      <Title order={3}>
        {t('roster.title')} {t('roster.week', { from: w.days[0], to: w.days[6] })}
      </Title>
      {copied && (
        <Alert color="teal" variant="outline" withCloseButton closeButtonLabel={t('app.close')} onClose={() => setCopied(null)} className="screen-only">
          {copied}
        </Alert>
      )}
      {w.gaps.length > 0 ? (
        <Alert color="red.9" variant="outline" title={t('roster.gaps')} data-testid="roster-gaps">
          {w.gaps.map((g) => (
            <Text key={g.date}>{t('roster.gapLine', { date: g.date, hours: hoursList(g.hours) })}</Text>
          ))}
        </Alert>
      ) : (
        <Text c="teal.9">{t('roster.noGaps')}</Text>
      )}
      {mayEdit && w.staff.length > 0 && <QuickAssign week={w} staffId={quickPerson} onStaff={setQuickPerson} />}
      <TextInput className="screen-only" size="lg" aria-label={t('staff.search')} placeholder={t('staff.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      {w.staff.length === 0 ? (
        <EmptyState>{t('roster.noStaff')}</EmptyState>
      ) : (
        <>
          <RosterGrid
            week={w}
            people={people}
            shiftName={shiftName}
            mayEdit={mayEdit}
            chosenPerson={quickPerson}
            onPerson={setQuickPerson}
            onCell={(staffId, date) => setCell({ staffId, date })}
          />
          <RosterPrint week={w} people={people} />
        </>
      )}
      {mayEditShifts && <ShiftEditor shifts={w.shifts} />}
      {cell && <CellModal week={w} staffId={cell.staffId} date={cell.date} onClose={() => setCell(null)} />}
      {patternOpen && <PatternFill week={w} onClose={() => setPatternOpen(false)} onDone={setCopied} />}
    </Stack>
  );
}

/** The week on screen: names stay on one line in a sticky first column, the days scroll beside them if need be. */
function RosterGrid(props: {
  week: RosterWeek;
  people: RosterWeek['staff'];
  shiftName: ReadonlyMap<string, string>;
  mayEdit: boolean;
  chosenPerson: string | null;
  onPerson: (id: string) => void;
  onCell: (staffId: string, date: string) => void;
}) {
  const { t } = useTranslation();
  const { week: w, people, shiftName, mayEdit } = props;
  const sticky = { position: 'sticky' as const, left: 0, zIndex: 1, background: 'var(--mantine-color-body)', whiteSpace: 'nowrap' as const };
  return (
    <Table.ScrollContainer minWidth={640} className="screen-only">
      <Table withTableBorder withColumnBorders fz="md" data-testid="roster-grid">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={sticky}>{t('roster.person')}</Table.Th>
            {w.days.map((d, i) => (
              // Weekday over date, so seven days fit beside the names on a 1024-pixel screen.
              <Table.Th key={d} style={{ whiteSpace: 'nowrap' }}>
                {WEEKDAYS[i]}
                <br />
                {d.slice(5)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((p) => (
            <Table.Tr key={p.id} bg={props.chosenPerson === p.id ? 'var(--mantine-color-teal-0)' : undefined}>
              <Table.Td style={sticky}>
                {mayEdit ? (
                  <UnstyledButton onClick={() => props.onPerson(p.id)} data-testid={`roster-person-${p.name}`}>
                    <Text fw={700} td="underline">
                      {p.name}
                    </Text>
                    <Text size="sm">{t(`enums.staffRole.${p.role}`)}</Text>
                  </UnstyledButton>
                ) : (
                  <>
                    <Text fw={700}>{p.name}</Text>
                    <Text size="sm">{t(`enums.staffRole.${p.role}`)}</Text>
                  </>
                )}
              </Table.Td>
              {w.days.map((d) => {
                const cells = p.cells[d] ?? [];
                const content = cells.length ? (
                  <Stack gap={2}>
                    {cells.map((c) => (
                      <div key={c.id}>
                        <Badge variant="filled" color="teal">
                          {shiftName.get(c.shiftId)}
                        </Badge>
                        {c.area.length > 0 && <Text size="xs">{c.areaText}</Text>}
                      </div>
                    ))}
                  </Stack>
                ) : (
                  <Text c="dark.4">{t('roster.off')}</Text>
                );
                return (
                  <Table.Td key={d} p={0} miw={68}>
                    {mayEdit ? (
                      <UnstyledButton
                        p="xs"
                        w="100%"
                        mih={56}
                        onClick={() => props.onCell(p.id, d)}
                        aria-label={t('firstDay.roster.cellName', { text: cellText(cells, shiftName, t('roster.off')), name: p.name, date: monthDay(d) })}
                      >
                        {content}
                      </UnstyledButton>
                    ) : (
                      <div style={{ padding: 8 }}>{content}</div>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
