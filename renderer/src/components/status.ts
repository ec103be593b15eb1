// Colours for statuses, the same everywhere: green free, blue occupied, orange reserved, grey disabled.
import type { BedStatus, ResidentStatus } from '../../../shared/domain/enums';

export const BED_STATUS_COLOR: Record<BedStatus, string> = {
  free: 'green',
  occupied: 'blue',
  reserved: 'orange',
  disabled: 'gray',
};

export const RESIDENT_STATUS_COLOR: Record<ResidentStatus, string> = {
  in_residence: 'teal',
  on_leave: 'orange',
  in_hospital: 'red',
  discharged: 'gray',
};

export const percent = (ratio: number): string => `${Math.round(ratio * 1000) / 10}%`;
