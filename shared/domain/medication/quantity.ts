// Doses and stock are counted in hundredths of the drug's unit (0.5 片 = 50), so sums never drift.

/** 50 → "0.5", 100 → "1", 125 → "1.25". */
export function centiText(centi: number): string {
  return String(Math.round(centi) / 100);
}

/** A quantity with its unit's word: "0.5 片", "8 单位". */
export function formatQuantity(centi: number, unitLabel: string): string {
  return `${centiText(centi)} ${unitLabel}`;
}

/** A number typed on screen (1, 0.5, 1.25) in hundredths; null when it has more than two decimals or is not a number. */
export function toCenti(value: number): number | null {
  const centi = Math.round(value * 100);
  return Number.isFinite(value) && Math.abs(centi - value * 100) < 1e-6 ? centi : null;
}
