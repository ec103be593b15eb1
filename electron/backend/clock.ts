// The backend's only source of time, so tests and the demo generator can fix it.
import { chinaDate } from '../../shared/domain/dates';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const todayIn = (clock: Clock): string => chinaDate(clock.now());
export const nowIso = (clock: Clock): string => clock.now().toISOString();
