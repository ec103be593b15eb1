// GB/T 42195-2022 word for word (issue 14 §1): every item's definition and the wording of every score against the
// Appendix B transcription (../shared/reference/gbt42195-appendix-b.md), typed here from it; the A.2 basic
// information, BMI and A.5.9, the 昏迷 ↔ B.3.9 rules, and which incidents count into A.2.14.
import { describe, expect, it } from 'vitest';
import { EMPTY_BASIC_INFO, LOW_BMI, basicInfoProblems, bmi, prefillBasicInfo, suggestedMalnutrition } from '@shared/domain/assessment/basic-info';
import { comaLevelNote, comaProblems, setComa, setConsciousness, setConsciousnessScore } from '@shared/domain/assessment/coma';
import { EMPTY_HEALTH } from '@shared/domain/assessment/health';
import { FIVE_STEPS, ITEMS } from '@shared/domain/assessment/items';
import { INCIDENT_RISK_EVENT, readRiskEvents, riskEventTotal } from '@shared/domain/assessment/risk-events';
import { finalLevel } from '@shared/domain/assessment/scoring';
import { INCIDENT_TYPES } from '@shared/domain/care/vocab';
import { ENUM_LABELS_ZH } from '@shared/domain/enum-labels';

// Typed from gbt42195-appendix-b.md: code, name, definition, and the score wording (or the common five steps).
const REFERENCE: [code: string, name: string, definition: string, levels: 'five steps' | Record<number, string>][] = [
  ['B.1.1', '进食', '使用适当的器具将食物送入口中并咽下', { 4: '独立使用器具将食物送进口中并咽下，没有呛咳', 3: '在他人指导或提示下完成，或独立使用辅具，没有呛咳', 2: '进食中至少需要少量接触式协助，偶尔（每月一次及以上）呛咳', 1: '在进食中需要大量接触式协助，经常（每周一次及以上）呛咳', 0: '完全依赖他人协助进食，或吞咽困难，或留置营养管' }],
  ['B.1.2', '修饰', '指洗脸、刷牙、梳头、刮脸、剪指（趾）甲等', 'five steps'],
  ['B.1.3', '洗澡', '清洗和擦干身体', 'five steps'],
  ['B.1.4', '穿/脱上衣', '指穿/脱上身衣服、系扣、拉拉链等', 'five steps'],
  ['B.1.5', '穿/脱裤子和鞋袜', '指穿/脱裤子、鞋袜等', 'five steps'],
  ['B.1.6', '小便控制', '控制和排出尿液的能力', { 4: '可自行控制排尿，排尿次数、排尿控制均正常', 3: '白天可自行控制排尿次数，夜间出现排尿次数增多、排尿控制较差，或自行使用尿布、尿垫等辅助用物', 2: '白天大部分时间可自行控制排尿，偶出现（每天<1次，但每周>1次）尿失禁，夜间控制排尿较差，或他人少量协助使用尿布、尿垫等辅助用物', 1: '白天大部分时间不能控制排尿（每天≥1次，但尚非完全失控），夜间出现尿失禁，或他人大量协助使用尿布、尿垫等辅助用物', 0: '小便失禁，完全不能控制排尿，或留置导尿管' }],
  ['B.1.7', '大便控制', '控制和排出粪便的能力', { 4: '可正常自行控制大便排出', 3: '有时出现（每天<1次）便秘或大便失禁，或自行使用开塞露、尿垫等辅助用物', 2: '经常出现（每天<1次，但每周>1次）便秘或大便失禁，或他人少量协助使用开塞露、尿垫等辅助用物', 1: '大部分时间均出现（每天≥1次）便秘或大便失禁，但尚非完全失控，或他人大量协助使用开塞露、尿垫等辅助用物', 0: '严重便秘或者完全大便失禁，需要依赖他人协助排便或清洁皮肤' }],
  ['B.1.8', '如厕', '上厕所排泄大小便，并清洁身体（注：评估中强调排泄前解开裤子、完成排泄后清洁身体、穿上裤子）', 'five steps'],
  ['B.2.1', '床上体位转移', '卧床翻身及坐起躺下', 'five steps'],
  ['B.2.2', '床椅转移', '从坐位到站位，再从站位到坐位的转换过程', 'five steps'],
  ['B.2.3', '平地行走', '双脚交互的方式在地面行动，总是一只脚在前（注：包括他人辅助和使用辅具的步行）', { 4: '独立平地行走50m左右，不需要协助，无摔倒风险', 3: '能平地行走50m左右，存在跌倒风险，需要他人监护或指导，或使用拐杖、助行器等辅助工具', 2: '在步行时需要他人少量扶持协助', 1: '在步行时需要他人大量扶持协助', 0: '完全不能步行' }],
  ['B.2.4', '上下楼梯', '双脚交替完成楼梯台阶连续的上下移动', { 3: '可独立上下楼梯（连续上下10个~15个台阶），不需要协助', 2: '在他人指导或提示下完成', 1: '需要他人协助，但以自身完成为主', 0: '主要依靠他人协助，自身能给予配合；或者完全依赖他人协助，且不能给予配合' }],
  ['B.3.1', '时间定向', '知道并确认时间的能力', { 4: '时间观念（年、月）清楚，日期（或星期几）可相差一天', 3: '时间观念有些下降，年、月、日（或星期几）不能全部分清（相差两天或以上）', 2: '时间观念较差，年、月、日不清楚，可知上半年或下半年或季节', 1: '时间观念很差，年、月、日不清楚，可知上午、下午或白天、夜间', 0: '无时间观念' }],
  ['B.3.2', '空间定向', '知道并确认空间的能力', { 4: '能在日常生活范围内单独外出，如在日常居住小区内独自外出购物等', 3: '不能单独外出，但能准确知道自己日常生活所在地的地址信息', 2: '不能单独外出，但知道较多有关自己日常生活的地址信息', 1: '不能单独外出，但知道较少自己居住或生活所在地的地址信息', 0: '不能单独外出，无空间观念' }],
  ['B.3.3', '人物定向', '知道并确认人物的能力', { 4: '认识长期共同一起生活的人，能称呼并知道关系', 3: '能认识大部分共同生活居住的人，能称呼或知道关系', 2: '能认识部分日常同住的亲人或照护者等，能称呼或知道关系等', 1: '只认识自己或极少数日常同住的亲人或照护者等', 0: '不认识任何人（包括自己）' }],
  ['B.3.4', '记忆', '短期近期和远期记忆能力', { 4: '总能保持与社会、年龄所适应的记忆能力，能完整的回忆', 3: '出现轻度的记忆紊乱或回忆不能（不能回忆即时信息，3个词语经过5分钟后仅能回忆0~1个）', 2: '出现中度的记忆紊乱或回忆不能（不能回忆近期记忆，不记得上一顿饭吃了什么）', 1: '出现重度记忆紊乱或回忆不能（不能回忆远期记忆，不记得自己老朋友）', 0: '记忆完全紊乱或者完全不能对既往事物进行正确的回忆' }],
  ['B.3.5', '理解能力', '理解语言信息和非语言信息的能力（可借助平时使用的助听设备等），即理解别人的话', { 4: '能正常理解他人的话', 3: '能理解他人的话，但需要增加时间', 2: '理解有困难，需要频繁重复或简化口头表达', 1: '理解有严重困难，需要大量他人帮助', 0: '完全不能理解他人的话' }],
  ['B.3.6', '表达能力', '表达信息能力，包括口头的和非口头的，即表达自己的想法', { 4: '能正常表达自己的想法', 3: '能表达自己的需要，但需要增加时间', 2: '表达需要有困难，需频繁重复或简化口头表达', 1: '表达有严重困难，需要大量他人帮助', 0: '完全不能表达需要' }],
  ['B.3.7', '攻击行为', '身体攻击行为（如打/踢/推/咬/抓/摔东西）和语言攻击行为（如骂人、语言威胁、尖叫）', { 1: '未出现', 0: '近一个月内出现过攻击行为' }],
  ['B.3.8', '抑郁症状', '存在情绪低落、兴趣减退、活力减退等症状，甚至出现妄想、幻觉、自杀念头或自杀行为（注：长期的负性情绪）', { 1: '未出现', 0: '近一个月内出现过负性情绪' }],
  ['B.3.9', '意识水平', '机体对自身和周围环境的刺激做出应答反应的能力程度，包括清醒和持续的觉醒状态', { 2: '神志清醒，对周围环境能做出正确反映', 1: '嗜睡，表现为睡眠状态过度延长。当呼唤或推动老年人的肢体时可唤醒，并能进行正确的交谈或执行指令，停止刺激后又继续入睡；意识模糊，注意力涣散，对外界刺激不能清晰的认识，空间和时间定向力障碍，理解力迟钝，记忆力模糊和不连贯', 0: '昏睡，一般的外界刺激不能使其觉醒，给予较强烈的刺激时可有短时的意识清醒，醒后可简短回答提问，当刺激减弱后又很快进入睡眠状态；或者昏迷：意识丧失，随意运动丧失，对一般刺激全无反应' }],
  ['B.4.1', '视力', '感受存在的光线并感受物体的大小、形状的能力。在个体的最好矫正视力下进行评估', { 2: '视力正常', 1: '能看清楚大字体，但看不清书报上的标准字体；视力有限，看不清楚报纸大标题，但能辨认物体', 0: '只能看到光、颜色和形状；完全失明' }],
  ['B.4.2', '听力', '能辨别声音的方位、音调、音量和音质的有关能力（可借助平时使用助听设备等）', { 2: '听力正常', 1: '在轻声说话或说话距离超过两米时听不清；正常交流有些困难，需要在安静的环境或大声说话才能听到', 0: '讲话者大声说话或说话很慢，才能部分听见；完全失聪' }],
  ['B.4.3', '执行日常事务', '计划、安排并完成日常事务，包括但不限于洗衣服、小金额购物、服药管理', { 4: '能完全独立计划、安排和完成日常事务，无需协助', 3: '在计划、安排和完成日常事务时需要他人监护或指导', 2: '在计划、安排和完成日常事务时需要少量协助', 1: '在计划、安排和完成日常事务时需要大量协助', 0: '完全依赖他人进行日常事务' }],
  ['B.4.4', '使用交通工具外出', '', { 3: '能自己骑车或搭乘公共交通工具外出', 2: '能自己搭乘出租车，但不会搭乘其他交通工具外出', 1: '当有人协助或陪伴，可搭乘公共交通工具外出', 0: '只能在他人协助下搭乘出租车或私家车外出；完全不能出门，或者外出完全需要协助' }],
  ['B.4.5', '社会交往能力', '', { 4: '参与社会，在社会环境有一定的适应能力，待人接物恰当', 3: '能适应单纯环境，主动接触他人，初次见面时难让人发现智力问题，不能理解隐喻语', 2: '脱离社会，可被动接触，不会主动待他人，谈话中很多不适词句，容易上当受骗', 1: '勉强可与他人接触，谈吐内容不清楚，表情不恰当', 0: '不能与人交往' }],
];

