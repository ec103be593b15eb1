// 0005: care-plan templates (per grade, per risk at a minimum grade) and each resident's plan of tasks with a
// frequency. Plans are generated from grade and risks, then adjusted; tasks are switched off, never deleted.
// Default templates have fixed ids so every centre starts the same. Frozen once released.
const stamp = `'2026-01-01T00:00:00.000Z', '系统默认', '2026-01-01T00:00:00.000Z', '系统默认'`;
const grade = (n: number) => `'01900000-0000-7000-8000-00000000000${n}'`;
const template = (n: number, kind: 'grade' | 'risk', ref: string, minRisk: string | null, task: string, frequency: object) =>
  `('01900000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}', '${kind}', ${ref}, ${minRisk ? `'${minRisk}'` : 'NULL'}, '${task}', '${JSON.stringify(frequency)}', NULL, ${stamp})`;

export const migration0005 = `
CREATE TABLE care_plan_templates (
  id TEXT PRIMARY KEY,
  trigger_kind TEXT NOT NULL CHECK (trigger_kind IN ('grade', 'risk')),
  trigger_ref TEXT NOT NULL,
  min_risk TEXT CHECK (min_risk IS NULL OR min_risk IN ('medium', 'high')),
  task TEXT NOT NULL,
  frequency TEXT NOT NULL CHECK (json_valid(frequency)),
  retired_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
INSERT INTO care_plan_templates VALUES
  ${template(1, 'grade', grade(1), null, '每日查房问候，观察精神和饮食', { kind: 'daily' })},
  ${template(2, 'grade', grade(2), null, '协助洗漱、整理床铺', { kind: 'at_times', times: ['07:00'] })},
  ${template(3, 'grade', grade(2), null, '协助洗澡', { kind: 'weekly' })},
  ${template(4, 'grade', grade(3), null, '协助进食、饮水', { kind: 'at_times', times: ['07:00', '11:30', '17:30'] })},
  ${template(5, 'grade', grade(3), null, '协助如厕或更换尿垫', { kind: 'every_hours', hours: 3 })},
  ${template(6, 'grade', grade(3), null, '床上擦浴、口腔清洁', { kind: 'daily' })},
  ${template(7, 'grade', grade(4), null, '测量并记录生命体征', { kind: 'each_shift' })},
  ${template(8, 'risk', "'pressure_sore'", 'high', '翻身并检查受压部位皮肤', { kind: 'every_hours', hours: 2 })},
  ${template(9, 'risk', "'pressure_sore'", 'medium', '检查受压部位皮肤', { kind: 'each_shift' })},
  ${template(10, 'risk', "'choking'", 'medium', '进餐时专人看护，软食小口慢喂', { kind: 'at_times', times: ['07:00', '11:30', '17:30'] })},
  ${template(11, 'risk', "'fall'", 'medium', '夜间巡视，提醒起夜开灯、穿防滑鞋', { kind: 'each_shift' })},
  ${template(12, 'risk', "'fall_from_bed'", 'medium', '检查床栏是否拉起', { kind: 'each_shift' })},
  ${template(13, 'risk', "'wandering'", 'medium', '每班清点，确认老人在院', { kind: 'each_shift' })},
  ${template(14, 'risk', "'scald'", 'medium', '检查热水温度，热水瓶不放床边', { kind: 'daily' })},
  ${template(15, 'risk', "'wrong_intake'", 'medium', '药品食品专人保管，按时发放', { kind: 'daily' })},
  ${template(16, 'risk', "'harm'", 'medium', '关注情绪变化，收好刀剪等物品', { kind: 'each_shift' })};

CREATE TABLE care_plan_tasks (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL REFERENCES residents(id),
  template_id TEXT REFERENCES care_plan_templates(id),
  task TEXT NOT NULL,
  frequency TEXT NOT NULL CHECK (json_valid(frequency)),
  source TEXT NOT NULL,
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
CREATE INDEX care_plan_tasks_resident ON care_plan_tasks(resident_id);
CREATE TRIGGER care_plan_tasks_never_deleted BEFORE DELETE ON care_plan_tasks
BEGIN SELECT RAISE(ABORT, 'care plan tasks are switched off, never deleted'); END;
CREATE TRIGGER care_plan_templates_never_deleted BEFORE DELETE ON care_plan_templates
BEGIN SELECT RAISE(ABORT, 'templates are retired, never deleted'); END;
`;
