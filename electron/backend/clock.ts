// The backend's only source of time, so tests and the demo generator can fix it.
import { chinaDate } from '@shared/domain/dates';

export interface Clock {
  now(): Date;
}

/**
 * How far ahead of the server's clock a time sent by a device may be before it counts as "in the future": shared PCs
 * and tablets drift, and a caregiver writing a record or an incident should not be refused for a few minutes.
 */
export const DEVICE_CLOCK_SKEW_MS = 10 * 60_000;

export const systemClock: Clock = { now: () => new Date() };

export const todayIn = (clock: Clock): string => chinaDate(clock.now());
export const nowIso = (clock: Clock): string => clock.now().toISOString();
