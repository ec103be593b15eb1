// The demo township's villages and its register of elders at home: four villages with their 村干部, about 150 elders
// across the groups (留守, 独居, 空巢, 失能, 特困, 低保 …), some with children working away, some with a 赡养协议, a few
// with a 关爱等级 set by hand. All through the real services, so every write is audited.
import { addDays, addMonths } from '@shared/domain/dates';
import type { ElderCategory, Household } from '@shared/domain/elders/vocab';
import type { BackendDeps } from '../deps';
import type { Caller } from '../caller';
import { saveAgreement } from '../services/elders/agreements';
import { setRiskOverride } from '../services/elders/care-level';
import { saveElder } from '../services/elders/register';
import { saveRelative } from '../services/elders/relatives';
import { saveVillage } from '../services/elders/villages';
import { FEMALE_GIVEN, MALE_GIVEN, SURNAMES, VILLAGES } from './names';
import { demoIdNumber } from './people';
import type { Random } from './random';

export const DEMO_VILLAGE_COUNT = 4;
const ELDERS_PER_VILLAGE = 38;
const WORK_PLACES = ['广东东莞', '浙江宁波', '江苏苏州', '郑州', '上海', '北京', '县城'];

function categoriesFor(random: Random, household: Household): ElderCategory[] {
  const set = new Set<ElderCategory>();
  if (household === 'alone') set.add('living_alone');
  if (household === 'with_spouse' && random.chance(0.5)) set.add('empty_nest');
  if (household !== 'with_children' && random.chance(0.45)) set.add('left_behind');
  if (random.chance(0.12)) set.add('disabled');
  if (random.chance(0.08)) set.add('tekun_dispersed');
  else if (random.chance(0.15)) set.add('dibao');
  else if (random.chance(0.05)) set.add('dibao_edge');
  if (random.chance(0.04)) set.add('family_planning_special');
  if (random.chance(0.05)) set.add('severe_disability');
  return [...set];
}

/** Registers the demo township's elders; returns the ids of those at home, for meal aid and visits. */
export async function demoVillageElders(deps: BackendDeps, actor: Caller, random: Random, today: string): Promise<{ events: number; elderIds: string[] }> {
  let events = 0;
  const taken = new Set((await deps.db.selectFrom('residents').select('idNumber').execute()).map((r) => r.idNumber));
  const elderIds: string[] = [];
  let serial = 5000;
  for (const name of VILLAGES.slice(0, DEMO_VILLAGE_COUNT)) {
    const male = random.chance(0.7);
    const { id: villageId } = await saveVillage(deps, actor, {
      name,
      code: null,
      cadreName: `${random.pick(SURNAMES)}${random.pick(male ? MALE_GIVEN : FEMALE_GIVEN)}`,
      cadrePhone: `13${random.int(100000000, 999999999)}`,
      retired: false,
    });
    events += 1;
    for (let i = 0; i < ELDERS_PER_VILLAGE; i++) {
      const male = random.chance(0.45);
      const birthDate = `${random.int(1930, 1965)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
      let idNumber = demoIdNumber(random, birthDate, male, serial++);
      while (taken.has(idNumber)) idNumber = demoIdNumber(random, birthDate, male, serial++);
      taken.add(idNumber);
      const household = random.pick(['alone', 'alone', 'with_spouse', 'with_spouse', 'with_children', 'other'] as const);
      const surname = random.pick(SURNAMES);
      const { id } = await saveElder(deps, actor, {
        name: `${surname}${random.pick(male ? MALE_GIVEN : FEMALE_GIVEN)}`,
        idNumber,
        villageId,
        address: `${name}${random.int(1, 8)}组${random.int(1, 40)}号`,
        phone: random.chance(0.7) ? `13${random.int(100000000, 999999999)}` : '',
        household,
        categories: categoriesFor(random, household),
        incomeSources: random.chance(0.5) ? ['farming', 'pension'] : ['pension', 'family_aid'],
        chronicDiseases: random.pick(['', '', '高血压', '糖尿病', '慢阻肺', '高血压、冠心病']),
        disability: '',
        criticalIllness: random.chance(0.03),
        carer: household === 'alone' ? random.pick(['self', 'neighbour', 'none'] as const) : household === 'with_spouse' ? 'spouse' : 'relative',
        contactName: `${random.pick(SURNAMES)}${random.pick(MALE_GIVEN)}`,
        contactRelation: random.pick(['邻居', '侄子', '村民组长']),
        contactPhone: `13${random.int(100000000, 999999999)}`,
        registeredOn: addMonths(today, -random.int(3, 8)),
        note: '',
      });
      events += 1;
      elderIds.push(id);
      const children = random.int(0, 3);
      for (let c = 0; c < children; c++) {
        const son = random.chance(0.55);
        const away = random.chance(0.6);
        await saveRelative(deps, actor, {
          elderId: id,
          name: `${son ? surname : random.pick(SURNAMES)}${random.pick(son ? MALE_GIVEN : FEMALE_GIVEN)}`,
          relation: son ? 'son' : 'daughter',
          phone: `13${random.int(100000000, 999999999)}`,
          worksIn: away ? random.pick(WORK_PLACES) : '',
          awayHalfYear: away,
          guardian: c === 0,
        });
        events += 1;
      }
      if (children > 0 && random.chance(0.25)) {
        await saveAgreement(deps, actor, {
          elderId: id,
          signedOn: addDays(today, -random.int(60, 700)),
          parties: '老人的子女',
          terms: '每月给付生活费，每季度至少回家看望一次，生病时负责陪护就医',
          supervisor: `${name}村民委员会`,
          elderConsent: true,
          photo: null,
          renewOn: random.chance(0.5) ? addDays(today, random.int(-20, 300)) : null,
        });
        events += 1;
      }
      if (random.chance(0.03)) {
        await setRiskOverride(deps, actor, { elderId: id, level: 'high', reason: '近期丧偶，情绪低落，村里反映需多看望' });
        events += 1;
      }
    }
  }
  return { events, elderIds };
}
