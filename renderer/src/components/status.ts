// Colours for statuses, the same everywhere: theme colours (theme.ts INKS), dark enough that white or light-background
// text stays readable (WCAG AA 4.5:1): green free, blue occupied, brown-orange reserved, grey disabled.
import type { BedStatus, ResidentStatus } from '@shared/domain/enums';
import type { ThemeColour } from '../theme';

export const BED_STATUS_INK: Record<BedStatus, ThemeColour> = {
  free: 'meadow',
  occupied: 'info',
  reserved: 'warning',
  disabled: 'gray.8',
};

/** Light backgrounds of the bed tiles, matching the inks above. */
export const BED_STATUS_PAPER: Record<BedStatus, ThemeColour> = {
  free: 'green.0',
  occupied: 'blue.0',
  reserved: 'orange.0',
  disabled: 'gray.1',
};

export const RESIDENT_STATUS_INK: Record<ResidentStatus, ThemeColour> = {
  in_residence: 'ok',
  on_leave: 'warning',
  in_hospital: 'danger',
  discharged: 'muted',
};

export const percent = (ratio: number): string => `${Math.round(ratio * 1000) / 10}%`;
