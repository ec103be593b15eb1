// API of the medication module, orders part (issue 19): the centre's drug list, 服药管理协议, residents' medication
// orders (never edited in place: stopped, and a new one starts) and the medication settings.
import { z } from 'zod';
import { method } from './method';
import { MEDICATION_KEEPERS, MEDICATION_READERS } from './medication-roles';
import { MedicationSettings } from './medication-settings';

export const medicationOrdersApi = {
  'medication.settings': method({
    input: z.object({}),
    output: z.object({ settings: MedicationSettings, sources: z.object({ times: z.string(), lateMinutes: z.string(), secondCheck: z.string(), stock: z.string(), agreement: z.string() }) }),
    roles: MEDICATION_READERS,
    writes: false,
  }),
  'medication.saveSettings': method({ input: MedicationSettings, output: MedicationSettings, roles: MEDICATION_KEEPERS, writes: true }),
};
