// The delivery part of the homecare page: the day's schedule and the month's visits.
export { ScheduleTab } from './ScheduleTab';
export { VisitsTab } from './VisitsTab';
