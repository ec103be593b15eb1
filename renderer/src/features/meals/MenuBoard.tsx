// 菜单牌: the week's menu in large print for the dining-hall wall — one row per day, one column per meal, the
// ordinary diet's dishes first and each special diet on its own line. One landscape page: the type is as large as
// the week's text allows (boardFit).
import { useTranslation } from 'react-i18next';
import type { MenuWeek } from '@shared/api/meals';
import { fitBoard } from './boardFit';
import { MEAL_ORDER, dayLabel } from './mealWords';

/** Dishes joined by 、, each dish kept whole on its line (a line may break only between dishes). */
export function Dishes({ dishes }: { dishes: string[] }) {
  return (
    <>
      {dishes.map((d, i) => (
        <span key={i} style={{ whiteSpace: 'nowrap' }}>
          {d}
          {i < dishes.length - 1 ? '、' : ''}
        </span>
      ))}
    </>
  );
}

export function MenuBoard({ week }: { week: MenuWeek }) {
  const { t } = useTranslation();
  const meals = MEAL_ORDER.filter((m) => week.entries.some((e) => e.meal === m));
  const linesOf = (date: string, meal: string) =>
    week.dietTypes.flatMap((diet) => {
      const dishes = week.entries.find((e) => e.date === date && e.meal === meal && e.dietType === diet.code)?.dishes ?? [];
      return dishes.length ? [{ key: diet.code, label: diet.code === 'regular' ? '' : `【${t(`enums.diet.${diet.code}`)}】`, dishes }] : [];
    });
  const rows = week.days.map((d) => ({ date: d, label: dayLabel(d), cells: meals.map((m) => linesOf(d, m)) }));
  const mealNames = meals.map((m) => t(`enums.meal.${m}`));
  const size = fitBoard(
    rows.map((r) => ({ label: r.label, cells: r.cells.map((c) => c.map((l) => `${l.label}${l.dishes.join('、')}`)) })),
    mealNames,
  );
  const cell = { border: '2px solid #000', padding: '6px 6px', verticalAlign: 'top' as const, fontSize: size.font, lineHeight: 1.35 };
  return (
    <div data-testid="menu-board" className="print-wide">
      <h1 style={{ textAlign: 'center', fontSize: size.title, lineHeight: 1.2, margin: '8px 0' }}>{t('meals.boardTitle', { centre: week.facilityName })}</h1>
      <p style={{ textAlign: 'center', fontSize: size.font, lineHeight: 1.35, margin: 0 }}>{t('meals.week', { from: week.days[0], to: week.days[6] })}</p>
      <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: 12 }}>
        <thead>
          <tr>
            <th style={{ ...cell, width: '1%' }} />
            {mealNames.map((m) => (
              <th key={m} style={cell}>
                {m}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.date}>
              <th style={{ ...cell, whiteSpace: 'nowrap', width: '1%' }}>{r.label}</th>
              {r.cells.map((lines, i) => (
                <td key={meals[i]} style={cell}>
                  {lines.map((l) => (
                    <div key={l.key}>
                      {l.label}
                      <Dishes dishes={l.dishes} />
                    </div>
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
