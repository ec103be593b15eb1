// 0008: the meals module — diet types with texture, residents' avoidances, weekly menus, served meals with their
// counts frozen, the kitchen's count adjustments, 助餐 diners with dated prices and servings, and food samples.
// Servings and samples change only once (a cancellation, a disposal); nothing here is ever deleted. Frozen once released.
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
const MEAL = `CHECK (meal IN ('breakfast', 'lunch', 'dinner', 'snack'))`;

export const migration0008 = `
ALTER TABLE residents ADD COLUMN avoidances TEXT NOT NULL DEFAULT '';

CREATE TABLE diet_types (
  code TEXT PRIMARY KEY,
  texture TEXT NOT NULL,
  in_use INTEGER NOT NULL CHECK (in_use IN (0, 1)),${stamped}
) STRICT;
INSERT INTO diet_types VALUES
  ('regular', '正常软硬，不限', 1, ${stamp}),
  ('soft', '软烂、少渣，易咀嚼', 1, ${stamp}),
  ('semi_liquid', '粥、烂面条、蛋羹等半流质', 1, ${stamp}),
  ('liquid', '米汤、牛奶、匀浆等流质', 1, ${stamp}),
  ('diabetic', '控糖，主食定量，少精米白面', 1, ${stamp}),
  ('low_salt', '每日盐少于5克，少油', 1, ${stamp}),
  ('tube_feeding', '鼻饲匀浆，按医嘱定量', 1, ${stamp}),
  ('halal', '清真，单独制作', 1, ${stamp}),
  ('other', '按个人情况', 1, ${stamp});
${neverDeleted('diet_types', 'diet types are switched off, never deleted')}

CREATE TABLE menu_entries (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL,
  meal TEXT NOT NULL ${MEAL},
  diet_type TEXT NOT NULL REFERENCES diet_types(code),
  dishes TEXT NOT NULL CHECK (json_valid(dishes)),${stamped}
) STRICT;
CREATE UNIQUE INDEX menu_entries_slot ON menu_entries(date, meal, diet_type);
${neverDeleted('menu_entries', 'menus are cleared, never deleted')}

CREATE TABLE meal_adjustments (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL,
  meal TEXT NOT NULL ${MEAL},
  diet_type TEXT NOT NULL REFERENCES diet_types(code),
  delta INTEGER NOT NULL,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE INDEX meal_adjustments_slot ON meal_adjustments(date, meal);
${neverDeleted('meal_adjustments', 'count adjustments are never deleted')}
${neverChanged('meal_adjustments', 'count adjustments are never changed; add another')}

CREATE TABLE meal_services (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL,
  meal TEXT NOT NULL ${MEAL},
  counts TEXT NOT NULL CHECK (json_valid(counts)),
  resident_total INTEGER NOT NULL CHECK (resident_total >= 0),
  served_at TEXT NOT NULL,
  served_by_id TEXT NOT NULL,
  served_by TEXT NOT NULL,
  request_id TEXT NOT NULL UNIQUE
) STRICT;
CREATE UNIQUE INDEX meal_services_slot ON meal_services(date, meal);
${neverDeleted('meal_services', 'served meals are never deleted')}
${neverChanged('meal_services', 'served meals are never changed')}

CREATE TABLE meal_aid_diners (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_initials TEXT NOT NULL,
  id_number TEXT NOT NULL UNIQUE,
  sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
  birth_date TEXT NOT NULL,
  village TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('tekun_dispersed', 'dibao', 'elderly', 'disabled', 'ordinary')),
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  route TEXT NOT NULL DEFAULT '',
  default_mode TEXT NOT NULL CHECK (default_mode IN ('dine_in', 'delivery')),
  left_on TEXT,
  note TEXT NOT NULL DEFAULT '',${stamped}
) STRICT;
${neverDeleted('meal_aid_diners', 'diners are kept; set the leaving date instead')}

CREATE TABLE meal_aid_prices (
  id TEXT PRIMARY KEY,
  category TEXT NOT NULL CHECK (category IN ('tekun_dispersed', 'dibao', 'elderly', 'disabled', 'ordinary')),
  meal TEXT NOT NULL ${MEAL},
  effective_from TEXT NOT NULL,
  price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
  subsidy_fen INTEGER NOT NULL CHECK (subsidy_fen >= 0 AND subsidy_fen <= price_fen),${stamped}
) STRICT;
CREATE UNIQUE INDEX meal_aid_prices_slot ON meal_aid_prices(category, meal, effective_from);
${neverDeleted('meal_aid_prices', 'prices are never deleted; a new price starts from its date')}

CREATE TABLE meal_aid_servings (
  id TEXT PRIMARY KEY,
  diner_id TEXT NOT NULL REFERENCES meal_aid_diners(id),
  date TEXT NOT NULL,
  meal TEXT NOT NULL ${MEAL},
  mode TEXT NOT NULL CHECK (mode IN ('dine_in', 'delivery')),
  category TEXT NOT NULL,
  price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
  subsidy_fen INTEGER NOT NULL CHECK (subsidy_fen >= 0),
  request_id TEXT NOT NULL UNIQUE,
  cancelled_at TEXT,
  cancelled_by TEXT,
  cancel_reason TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX meal_aid_servings_once ON meal_aid_servings(diner_id, date, meal) WHERE cancelled_at IS NULL;
CREATE INDEX meal_aid_servings_date ON meal_aid_servings(date, meal);
${neverDeleted('meal_aid_servings', 'servings are cancelled with a reason, never deleted')}
CREATE TRIGGER meal_aid_servings_cancel_only BEFORE UPDATE ON meal_aid_servings
WHEN OLD.cancelled_at IS NOT NULL OR NEW.diner_id IS NOT OLD.diner_id OR NEW.date IS NOT OLD.date OR NEW.meal IS NOT OLD.meal
  OR NEW.mode IS NOT OLD.mode OR NEW.price_fen IS NOT OLD.price_fen OR NEW.subsidy_fen IS NOT OLD.subsidy_fen
  OR NEW.category IS NOT OLD.category OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
BEGIN SELECT RAISE(ABORT, 'a serving can only be cancelled, once'); END;

CREATE TABLE food_samples (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL,
  meal TEXT NOT NULL ${MEAL},
  dish TEXT NOT NULL,
  amount_grams REAL NOT NULL CHECK (amount_grams > 0),
  sampled_at TEXT NOT NULL,
  fridge TEXT NOT NULL,
  sampled_by_id TEXT NOT NULL,
  sampled_by TEXT NOT NULL,
  request_id TEXT NOT NULL UNIQUE,
  disposed_at TEXT,
  disposed_by TEXT,
  early_reason TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX food_samples_slot ON food_samples(date, meal);
${neverDeleted('food_samples', 'sample records are never deleted')}
CREATE TRIGGER food_samples_dispose_only BEFORE UPDATE ON food_samples
WHEN OLD.disposed_at IS NOT NULL OR NEW.date IS NOT OLD.date OR NEW.meal IS NOT OLD.meal OR NEW.dish IS NOT OLD.dish
  OR NEW.amount_grams IS NOT OLD.amount_grams OR NEW.sampled_at IS NOT OLD.sampled_at OR NEW.fridge IS NOT OLD.fridge
  OR NEW.sampled_by IS NOT OLD.sampled_by OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'a sample record can only be marked disposed, once'); END;
`;
