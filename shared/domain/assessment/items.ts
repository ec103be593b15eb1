// GB/T 42195-2022《老年人能力评估规范》: 26 items in 4 dimensions, higher is better, total 0–90.
// Item list and maxima: ../shared/reference/domain.md §1.1 [C2]. The wording of each score level is added with the
// assessment form; the generic five-step anchors below are those most 0–4 items use [C].

export type DimensionCode = 'B1' | 'B2' | 'B3' | 'B4';

export interface AssessmentItem {
  code: string; // e.g. 'B.1.1'
  dimension: DimensionCode;
  name: string;
  max: number;
}

export const DIMENSIONS: Record<DimensionCode, { name: string; max: number }> = {
  B1: { name: '自理能力', max: 32 },
  B2: { name: '基础运动能力', max: 15 },
  B3: { name: '精神状态', max: 28 },
  B4: { name: '感知觉与社会参与', max: 15 },
};

export const ITEMS: readonly AssessmentItem[] = [
  { code: 'B.1.1', dimension: 'B1', name: '进食', max: 4 },
  { code: 'B.1.2', dimension: 'B1', name: '修饰', max: 4 },
  { code: 'B.1.3', dimension: 'B1', name: '洗澡', max: 4 },
  { code: 'B.1.4', dimension: 'B1', name: '穿/脱上衣', max: 4 },
  { code: 'B.1.5', dimension: 'B1', name: '穿/脱裤子和鞋袜', max: 4 },
  { code: 'B.1.6', dimension: 'B1', name: '小便控制', max: 4 },
  { code: 'B.1.7', dimension: 'B1', name: '大便控制', max: 4 },
  { code: 'B.1.8', dimension: 'B1', name: '如厕', max: 4 },
  { code: 'B.2.1', dimension: 'B2', name: '床上体位转移', max: 4 },
  { code: 'B.2.2', dimension: 'B2', name: '床椅转移', max: 4 },
  { code: 'B.2.3', dimension: 'B2', name: '平地行走', max: 4 },
  { code: 'B.2.4', dimension: 'B2', name: '上下楼梯', max: 3 },
  { code: 'B.3.1', dimension: 'B3', name: '时间定向', max: 4 },
  { code: 'B.3.2', dimension: 'B3', name: '空间定向', max: 4 },
  { code: 'B.3.3', dimension: 'B3', name: '人物定向', max: 4 },
  { code: 'B.3.4', dimension: 'B3', name: '记忆', max: 4 },
  { code: 'B.3.5', dimension: 'B3', name: '理解能力', max: 4 },
  { code: 'B.3.6', dimension: 'B3', name: '表达能力', max: 4 },
  { code: 'B.3.7', dimension: 'B3', name: '攻击行为', max: 1 },
  { code: 'B.3.8', dimension: 'B3', name: '抑郁症状', max: 1 },
  { code: 'B.3.9', dimension: 'B3', name: '意识水平', max: 2 },
  { code: 'B.4.1', dimension: 'B4', name: '视力', max: 2 },
  { code: 'B.4.2', dimension: 'B4', name: '听力', max: 2 },
  { code: 'B.4.3', dimension: 'B4', name: '执行日常事务', max: 4 },
  { code: 'B.4.4', dimension: 'B4', name: '使用交通工具外出', max: 3 },
  { code: 'B.4.5', dimension: 'B4', name: '社会交往能力', max: 4 },
];

/** The five-step anchors of the 0–4 items [C]. */
export const FIVE_STEP_ANCHORS: Record<number, string> = {
  4: '独立完成，不需要协助',
  3: '在他人指导或提示下完成',
  2: '需要他人协助，但以自身完成为主',
  1: '主要依靠他人协助，自身能给予配合',
  0: '完全依赖他人协助，且不能给予配合',
};

/**
 * Items whose levels are named differently from the five-step anchors. B.3.7–B.3.9 [C]; B.2.4, B.4.1, B.4.2 and B.4.4
 * are recalled from Appendix B [R] — check them against the official text before relying on the exact words.
 */
export const SPECIAL_ANCHORS: Record<string, Record<number, string>> = {
  'B.2.4': {
    3: '可独立上下楼梯（连续上下10–15个台阶），不需要协助',
    2: '在他人指导或提示下完成',
    1: '需要他人协助，但以自身完成为主',
    0: '主要依靠他人协助，或完全依赖他人协助',
  },
  'B.3.7': { 1: '未出现', 0: '近一个月内出现过攻击行为' },
  'B.3.8': { 1: '未出现', 0: '近一个月内出现过抑郁症状' },
  'B.3.9': { 2: '神志清醒', 1: '嗜睡或意识模糊', 0: '昏睡或昏迷' },
  'B.4.1': { 2: '视力正常', 1: '能看清大字体，看不清书报上的标准字体；或只能辨认物体', 0: '只能看到光、颜色和形状，或完全失明' },
  'B.4.2': { 2: '听力正常', 1: '轻声或距离2米以上听不清，需安静环境或大声说话才能听到', 0: '大声慢讲才能部分听见，或完全失聪' },
  'B.4.4': {
    3: '能自己骑车或搭乘公共交通工具外出',
    2: '能自己搭乘出租车，但不会搭乘其他公共交通工具',
    1: '有人协助或陪伴时，可搭乘公共交通工具外出',
    0: '只能在他人协助下乘出租车或私家车外出，或完全不能出门',
  },
};