describe('GB/T 42195-2022 Appendix B, word for word', () => {
  it.each(REFERENCE)('%s %s: name, definition and every score as the standard words them', (code, name, definition, levels) => {
    const item = ITEMS.find((i) => i.code === code)!;
    expect(item, code).toBeDefined();
    expect(item.name).toBe(name);
    expect(item.definition).toBe(definition);
    const expected = levels === 'five steps' ? FIVE_STEPS : levels;
    expect(item.levels).toEqual(expected);
    expect(Object.keys(item.levels).map(Number).sort()).toEqual(Array.from({ length: item.max + 1 }, (_, i) => i));
  });

  it('has exactly the 26 items of the reference, and only the seven five-step items use FIVE_STEPS', () => {
    expect(ITEMS.map((i) => i.code)).toEqual(REFERENCE.map((r) => r[0]));
    expect(ITEMS.filter((i) => i.levels === FIVE_STEPS).map((i) => i.code)).toEqual(['B.1.2', 'B.1.3', 'B.1.4', 'B.1.5', 'B.1.8', 'B.2.1', 'B.2.2']);
    // No other item borrows a five-step sentence for any of its scores.
    for (const item of ITEMS.filter((i) => i.levels !== FIVE_STEPS && i.code !== 'B.2.4')) {
      for (const [score, text] of Object.entries(item.levels)) expect(text, `${item.code} ${score}`).not.toBe(FIVE_STEPS[Number(score)]);
    }
  });

  it('B.3.8 scores 0 as 负性情绪, not 抑郁症状', () => {
    const b38 = ITEMS.find((i) => i.code === 'B.3.8')!;
    expect(b38.levels[0]).toBe('近一个月内出现过负性情绪');
    expect(b38.levels[0]).not.toMatch(/抑郁/);
  });
});

