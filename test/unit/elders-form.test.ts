// The register form's values ↔ elders.save: an edit sends every detail as it is on file and leaves the ID number out
// (so the number on file stays) unless a new one was typed; a new elder always sends it. The contact-person form relies
// on this to change three fields without touching the rest.
import { describe, expect, it } from 'vitest';
import { ElderInput, type ElderFile } from '@shared/api/elders';
import { emptyValues, inputOf, valuesOf } from '../../renderer/src/features/elders/elder-form';
import { validIdNumber } from '../helpers/ids';

const ID = '0190a000-0000-4000-8000-000000000001';
const VILLAGE = '0190a000-0000-4000-8000-000000000002';

const file: ElderFile = {
  id: ID,
  name: '赵桂英',
  idNumberMasked: '3201**********4561',
  sex: 'female',
  age: 84,
  villageId: VILLAGE,
  village: '东村',
  address: '东村3组12号',
  phone: '13900001111',
  household: 'alone',
  groups: ['living_alone', 'left_behind', 'over_80'],
  risk: { level: 'high', computed: 'high', override: null, reason: null },
  status: 'at_home',
  statusOn: null,
  mealAid: false,
  incomplete: false,
  incomeSources: ['pension'],
  categories: ['living_alone', 'left_behind'],
  chronicDiseases: '高血压',
  disability: '',
  criticalIllness: true,
  carer: 'neighbour',
  contactName: '王大妈',
  contactRelation: '邻居',
  contactPhone: '13900002222',
  registeredOn: '2026-01-05',
  note: '耳背',
  residentId: null,
  relatives: [],
  agreements: [],
  createdBy: '关爱专干小周',
  updatedAt: '2026-01-05T02:00:00.000Z',
  updatedBy: '关爱专干小周',
};

describe('the register form', () => {
  it('sends an edit with every detail on file and without the ID number, so the number on file stays', () => {
    const input = inputOf(valuesOf(file), file.id);
    expect(input).not.toHaveProperty('idNumber');
    expect(ElderInput.parse(input)).toMatchObject({
      id: ID,
      name: '赵桂英',
      villageId: VILLAGE,
      household: 'alone',
      categories: ['living_alone', 'left_behind'],
      incomeSources: ['pension'],
      criticalIllness: true,
      carer: 'neighbour',
      contactName: '王大妈',
      registeredOn: '2026-01-05',
      note: '耳背',
    });
  });

  it('changes only the contact person when that is all the form changed', () => {
    const input = inputOf({ ...valuesOf(file), contactName: '李大爷', contactRelation: '村民', contactPhone: '' }, file.id);
    expect(input).toEqual({ ...inputOf(valuesOf(file), file.id), contactName: '李大爷', contactRelation: '村民', contactPhone: '' });
  });

  it('sends a newly typed ID number on an edit, and always one for a new elder (today as the registration date)', () => {
    const typed = validIdNumber('1941-07-07', '457');
    expect(inputOf({ ...valuesOf(file), idNumber: ` ${typed} ` }, file.id).idNumber).toBe(typed);
    const fresh = inputOf({ ...emptyValues('2026-03-16'), name: '钱德福', villageId: VILLAGE }, undefined);
    expect(fresh).toMatchObject({ idNumber: '', registeredOn: '2026-03-16', household: null, carer: null, categories: [] });
    expect(ElderInput.safeParse(fresh).success).toBe(false);
  });
});
