// Interim (the round's screens land in the next commit): empty components so the wiring compiles.
export const RoundTab = (_props: { today: string }) => null;
export const MarTab = (_props: { today: string }) => null;
export const ShiftMedicationCard = () => null;
export const ResidentDosesCard = (_props: { residentId: string; shiftId: string; shiftDate: string }) => null;
