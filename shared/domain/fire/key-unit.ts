// What being a 消防安全重点单位 (key fire-safety unit) changes. 61号令: key units patrol daily (Art. 25), train every
// employee at least yearly (Art. 36) and drill at least every six months, other units at least yearly (Art. 40)
// [R: article numbers from secondary sources, domain.md §3.2]. The flag sets the drill default and the longest
// interval the settings accept; night patrols (养老院 must strengthen them) and monthly inspections apply either way.

export interface KeyUnitDuties {
  /** Longest drill interval allowed, and the default the flag implies. */
  drillEveryMonths: number;
  /** Longest training interval allowed. */
  trainingEveryMonths: number;
  /** What the flag implies, shown beside it. */
  lines: string[];
}

export function keyUnitDuties(keyUnit: boolean): KeyUnitDuties {
  return keyUnit
    ? {
        drillEveryMonths: 6,
        trainingEveryMonths: 12,
        lines: ['每日防火巡查，并加强夜间巡查（61号令第25条）', '员工消防培训每人每年至少一次（61号令第36条）', '灭火和应急疏散演练至少每半年一次（61号令第40条）'],
      }
    : {
        drillEveryMonths: 12,
        trainingEveryMonths: 12,
        lines: ['养老院仍须加强夜间防火巡查（61号令第25条）', '员工消防培训每年至少一次（本系统默认）', '灭火和应急疏散演练至少每年一次（61号令第40条）'],
      };
}

/** Why intervals break what the flag requires (Chinese message and field), or null. */
export function keyUnitProblem(s: { keyUnit: boolean; drillEveryMonths: number; trainingEveryMonths: number }): { message: string; field: string } | null {
  const duties = keyUnitDuties(s.keyUnit);
  const who = s.keyUnit ? '消防安全重点单位' : '养老机构';
  if (s.drillEveryMonths > duties.drillEveryMonths) return { message: `${who}至少每${duties.drillEveryMonths === 6 ? '半年' : '年'}演练一次（61号令第40条），演练间隔不能超过${duties.drillEveryMonths}个月`, field: 'drillEveryMonths' };
  if (s.trainingEveryMonths > duties.trainingEveryMonths) return { message: `员工消防培训每年至少一次，培训间隔不能超过${duties.trainingEveryMonths}个月`, field: 'trainingEveryMonths' };
  return null;
}

/** An interval the flag no longer allows, as it was stored and as it is now applied. */
export interface KeyUnitClamp {
  field: 'drillEveryMonths' | 'trainingEveryMonths';
  stored: number;
  applied: number;
  /** The rule, in the words the save would refuse with. */
  rule: string;
}

/**
 * Stored intervals longer than the flag allows (e.g. a key unit saved with a 12-month drill before the rule existed)
 * are applied at the longest allowed, and the change is listed so the settings screen can say so.
 */
export function clampToKeyUnit<T extends { keyUnit: boolean; drillEveryMonths: number; trainingEveryMonths: number }>(s: T): { settings: T; clamped: KeyUnitClamp[] } {
  const duties = keyUnitDuties(s.keyUnit);
  const clamped: KeyUnitClamp[] = [];
  let settings = s;
  for (const field of ['drillEveryMonths', 'trainingEveryMonths'] as const) {
    if (settings[field] <= duties[field]) continue;
    const rule = keyUnitProblem(settings)!.message;
    clamped.push({ field, stored: settings[field], applied: duties[field], rule });
    settings = { ...settings, [field]: duties[field] };
  }
  return { settings, clamped };
}

/** 养老院 with 50 or more beds are typically key units [R: 公安部 界定标准]. */
export const KEY_UNIT_BEDS = 50;
