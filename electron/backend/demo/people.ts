// Fictional older people with valid ID numbers (GB 11643 check digit) and their family contacts.
import type { z } from 'zod';
import type { ContactInput, PersonInput } from '@shared/api/residents';
import type { ResidentCategory } from '@shared/domain/enums';
import { computeCheckChar } from '@shared/domain/id-number';
import { AREA_PREFIXES, FEMALE_GIVEN, MALE_GIVEN, SURNAMES, VILLAGES } from './names';
import type { Random } from './random';

const CATEGORY_WEIGHTS: [ResidentCategory, number][] = [
  ['tekun_concentrated', 65],
  ['dibao', 10],
  ['self_pay', 15],
  ['family_planning_special', 4],
  ['dibao_edge', 3],
  ['other', 3],
];

function weighted<T>(random: Random, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let roll = random.next() * total;
  for (const [item, w] of items) {
    roll -= w;
    if (roll < 0) return item;
  }
  return items[items.length - 1][0];
}

function phoneNumber(random: Random): string {
  return `1${random.pick(['3', '5', '8'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
}

/** Sequence digits end odd for men, even for women, as GB 11643 requires. */
export function demoIdNumber(random: Random, birthDate: string, male: boolean, serial: number): string {
  const sequence = String(serial % 100).padStart(2, '0') + String(random.int(0, 4) * 2 + (male ? 1 : 0));
  const first17 = `${random.pick(AREA_PREFIXES)}${birthDate.replaceAll('-', '')}${sequence}`;
  return first17 + computeCheckChar(first17);
}

export function demoPerson(random: Random, serial: number, county: string): z.output<typeof PersonInput> {
  const male = random.chance(0.55);
  const surname = random.pick(SURNAMES);
  const year = random.int(1932, 1962);
  const birthDate = `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  const category = weighted(random, CATEGORY_WEIGHTS);
  const village = random.pick(VILLAGES);
  const contacts: Required<ContactInput>[] = [];
  if (category === 'tekun_concentrated') {
    contacts.push({ name: `${village}委会`, relation: '村委会', phone: phoneNumber(random), isGuardian: true, isEmergency: true });
    if (random.chance(0.5)) {
      contacts.push({ name: surname + random.pick(MALE_GIVEN), relation: '侄子', phone: phoneNumber(random), isGuardian: false, isEmergency: true });
    }
  } else {
    contacts.push({ name: surname + random.pick(MALE_GIVEN), relation: '儿子', phone: phoneNumber(random), isGuardian: true, isEmergency: true });
    if (random.chance(0.6)) {
      contacts.push({ name: random.pick(SURNAMES) + random.pick(FEMALE_GIVEN), relation: '女儿', phone: phoneNumber(random), isGuardian: false, isEmergency: true });
    }
  }
  return {
    name: surname + random.pick(male ? MALE_GIVEN : FEMALE_GIVEN),
    idNumber: demoIdNumber(random, birthDate, male, serial),
    ethnicity: random.chance(0.95) ? '汉族' : '回族',
    householdAddress: `${county}柳湾镇${village}`,
    village,
    primaryCategory: category,
    // About one in fifteen also carries 患精神疾病 (from the serial, so the random stream stays as it was).
    tags: [...(random.chance(0.12) ? (['severe_disability'] as const) : []), ...(serial % 15 === 4 ? (['mental_illness'] as const) : [])],
    tekunCertNo: category.startsWith('tekun') ? `TK${String(10000 + serial)}` : '',
    // Most live in the countryside; every seventh is urban (from the serial, so the random stream stays as it was).
    hukou: serial % 7 === 3 ? 'urban' : 'rural',
    contacts,
    allergies: random.chance(0.1) ? random.pick(['青霉素', '磺胺类药物', '海鲜', '花粉']) : '',
    chronicConditions: random.chance(0.6) ? random.pick(['高血压', '糖尿病', '慢阻肺', '冠心病', '高血压、糖尿病', '脑梗后遗症', '老年痴呆']) : '',
    dietType: random.chance(0.15) ? random.pick(['soft', 'diabetic', 'low_salt'] as const) : 'regular',
    photo: null,
    note: '',
  };
}
