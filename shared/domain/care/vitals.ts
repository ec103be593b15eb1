// Quick vitals: hard limits no reading can pass, and a usual range outside which the recorder must confirm the
// number (体温 45 ℃ is more often a slip of the finger than a fact). The ranges are common clinical bounds [R].
export interface VitalSpec {
  label: string;
  unit: string;
  /** Beyond these the value is refused as impossible. */
  hardMin: number;
  hardMax: number;
  /** Outside these the value needs confirming. */
  usualMin: number;
  usualMax: number;
  decimals: number;
}

export const VITALS = {
  temperature: { label: '体温', unit: '℃', hardMin: 30, hardMax: 45, usualMin: 35, usualMax: 40.5, decimals: 1 },
  systolic: { label: '收缩压（高压）', unit: 'mmHg', hardMin: 40, hardMax: 300, usualMin: 80, usualMax: 200, decimals: 0 },
  diastolic: { label: '舒张压（低压）', unit: 'mmHg', hardMin: 20, hardMax: 200, usualMin: 40, usualMax: 120, decimals: 0 },
  pulse: { label: '脉搏', unit: '次/分', hardMin: 20, hardMax: 250, usualMin: 45, usualMax: 130, decimals: 0 },
  glucose: { label: '血糖', unit: 'mmol/L', hardMin: 0.5, hardMax: 40, usualMin: 3, usualMax: 20, decimals: 1 },
  weight: { label: '体重', unit: 'kg', hardMin: 15, hardMax: 250, usualMin: 30, usualMax: 120, decimals: 1 },
} as const satisfies Record<string, VitalSpec>;

export type VitalCode = keyof typeof VITALS;
export const VITAL_CODES = Object.keys(VITALS) as VitalCode[];

/** Readings outside the usual range, as sentences naming each one. */
export function unusualVitals(values: Partial<Record<VitalCode, number | null>>): string[] {
  const found: string[] = [];
  for (const code of VITAL_CODES) {
    const v = values[code];
    if (v === undefined || v === null) continue;
    const spec: VitalSpec = VITALS[code];
    if (v < spec.usualMin || v > spec.usualMax) found.push(`${spec.label} ${v} ${spec.unit} 超出常见范围（${spec.usualMin}–${spec.usualMax}）`);
  }
  return found;
}
