// The medication round's screens: 本班服药, the monthly 服药记录单, the shift page's and the resident page's cards.
export { RoundTab } from './RoundTab';
export { MarTab } from './MarTab';
export { ShiftMedicationCard } from './ShiftMedicationCard';
export { ResidentDosesCard } from './ResidentDosesCard';
