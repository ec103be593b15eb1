// The medication orders part's screens: the orders tab, the drug list, the 服药管理协议, the settings, the order form
// (also opened from a doctor's visit) and the resident file's card.
export { OrdersTab } from './OrdersTab';
export { DrugsTab } from './DrugsTab';
export { AgreementsTab } from './AgreementsTab';
export { SettingsTab } from './SettingsTab';
export { OrderFormModal, type OrderFormModalProps } from './OrderFormModal';
export { ResidentMedicationCard } from './ResidentMedicationCard';
