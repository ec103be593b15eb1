// The health file's screens (issue 19): the 体检, 月度健康 and 家庭医生 tabs of the health page, the card on the
// resident's page. The two printed pages (HealthFileSheetPage, CheckupSheetPage) are loaded by their routes.
export { CheckupsTab } from './CheckupsTab';
export { MonthlyTab } from './MonthlyTab';
export { FamilyDoctorTab } from './FamilyDoctorTab';
export { ResidentHealthCard } from './ResidentHealthCard';
