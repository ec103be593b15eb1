// GB/T 42195-2022 A.5 健康相关问题: recorded on the assessment form and printed on the report, not scored.
// Items and options are the standard's own words (../shared/reference/gbt42195-appendix-b.md [C]).

export interface HealthItem {
  code: string; // e.g. 'A.5.1'
  name: string;
  /** 可多选 in the standard. */
  multiple: boolean;
  options: readonly string[];
}

/** The option that means "nothing of this kind"; it cannot be chosen together with another option. */
const NONE = new Set(['无', '无缺失', '无义齿', '无疼痛感']);

export const HEALTH_ITEMS: readonly HealthItem[] = [
  {
    code: 'A.5.1',
    name: '压力性损伤',
    multiple: false,
    options: [
      '无',
      'Ⅰ期 皮肤完好，出现指压不会变白的红印',
      'Ⅱ期 皮肤真皮层损失、暴露，出现水泡',
      'Ⅲ期 全层皮肤缺失，可见脂肪、肉芽组织以及边缘内卷',
      'Ⅳ期 全层皮肤、组织缺失，可见肌腱、肌肉、腱膜，以及边缘内卷，伴随隧道、潜行',
      '不可分期 全身皮肤、组织被腐肉、焦痂掩盖，无法确认组织缺失程度',
    ],
  },
  { code: 'A.5.2', name: '关节活动度', multiple: false, options: ['无', '是，影响日常生活功能', '无法判断'] },
  { code: 'A.5.3', name: '伤口情况', multiple: true, options: ['无', '擦伤', '烧烫伤', '术后伤口', '糖尿病足溃疡', '血管性溃疡', '其他伤口'] },
  { code: 'A.5.4', name: '特殊护理情况', multiple: true, options: ['无', '胃管', '尿管', '气管切开', '胃/肠/膀胱造瘘', '无创呼吸机', '透析', '其他'] },
  {
    code: 'A.5.5',
    name: '疼痛感（通过表情反应和询问来判断）',
    multiple: false,
    options: ['无疼痛感', '轻度疼痛', '中度疼痛（尚可忍受）', '重度疼痛（无法忍受）', '不知道或无法判断'],
  },
  {
    code: 'A.5.6',
    name: '牙齿缺失情况',
    multiple: true,
    options: [
      '无缺失',
      '牙体缺损（如龋齿、楔状缺损）',
      '牙列缺损：非对位牙缺失',
      '牙列缺损：单侧对位牙缺失',
      '牙列缺损：双侧对位牙缺失',
      '牙列缺失：上颌牙缺失',
      '牙列缺失：下颌牙缺失',
      '牙列缺失：全口牙缺失',
    ],
  },
  { code: 'A.5.7', name: '义齿佩戴情况', multiple: true, options: ['无义齿', '固定义齿', '可摘局部义齿', '可摘全/半口义齿'] },
  {
    code: 'A.5.8',
    name: '吞咽困难的情形和症状',
    multiple: true,
    options: [
      '无',
      '抱怨吞咽困难或吞咽时会疼痛',
      '吃东西或喝水时出现咳嗽或呛咳',
      '用餐后嘴中仍含着食物或留有残余食物',
      '当喝或吃流质或者固体的食物时，食物会从嘴角边流失',
      '有流口水的情况',
    ],
  },
  { code: 'A.5.9', name: '营养不良：体质指数（BMI）低于正常值', multiple: false, options: ['无', '有'] },
  { code: 'A.5.10', name: '清理呼吸道无效', multiple: false, options: ['无', '有'] },
  { code: 'A.5.11', name: '昏迷', multiple: false, options: ['无', '有'] },
];

/** A.5.12 其他 is free text; the joint sites of A.5.2 are written beside it. */
export interface HealthAnswers {
  choices: Record<string, string[]>;
  /** A.5.2 部位, when joint movement affects daily life. */
  jointSites: string;
  /** A.5.12 其他. */
  other: string;
}

export const EMPTY_HEALTH: HealthAnswers = { choices: {}, jointSites: '', other: '' };

/** Problems with recorded A.5 answers, each a Chinese sentence naming the item; empty when all is well. */
export function healthProblems(health: HealthAnswers): { code: string; message: string }[] {
  const problems: { code: string; message: string }[] = [];
  for (const [code, chosen] of Object.entries(health.choices)) {
    const item = HEALTH_ITEMS.find((i) => i.code === code);
    if (!item) {
      problems.push({ code, message: `没有这个健康相关问题：${code}` });
      continue;
    }
    const label = `${item.code} ${item.name}`;
    const unknown = chosen.filter((c) => !item.options.includes(c));
    if (unknown.length) problems.push({ code, message: `${label}没有“${unknown[0]}”这一选项` });
    else if (new Set(chosen).size !== chosen.length) problems.push({ code, message: `${label}的选项重复了` });
    else if (!item.multiple && chosen.length > 1) problems.push({ code, message: `${label}只能选一项` });
    else if (chosen.length > 1 && chosen.some((c) => NONE.has(c))) problems.push({ code, message: `${label}选了“${chosen.find((c) => NONE.has(c))}”，就不能再选其他情况` });
  }
  return problems;
}