describe('A.2 basic information', () => {
  const info = { ...EMPTY_BASIC_INFO, religion: '无', education: '小学', living: ['养老机构'], marital: '丧偶', medicalPayment: ['城乡居民基本医疗保险', '医疗救助'], incomeSource: ['其他补贴'], heightCm: 160, weightKg: 50 };
  it('takes the standard’s options and names the field of anything else', () => {
    expect(basicInfoProblems(info)).toEqual([]);
    expect(basicInfoProblems({ ...info, education: '博士' })).toEqual([{ field: 'education', message: 'A.2 文化程度没有“博士”这一选项' }]);
    expect(basicInfoProblems({ ...info, living: ['养老机构', '养老机构'] })).toEqual([{ field: 'living', message: 'A.2 居住情况的选项重复了' }]);
    expect(basicInfoProblems({ ...info, medicalPayment: ['新农合'] })[0].message).toBe('A.2 医疗费用支付方式没有“新农合”这一选项');
    expect(basicInfoProblems({ ...info, religionName: '佛教' })[0]).toEqual({ field: 'religionName', message: 'A.2 宗教信仰选了“无”或未选，就不要填写信仰的宗教' });
    expect(basicInfoProblems({ ...info, religion: '有', religionName: '佛教' })).toEqual([]);
  });

  it.each([
    [99, 'heightCm'],
    [221, 'heightCm'],
  ] as const)('refuses a height of %s cm', (heightCm, field) => {
    expect(basicInfoProblems({ ...info, heightCm })[0].field).toBe(field);
  });
  it('takes heights 100 and 220 cm and weights 20 and 200 kg; refuses 19.9 and 200.1 kg', () => {
    for (const v of [{ heightCm: 100 }, { heightCm: 220 }, { weightKg: 20 }, { weightKg: 200 }]) expect(basicInfoProblems({ ...info, ...v })).toEqual([]);
    expect(basicInfoProblems({ ...info, weightKg: 19.9 })[0].message).toBe('体重应在 20 到 200 千克之间（请按千克填写，如 55）');
    expect(basicInfoProblems({ ...info, weightKg: 200.1 })[0].field).toBe('weightKg');
  });

  it('starts from the previous assessment, with the file’s ethnicity and 养老机构 when living is not recorded', () => {
    expect(prefillBasicInfo(null, '回族')).toEqual({ ...EMPTY_BASIC_INFO, ethnicity: '回族', living: ['养老机构'] });
    expect(prefillBasicInfo({ ...info, ethnicity: '汉族', living: ['独居'] }, '回族')).toEqual({ ...info, ethnicity: '回族', living: ['独居'] });
  });
});

