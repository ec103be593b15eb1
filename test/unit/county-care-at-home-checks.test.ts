// The county's checks of care at home inside one package (format 4, issue 18): what the exporter can never write
// refuses the package, naming the file and line; what real records can hold (use beyond the entitlement, an agreement
// for an elder not marked 特困 on the register) is a warning.
import { describe, expect, it } from 'vitest';
import { SECTION_NAMES, type SectionData, type SectionRecord } from '@shared/domain/sync/sections';
import { careAtHomeFigures } from '@shared/domain/sync/care-at-home-figures';
import { checkCareAtHomeRecords } from '../../electron/backend/services/county/consistency-care-at-home';

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [VILLAGE, ELDER, ITEM, PROVIDER, AGREEMENT, HELPER] = [ID(1), ID(2), ID(3), ID(4), ID(5), ID(6)];

function month(): SectionData {
  const data = Object.fromEntries(SECTION_NAMES.map((s) => [s, []])) as unknown as SectionData;
  data.villages = [{ id: VILLAGE, name: '东村', code: null }];
  data.elders = [
    { id: ELDER, villageId: VILLAGE, sex: 'female', birthDate: '1941-07-07', ageAtMonthEnd: 84, groups: ['tekun_dispersed', 'over_80'], household: 'alone', riskLevel: 'high', registeredOn: '2026-01-05', statusAtMonthEnd: 'died', statusOn: '2026-02-20', mealAid: false, agreement: false, visitEveryDays: 7, lastVisitBefore: null, lastAssessedOn: null, assessmentCurrent: false },
  ];
  data.home_service_items = [{ id: ITEM, name: '助洁', category: 'life_care', unit: 'hour', retired: false }];
  data.home_service_providers = [{ id: PROVIDER, name: '安康家政', kind: 'organisation', retired: false }];
  data.home_service_entitlements = [{ id: ID(10), elderId: ELDER, itemId: ITEM, monthlyQuota: 240, validFrom: '2026-01-01', validTo: null, endedOn: null, usedInMonth: 120 }];
  data.home_service_visits = [visit()];
  data.home_service_settlements = [{ id: ID(12), providerId: PROVIDER, month: '2026-01', settledOn: '2026-02-02', visits: 3, disputed: 1, amountFen: 30000, disputedFen: 10000, subsidyFen: 30000, personalFen: 0, voided: false }];
  data.entrusted_agreements = [{ id: AGREEMENT, elderId: ELDER, carerKind: 'relative', tier: 'partly_lost', careTier: 2, monthlySubsidyFen: 30000, fromOn: '2026-01-01', toOn: null, endedOn: null }];
  data.entrusted_checks = [{ id: ID(13), agreementId: AGREEMENT, elderId: ELDER, checkedOn: '2026-02-12', kind: 'home', delivered: 'yes', carerRating: 'good', voided: false }];
  data.aid_helpers = [{ id: HELPER, kind: 'volunteer', villageId: VILLAGE, onRegister: false }];
  data.aid_pairs = [{ id: ID(14), helperId: HELPER, elderId: ELDER, since: '2026-01-10', endedOn: null }];
  data.aid_activities = [{ id: ID(15), helperId: HELPER, elderId: ELDER, kind: 'company', doneOn: '2026-02-08', minutes: 90, voided: false }];
  data.association_activities = [{ id: ID(16), villageId: VILLAGE, heldOn: '2026-02-14', attendance: 12, cancelled: false }];
  return data;
}

function visit(over: Partial<SectionRecord<'home_service_visits'>> = {}): SectionRecord<'home_service_visits'> {
  return { id: ID(11), elderId: ELDER, providerId: PROVIDER, planned: true, outcome: 'done', serviceOn: '2026-02-03', minutes: 120, items: [{ itemId: ITEM, quantity: 120 }], priceClass: 'tekun_dispersed', overQuota: false, check: null, complaints: 0, voided: false, ...over };
}

