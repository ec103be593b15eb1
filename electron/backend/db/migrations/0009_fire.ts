// 0009: the fire-safety module — checkpoints and checklist items (seeded from 公安部令第61号 Art. 25–26), patrol and
// inspection rounds with their results (signed by the patroller; countersigned once by someone else), hidden dangers
// with their rectification and verification, equipment and its monthly checks, drills, fire-safety training with
// attendees, and the 24-hour duty log. Records are never deleted; rounds, results, checks and duty entries never change.
const stamp = `'2026-01-01T00:00:00.000Z', '系统默认', '2026-01-01T00:00:00.000Z', '系统默认'`;
const stamped = `
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL`;
const neverDeleted = (table: string, what: string) =>
  `CREATE TRIGGER ${table}_never_deleted BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${what}'); END;`;
const neverChanged = (table: string, what: string) =>
  `CREATE TRIGGER ${table}_never_changed BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${what}'); END;`;
const item = (n: number, list: string, text: string) => `('01900000-0000-7000-8000-0000000003${String(n).padStart(2, '0')}', '${list}', '${text}', ${n}, NULL, ${stamp})`;

const PATROL_ITEMS = ['用火、用电有无违章（私拉电线、大功率电器、电动车室内充电）', '安全出口、疏散通道是否畅通', '疏散指示标志、应急照明是否完好', '消防设施、器材和消防安全标志是否在位、完整', '常闭式防火门是否关闭，防火卷帘下是否堆物', '重点部位人员是否在岗', '其他'];
const INSPECTION_ITEMS = [
  '火灾隐患的整改情况以及防范措施的落实情况',
  '安全疏散通道、疏散指示标志、应急照明和安全出口情况',
  '消防车通道、消防水源情况',
  '灭火器材配置及有效情况',
  '用火、用电有无违章情况',
  '重点工种人员以及其他员工消防知识的掌握情况',
  '消防安全重点部位的管理情况',
  '易燃易爆危险物品和场所防火防爆措施的落实情况',
  '消防（控制室）值班情况和设施运行、记录情况',
  '防火巡查情况',
  '消防安全标志的设置情况和完好、有效情况',
  '其他需要检查的内容',
];

