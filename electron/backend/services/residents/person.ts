// Turning the person part of a form into a stored row: ID number checked against today, sex and birth date derived.
import type { z } from 'zod';
import type { PersonInput } from '@shared/api/residents';
import { invalid } from '@shared/api/errors';
import { ID_NUMBER_MESSAGES, parseIdNumber } from '@shared/domain/id-number';
import { pinyinInitials } from '@shared/domain/pinyin-initials';

export type PersonData = z.output<typeof PersonInput>;

export function personRow(person: PersonData, today: string) {
  const parsed = parseIdNumber(person.idNumber, today);
  if (!parsed.ok) throw invalid(ID_NUMBER_MESSAGES[parsed.problem], 'idNumber');
  return {
    name: person.name,
    nameInitials: pinyinInitials(person.name),
    idNumber: parsed.info.idNumber,
    sex: parsed.info.sex,
    birthDate: parsed.info.birthDate,
    ethnicity: person.ethnicity,
    householdAddress: person.householdAddress,
    village: person.village,
    primaryCategory: person.primaryCategory,
    tags: JSON.stringify(person.tags),
    tekunCertNo: person.tekunCertNo,
    hukou: person.hukou,
    contacts: JSON.stringify(person.contacts),
    allergies: person.allergies,
    chronicConditions: person.chronicConditions,
    dietType: person.dietType,
    photo: person.photo,
    note: person.note,
  };
}