describe('checkCareAtHomeRecords', () => {
  it('passes a month as the exporter writes it', () => {
    expect(checkCareAtHomeRecords('2026-02', month())).toEqual({ errors: [], warnings: [] });
  });

  it('refuses what the exporter never writes, naming the file and line', () => {
    const data = month();
    data.home_service_visits = [
      visit({ serviceOn: '2026-01-31' }),
      visit({ id: ID(21), elderId: ID(99) }),
      visit({ id: ID(22), items: [], minutes: null }),
      visit({ id: ID(23), serviceOn: '2026-02-25' }),
      visit({ id: ID(24), outcome: 'missed', minutes: null, items: [], check: 'confirmed' }),
    ];
    data.home_service_settlements[0] = { ...data.home_service_settlements[0], personalFen: 500 };
    data.entrusted_checks[0] = { ...data.entrusted_checks[0], elderId: ID(98) };
    data.aid_activities[0] = { ...data.aid_activities[0], helperId: ID(97) };
    const { errors } = checkCareAtHomeRecords('2026-02', data);
    expect(errors).toEqual([
      '「home_service_visits.jsonl」第 1 行：服务日期 2026-01-31 不在 2026-02（2026-02-01 至 2026-02-28） 内',
      `「home_service_visits.jsonl」第 2 行：老人 ${ID(99)} 不在「elders.jsonl」里`,
      '「home_service_visits.jsonl」第 3 行：已服务的记录应有服务时长和服务项目',
      '「home_service_visits.jsonl」第 4 行：服务日期 2026-02-25 晚于老人离家（去世、迁出或入住敬老院）的日期 2026-02-20',
      '「home_service_visits.jsonl」第 5 行：未服务的记录不应有服务项目或回访结果',
      '「home_service_settlements.jsonl」第 1 行：补贴 30000 分加个人负担 500 分，不等于结算金额 30000 分',
      '「entrusted_checks.jsonl」第 1 行：检查的老人与协议上的老人不是同一人',
      `「aid_activities.jsonl」第 1 行：帮扶人 ${ID(97)} 不在「aid_helpers.jsonl」里`,
    ]);
  });

  it('warns of use beyond the entitlement with no reason given, and of an agreement for an elder not marked 特困', () => {
    const data = month();
    data.home_service_entitlements[0] = { ...data.home_service_entitlements[0], usedInMonth: 300 };
    data.elders[0] = { ...data.elders[0], groups: ['over_80'] };
    const { errors, warnings } = checkCareAtHomeRecords('2026-02', data);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      '「home_service_entitlements.jsonl」第 1 行：本月用了 300，超过每月额度 240，却没有一次服务写明超额理由，请该院核对',
      `「entrusted_agreements.jsonl」第 1 行：老人 ${ID(2)} 在名册上不是分散供养特困人员，请该院核对`,
    ]);
    // A visit that went beyond with its reason explains it.
    data.home_service_visits = [visit({ overQuota: true })];
    expect(checkCareAtHomeRecords('2026-02', data).warnings).toHaveLength(1);
  });
});

describe('careAtHomeFigures', () => {
  it('counts an elder with two entitlements of an item in the month (a renewal) once: the larger quota, the use once', () => {
    const data = month();
    data.home_service_entitlements = [
      { id: ID(10), elderId: ELDER, itemId: ITEM, monthlyQuota: 240, validFrom: '2026-01-01', validTo: null, endedOn: '2026-02-14', usedInMonth: 120 },
      { id: ID(17), elderId: ELDER, itemId: ITEM, monthlyQuota: 480, validFrom: '2026-02-15', validTo: null, endedOn: null, usedInMonth: 120 },
    ];
    expect(checkCareAtHomeRecords('2026-02', data)).toEqual({ errors: [], warnings: [] });
    const [item] = careAtHomeFigures('2026-02', data, []).items;
    expect(item).toMatchObject({ item: '助洁', visits: 1, quantity: 120, entitledElders: 1, quota: 480, used: 120 });
  });

  it('counts an agreement or pair ended on the last day of the month (a carer replaced from the 1st) as in force at its end', () => {
    const data = month();
    data.entrusted_agreements = [{ ...data.entrusted_agreements[0], endedOn: '2026-02-28' }];
    data.aid_pairs = [{ ...data.aid_pairs[0], endedOn: '2026-02-28' }];
    expect(checkCareAtHomeRecords('2026-02', data)).toEqual({ errors: [], warnings: [] });
    const figures = careAtHomeFigures('2026-02', data, []);
    expect(figures.tiers.find((t) => t.tier === 'partly_lost')).toMatchObject({ agreements: 1, checked: 1, subsidyFen: 30000 });
    expect(figures.villages[0]).toMatchObject({ entrusted: 1, entrustedChecked: 1, pairs: 1 });
    // Ended the day before the month's last day: no longer in force at its end.
    data.entrusted_agreements = [{ ...data.entrusted_agreements[0], endedOn: '2026-02-27' }];
    expect(careAtHomeFigures('2026-02', data, []).tiers.find((t) => t.tier === 'partly_lost')).toMatchObject({ agreements: 0 });
  });
});
