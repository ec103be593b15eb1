// The register form's values and what elders.save takes from them: a new elder, an edit of the whole entry, or an edit
// of one part (the village contact person) that sends the rest as it is on file. Plain functions, tested on their own.
import type { ElderFile, ElderInput } from '@shared/api/elders';
import type { ElderCategory, IncomeSource } from '@shared/domain/elders/vocab';

export interface ElderFormValues {
  name: string;
  idNumber: string;
  villageId: string | null;
  address: string;
  phone: string;
  household: string | null;
  categories: string[];
  incomeSources: string[];
  chronicDiseases: string;
  disability: string;
  criticalIllness: boolean;
  carer: string | null;
  contactName: string;
  contactRelation: string;
  contactPhone: string;
  registeredOn: string | null;
  note: string;
}

/** The values of an elder on file, as the form (and every partial save of the file page) starts from. */
export function valuesOf(file: ElderFile): ElderFormValues {
  return {
    name: file.name,
    idNumber: '',
    villageId: file.villageId,
    address: file.address,
    phone: file.phone,
    household: file.household,
    categories: [...file.categories],
    incomeSources: [...file.incomeSources],
    chronicDiseases: file.chronicDiseases,
    disability: file.disability,
    criticalIllness: file.criticalIllness,
    carer: file.carer,
    contactName: file.contactName,
    contactRelation: file.contactRelation,
    contactPhone: file.contactPhone,
    registeredOn: file.registeredOn,
    note: file.note,
  };
}

/** What elders.save takes: an edit without a newly typed ID number keeps the one on file. */
export function inputOf(v: ElderFormValues, id?: string): ElderInput {
  return {
    ...(id ? { id } : {}),
    ...(v.idNumber.trim() || !id ? { idNumber: v.idNumber.trim() } : {}),
    name: v.name,
    villageId: v.villageId ?? '',
    address: v.address,
    phone: v.phone,
    household: (v.household as ElderInput['household']) ?? null,
    categories: v.categories as ElderCategory[],
    incomeSources: v.incomeSources as IncomeSource[],
    chronicDiseases: v.chronicDiseases,
    disability: v.disability,
    criticalIllness: v.criticalIllness,
    carer: (v.carer as ElderInput['carer']) ?? null,
    contactName: v.contactName,
    contactRelation: v.contactRelation,
    contactPhone: v.contactPhone,
    registeredOn: v.registeredOn ?? '',
    note: v.note,
  };
}

export const emptyValues = (today: string): ElderFormValues => ({
  name: '',
  idNumber: '',
  villageId: null,
  address: '',
  phone: '',
  household: null,
  categories: [],
  incomeSources: [],
  chronicDiseases: '',
  disability: '',
  criticalIllness: false,
  carer: null,
  contactName: '',
  contactRelation: '',
  contactPhone: '',
  registeredOn: today,
  note: '',
});
