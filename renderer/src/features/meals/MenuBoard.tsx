// 菜单牌: the week's menu in large print for the dining-hall wall — one row per day, one column per meal, the
// ordinary diet's dishes first and each special diet on its own line.
import { useTranslation } from 'react-i18next';
import type { MenuWeek } from '../../../../shared/api/meals';
import { MEAL_ORDER, dayLabel } from './mealWords';

export function MenuBoard({ week }: { week: MenuWeek }) {
  const { t } = useTranslation();
  const cell = { border: '2px solid #000', padding: '8px 10px', verticalAlign: 'top' as const, fontSize: 24, lineHeight: 1.4 };
  const meals = MEAL_ORDER.filter((m) => week.entries.some((e) => e.meal === m));
  return (
    <div data-testid="menu-board">
      <h1 style={{ textAlign: 'center', fontSize: 40, margin: '8px 0' }}>{t('meals.boardTitle', { centre: week.facilityName })}</h1>
      <p style={{ textAlign: 'center', fontSize: 24, margin: 0 }}>{t('meals.week', { from: week.days[0], to: week.days[6] })}</p>
      <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: 12 }}>
        <thead>
          <tr>
            <th style={{ ...cell, width: '1%' }} />
            {meals.map((m) => (
              <th key={m} style={cell}>
                {t(`enums.meal.${m}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {week.days.map((d) => (
            <tr key={d}>
              <th style={{ ...cell, whiteSpace: 'nowrap', width: '1%' }}>{dayLabel(d)}</th>
              {meals.map((m) => (
                <td key={m} style={cell}>
                  {week.dietTypes
                    .map((diet) => ({ diet, dishes: week.entries.find((e) => e.date === d && e.meal === m && e.dietType === diet.code)?.dishes ?? [] }))
                    .filter((x) => x.dishes.length > 0)
                    .map((x) => (
                      <div key={x.diet.code}>
                        {x.diet.code === 'regular' ? '' : `【${x.diet.name}】`}
                        {x.dishes.join('、')}
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