describe('BMI and A.5.9 营养不良', () => {
  it('computes BMI = kg ÷ m² to one decimal, null without both', () => {
    expect(bmi({ heightCm: 160, weightKg: 50 })).toBe(19.5);
    expect(bmi({ heightCm: null, weightKg: 50 })).toBeNull();
    expect(bmi({ heightCm: 160, weightKg: null })).toBeNull();
  });
  it(`suggests 有 below ${LOW_BMI} and 无 from ${LOW_BMI}`, () => {
    // The cut-off is judged on the BMI as shown (one decimal).
    expect(suggestedMalnutrition({ heightCm: 160, weightKg: 47.4 })).toBe('无'); // 18.52 → 18.5
    expect(suggestedMalnutrition({ heightCm: 160, weightKg: 47.0 })).toBe('有'); // 18.36 → 18.4
    expect(suggestedMalnutrition({ heightCm: 100, weightKg: 18.5 })).toBe('无'); // exactly 18.5
    expect(suggestedMalnutrition({ heightCm: 100, weightKg: 18.4 })).toBe('有');
    expect(suggestedMalnutrition({ heightCm: null, weightKg: 40 })).toBeNull();
  });
});

describe('昏迷 and B.3.9 意识水平', () => {
  const answers = Object.fromEntries(ITEMS.map((i) => [i.code, i.max]));
  const state = { coma: false, answers, consciousness: null, health: EMPTY_HEALTH };
  const problems = (s: { coma: boolean; answers: Record<string, number>; consciousness: 'coma' | 'stupor' | null; health: { choices: Record<string, string[]> } }) =>
    comaProblems({ coma: s.coma, answers: s.answers, consciousness: s.consciousness, a511: s.health.choices['A.5.11'] ?? [] });

  it('ticking 昏迷 scores B.3.9 = 0 as 昏迷 and A.5.11 = 有, consistent for finalisation', () => {
    const ticked = setComa(state, true);
    expect(ticked).toMatchObject({ coma: true, consciousness: 'coma', answers: { 'B.3.9': 0 } });
    expect(ticked.health.choices['A.5.11']).toEqual(['有']);
    expect(problems(ticked)).toEqual([]);
    const unticked = setComa(ticked, false);
    expect(unticked).toMatchObject({ coma: false, consciousness: null, answers: { 'B.3.9': 0 } });
    expect(problems(unticked)).toEqual([{ field: 'consciousness', message: 'B.3.9 意识水平评为 0 分：请选择老人是“昏迷”还是“昏睡”' }]);
  });

  it('scoring B.3.9 = 0 asks 昏迷 or 昏睡; 昏迷 ticks the box, 昏睡 does not; a score above 0 clears both', () => {
    const zero = setConsciousnessScore(state, 0);
    expect(problems(zero).map((p) => p.field)).toEqual(['consciousness']);
    expect(setConsciousness(zero, 'coma')).toMatchObject({ coma: true, consciousness: 'coma' });
    const stupor = setConsciousness(zero, 'stupor');
    expect(stupor).toMatchObject({ coma: false, consciousness: 'stupor' });
    expect(stupor.health.choices['A.5.11']).toEqual(['无']);
    expect(problems(stupor)).toEqual([]);
    const back = setConsciousnessScore(setConsciousness(zero, 'coma'), 1);
    expect(back).toMatchObject({ coma: false, consciousness: null, answers: { 'B.3.9': 1 } });
    expect(back.health.choices['A.5.11']).toEqual(['无']);
    expect(problems(back)).toEqual([]);
  });

  it('refuses every disagreement with its own message', () => {
    expect(problems({ ...state, coma: true })).toContainEqual({ field: 'answers.B.3.9', message: '勾选了“处于昏迷状态”，B.3.9 意识水平应评为 0 分（昏睡或昏迷）；不是昏迷请取消勾选' });
    expect(problems({ ...state, answers: { ...answers, 'B.3.9': 0 }, consciousness: 'coma' })).toEqual([{ field: 'coma', message: 'B.3.9 选择了“昏迷”，请同时勾选“处于昏迷状态”' }]);
    expect(problems({ ...state, coma: true, answers: { ...answers, 'B.3.9': 0 }, consciousness: 'stupor' })[0].message).toBe('B.3.9 选择了“昏睡”（不是昏迷），就不能勾选“处于昏迷状态”');
    expect(problems({ ...state, consciousness: 'stupor' })[0].message).toBe('只有 B.3.9 意识水平评为 0 分时才需要回答“昏迷还是昏睡”（现在是2）');
    expect(problems({ ...state, health: { choices: { 'A.5.11': ['有'] } } })).toEqual([{ field: 'health.A.5.11', message: 'A.5.11 昏迷选了“有”，与“处于昏迷状态”未勾选不一致' }]);
  });

  it('sets the level a coma leads to from the setting and names the source; the note shows both sources', () => {
    const coma = { coma: true, dementia: false, mentalDisorderByPsychiatrist: false, riskEventsLast30Days: 0 };
    expect(finalLevel(70, coma, { comaLevel: 4, riskEventThreshold: 2 })).toEqual({ preliminary: 1, final: 4, reasons: ['处于昏迷状态，直接评定为完全失能（能力等级变更依据）'] });
    expect(finalLevel(70, coma, { comaLevel: 3, riskEventThreshold: 2 })).toEqual({ preliminary: 1, final: 3, reasons: ['处于昏迷状态，直接评定为重度失能（附录 B.3.9 注）'] });
    for (const level of [3, 4] as const) expect(comaLevelNote(level)).toMatch(/完全失能”（三处资料一致）.*直接评定为重度失能/);
    expect(comaLevelNote(3)).toMatch(/^处于昏迷状态者直接评定为重度失能（本院设置/);
  });
});

