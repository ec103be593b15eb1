// Interim (the clinical screens land in the next commit): empty components so the wiring compiles.
export const DoctorVisitsTab = (_props: { today: string }) => null;
export const ReferralsTab = (_props: { today: string }) => null;
export const PressureTab = (_props: { today: string }) => null;