export const migration0009 = `
CREATE TABLE fire_checkpoints (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  sort INTEGER NOT NULL DEFAULT 0,
  retired_at TEXT,${stamped}
) STRICT;
CREATE UNIQUE INDEX fire_checkpoints_name ON fire_checkpoints(name) WHERE retired_at IS NULL;
${neverDeleted('fire_checkpoints', 'checkpoints are retired, never deleted')}

CREATE TABLE fire_check_items (
  id TEXT PRIMARY KEY,
  list TEXT NOT NULL CHECK (list IN ('patrol', 'inspection')),
  text TEXT NOT NULL,
  sort INTEGER NOT NULL,
  retired_at TEXT,${stamped}
) STRICT;
INSERT INTO fire_check_items VALUES
  ${[...PATROL_ITEMS.map((t, i) => item(i + 1, 'patrol', t)), ...INSPECTION_ITEMS.map((t, i) => item(i + 21, 'inspection', t))].join(',\n  ')};
${neverDeleted('fire_check_items', 'checklist items are retired, never deleted')}

CREATE TABLE fire_rounds (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('day_patrol', 'night_patrol', 'inspection', 'equipment_check')),
  done_at TEXT NOT NULL,
  by_id TEXT NOT NULL,
  by_name TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  countersigned_at TEXT,
  countersigned_by_id TEXT,
  countersigned_by TEXT,
  request_id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX fire_rounds_time ON fire_rounds(done_at);
${neverDeleted('fire_rounds', 'patrol and inspection records are never deleted')}
CREATE TRIGGER fire_rounds_countersign_only BEFORE UPDATE ON fire_rounds
WHEN OLD.countersigned_at IS NOT NULL OR NEW.kind IS NOT OLD.kind OR NEW.done_at IS NOT OLD.done_at OR NEW.by_id IS NOT OLD.by_id
  OR NEW.by_name IS NOT OLD.by_name OR NEW.note IS NOT OLD.note OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'a round can only be countersigned, once'); END;

CREATE TABLE fire_round_results (
  id TEXT PRIMARY KEY,
  round_id TEXT NOT NULL REFERENCES fire_rounds(id),
  checkpoint_id TEXT REFERENCES fire_checkpoints(id),
  item_id TEXT REFERENCES fire_check_items(id),
  equipment_id TEXT REFERENCES fire_equipment(id),
  result TEXT NOT NULL CHECK (result IN ('ok', 'problem')),
  note TEXT NOT NULL DEFAULT '',
  photo TEXT,
  fixed_on_spot INTEGER NOT NULL DEFAULT 0 CHECK (fixed_on_spot IN (0, 1)),
  danger_id TEXT REFERENCES fire_dangers(id)
) STRICT;
CREATE INDEX fire_round_results_round ON fire_round_results(round_id);
${neverDeleted('fire_round_results', 'patrol results are never deleted')}
${neverChanged('fire_round_results', 'patrol results are never changed')}

CREATE TABLE fire_dangers (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL CHECK (source IN ('patrol', 'inspection', 'equipment', 'report')),
  round_id TEXT REFERENCES fire_rounds(id),
  checkpoint_id TEXT REFERENCES fire_checkpoints(id),
  location TEXT NOT NULL,
  description TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('general', 'major')),
  photo TEXT,
  responsible TEXT NOT NULL,
  deadline TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'rectified', 'verified')),
  found_at TEXT NOT NULL,
  found_by_id TEXT NOT NULL,
  found_by TEXT NOT NULL,
  rectification_note TEXT,
  rectification_photo TEXT,
  rectified_at TEXT,
  rectified_by_id TEXT,
  rectified_by TEXT,
  verified_at TEXT,
  verified_by_id TEXT,
  verified_by TEXT,
  verification_note TEXT,
  request_id TEXT NOT NULL UNIQUE,${stamped}
) STRICT;
CREATE INDEX fire_dangers_status ON fire_dangers(status, deadline);
${neverDeleted('fire_dangers', 'hidden-danger records are never deleted')}

CREATE TABLE fire_equipment (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('extinguisher', 'hydrant', 'smoke_detector', 'emergency_light', 'exit_sign', 'fire_door', 'other')),
  code TEXT NOT NULL,
  spec TEXT NOT NULL DEFAULT '',
  checkpoint_id TEXT REFERENCES fire_checkpoints(id),
  location TEXT NOT NULL,
  production_date TEXT,
  expiry_date TEXT,
  last_pressure_check TEXT,
  retired_at TEXT,
  note TEXT NOT NULL DEFAULT '',${stamped}
) STRICT;
CREATE UNIQUE INDEX fire_equipment_code ON fire_equipment(code) WHERE retired_at IS NULL;
${neverDeleted('fire_equipment', 'equipment is retired, never deleted')}

CREATE TABLE fire_drills (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL,
  scenario TEXT NOT NULL,
  at_night INTEGER NOT NULL CHECK (at_night IN (0, 1)),
  bedridden INTEGER NOT NULL CHECK (bedridden IN (0, 1)),
  participants INTEGER NOT NULL CHECK (participants > 0),
  participant_names TEXT NOT NULL DEFAULT '',
  evacuation_seconds INTEGER CHECK (evacuation_seconds IS NULL OR evacuation_seconds > 0),
  evaluation TEXT NOT NULL,
  improvements TEXT NOT NULL DEFAULT '',${stamped}
) STRICT;
${neverDeleted('fire_drills', 'drill records are never deleted')}

CREATE TABLE fire_trainings (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL,
  topic TEXT NOT NULL,
  hours REAL NOT NULL,
  trainer TEXT NOT NULL,${stamped}
) STRICT;
${neverDeleted('fire_trainings', 'training records are never deleted')}
CREATE TABLE fire_training_attendees (
  training_id TEXT NOT NULL REFERENCES fire_trainings(id),
  staff_id TEXT NOT NULL REFERENCES staff(id),
  PRIMARY KEY (training_id, staff_id)
) STRICT;
${neverDeleted('fire_training_attendees', 'attendance is never deleted')}

CREATE TABLE fire_duty_log (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('entry', 'handover')),
  text TEXT NOT NULL,
  handed_to TEXT,
  by_id TEXT NOT NULL,
  by_name TEXT NOT NULL,
  request_id TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX fire_duty_log_time ON fire_duty_log(at);
${neverDeleted('fire_duty_log', 'duty-log entries are never deleted')}
${neverChanged('fire_duty_log', 'duty-log entries are never changed')}
`;
