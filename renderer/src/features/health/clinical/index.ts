// The clinical records' screens: doctors' visits, hospital referrals, the pressure-injury register and its printed sheet.
export { DoctorVisitsTab } from './DoctorVisitsTab';
export { ReferralsTab } from './ReferralsTab';
export { PressureTab } from './PressureTab';
export { PressureSheetPage } from './PressureSheetPage';