describe('A.2.14 care-risk events from the incident register', () => {
  it('pre-fills only 跌倒（含坠床）、噎食、走失、自杀、自伤; 他伤, 突发疾病, 压疮, 烫伤 and the rest are left to the assessor', () => {
    expect(Object.fromEntries(INCIDENT_TYPES.map((t) => [t, INCIDENT_RISK_EVENT[t]]))).toEqual({
      fall: 'fall',
      fall_from_bed: 'fall',
      choking: 'choking',
      wandering: 'wandering',
      suicide: 'suicide',
      self_harm: 'selfHarm',
      harm: null,
      scald: null,
      pressure_sore: null,
      wrong_intake: null,
      medication_error: null,
      recreation: null,
      sudden_illness: null,
      other: null,
    });
    expect(ENUM_LABELS_ZH.incidentType.harm).toBe('他伤');
    expect([ENUM_LABELS_ZH.incidentType.suicide, ENUM_LABELS_ZH.incidentType.self_harm]).toEqual(['自杀', '自伤']);
  });
  it('reads counts stored before 自杀 had its own box, and adds all six', () => {
    const old = readRiskEvents({ fall: 1, wandering: 0, choking: 0, selfHarm: 1, other: 0 });
    expect(old.suicide).toBe(0);
    expect(riskEventTotal({ ...old, suicide: 1, other: 2 })).toBe(5);
  });
});
