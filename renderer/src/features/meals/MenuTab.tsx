// 菜单: the week's menu, one diet type at a time (meals × days); click a cell to set its dishes; copy last week into
// the empty cells; the large-print menu board for the dining hall.
import { Button, Group, Modal, SegmentedControl, Stack, Table, TagsInput, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuWeek } from '@shared/api/meals';
import type { DietType } from '@shared/domain/enums';
import type { Meal } from '@shared/domain/meals/vocab';
import { notifySuccess } from '../../components/notify';
import { printOrientationClass } from '../../components/print';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { MEAL_ORDER, dayLabel, mondayOf, shiftDate } from './mealWords';
import { Dishes, MenuBoard } from './MenuBoard';
import { useMealsCopyMenuWeek, useMealsMenuWeek, useMealsSaveMenu } from './queries';

function dishesOf(week: MenuWeek, date: string, meal: Meal, diet: DietType): string[] {
  return week.entries.find((e) => e.date === date && e.meal === meal && e.dietType === diet)?.dishes ?? [];
}

function DishesModal({ date, meal, diet, initial, onClose }: { date: string; meal: Meal; diet: { code: DietType }; initial: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [dishes, setDishes] = useState<string[]>(initial);
  const save = useMealsSaveMenu({ successMessage: t('app.saved'), onSuccess: onClose });
  return (
    <Modal opened onClose={onClose} title={t('meals.editMenu', { date: dayLabel(date), meal: t(`enums.meal.${meal}`), diet: t(`enums.diet.${diet.code}`) })} size="lg">
      <Stack>
        <TagsInput size="lg" label={t('meals.dishes')} value={dishes} onChange={setDishes} maxTags={12} clearable acceptValueOnBlur />
        <Button size="lg" loading={save.isPending} onClick={() => save.mutate({ date, meal, dietType: diet.code, dishes })}>
          {t('app.save')}
        </Button>
      </Stack>
    </Modal>
  );
}

export function MenuTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [monday, setMonday] = useState(mondayOf(today));
  const week = useMealsMenuWeek({ monday });
  const mayEdit = useMayCall('meals.saveMenu');
  const [diet, setDiet] = useState<DietType>('regular');
  const [editing, setEditing] = useState<{ date: string; meal: Meal } | null>(null);
  const [board, setBoard] = useState(false);
  const copy = useMealsCopyMenuWeek({ onSuccess: (r) => notifySuccess(t('meals.copied', { n: r.copied })) });
  return (
    <QueryView query={week}>
      {(weekData) => {
      const w = weekData;
      const current = w.dietTypes.find((d) => d.code === diet) ?? w.dietTypes[0];
      if (board) {
        return (
          <Stack>
            <Group className="screen-only">
              <Button size="lg" onClick={() => window.print()}>
                {t('meals.printBoard')}
              </Button>
              <Button size="lg" variant="outline" onClick={() => setBoard(false)}>
                {t('meals.backToMenu')}
              </Button>
            </Group>
            <MenuBoard week={w} />
          </Stack>
        );
      }
      return (
        <Stack>
          <Group justify="space-between">
            <Group>
              <Button variant="outline" className="screen-only" onClick={() => setMonday(shiftDate(monday, -7))}>
                {t('meals.prevWeek')}
              </Button>
              <Text size="lg" fw={700} data-testid="menu-week">
                {t('meals.week', { from: w.days[0], to: w.days[6] })}
              </Text>
              <Button variant="outline" className="screen-only" onClick={() => setMonday(shiftDate(monday, 7))}>
                {t('meals.nextWeek')}
              </Button>
              {monday !== mondayOf(today) && (
                <Button variant="subtle" className="screen-only" onClick={() => setMonday(mondayOf(today))}>
                  {t('meals.thisWeek')}
                </Button>
              )}
            </Group>
            <Group className="screen-only">
              {mayEdit && (
                <Button variant="outline" loading={copy.isPending} onClick={() => copy.mutate({ monday })}>
                  {t('meals.copyLastWeek')}
                </Button>
              )}
              <Button onClick={() => setBoard(true)}>{t('meals.board')}</Button>
            </Group>
          </Group>
          <SegmentedControl className="screen-only" size="md" value={current?.code ?? 'regular'} onChange={(v) => setDiet(v as DietType)} data={w.dietTypes.map((d) => ({ value: d.code, label: t(`enums.diet.${d.code}`) }))} aria-label={t('meals.dietType')} />
          {current && <Text>{`${t(`enums.diet.${current.code}`)}：${current.texture}`}</Text>}
          {w.entries.length === 0 && <Text fw={700}>{t('meals.menuEmpty')}</Text>}
          <Table withTableBorder withColumnBorders fz="md" data-testid="menu-grid" className={printOrientationClass(w.days.length + 1)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('meals.meal')}</Table.Th>
                {w.days.map((d) => (
                  <Table.Th key={d} bg={d === today ? 'var(--mantine-color-teal-0)' : undefined}>
                    {dayLabel(d)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {MEAL_ORDER.map((meal) => (
                <Table.Tr key={meal}>
                  <Table.Td fw={700} style={{ whiteSpace: 'nowrap' }}>
                    {t(`enums.meal.${meal}`)}
                  </Table.Td>
                  {w.days.map((d) => {
                    const dishes = current ? dishesOf(w, d, meal, current.code) : [];
                    const text = dishes.length ? dishes.join('、') : t('meals.noDishes');
                    return (
                      <Table.Td key={d} p={0} bg={d === today ? 'var(--mantine-color-teal-0)' : undefined}>
                        {mayEdit ? (
                          <UnstyledButton w="100%" mih={64} p="xs" onClick={() => setEditing({ date: d, meal })} aria-label={`${dayLabel(d)} ${t(`enums.meal.${meal}`)}：${text}`}>
                            <Text c={dishes.length ? undefined : 'dark.3'}>{dishes.length ? <Dishes dishes={dishes} /> : text}</Text>
                          </UnstyledButton>
                        ) : (
                          <Text p="xs">{dishes.length ? <Dishes dishes={dishes} /> : text}</Text>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {editing && current && <DishesModal date={editing.date} meal={editing.meal} diet={current} initial={dishesOf(w, editing.date, editing.meal, current.code)} onClose={() => setEditing(null)} />}
        </Stack>
      );
      }}
    </QueryView>
  );
}
