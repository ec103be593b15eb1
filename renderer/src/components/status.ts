// Colours for statuses, the same everywhere. Dark "ink" shades so white or light-background text stays readable
// (WCAG AA 4.5:1): green free, blue occupied, brown-orange reserved, grey disabled.
import type { BedStatus, ResidentStatus } from '@shared/domain/enums';

export const BED_STATUS_INK: Record<BedStatus, string> = {
  free: '#1b5e20',
  occupied: '#0b4f8a',
  reserved: '#8a3c00',
  disabled: '#343a40',
};

/** Light backgrounds of the bed tiles, matching the inks above. */
export const BED_STATUS_PAPER: Record<BedStatus, string> = {
  free: '#ebfbee',
  occupied: '#e7f5ff',
  reserved: '#fff4e6',
  disabled: '#f1f3f5',
};

export const RESIDENT_STATUS_INK: Record<ResidentStatus, string> = {
  in_residence: '#0b6e4f',
  on_leave: '#8a3c00',
  in_hospital: '#a61e1e',
  discharged: '#495057',
};

export const percent = (ratio: number): string => `${Math.round(ratio * 1000) / 10}%`;
