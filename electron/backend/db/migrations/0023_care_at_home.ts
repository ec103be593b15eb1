// 0023: care at home (issue 18). Three modules over the village register:
// - homecare: services the government buys (catalogue, dated prices and subsidy per price class in fen, entitlements
//   per elder from a county document, providers and their workers, recurring plans, done and missed visits with the
//   elder's confirmation, complaints, 回访 checks that confirm or dispute a visit, and monthly settlements per provider);
// - entrusted: 分散供养特困 entrusted care (agreement with the carer and the official tier it follows, monthly checks);
// - mutualaid: pairs of helpers and helped, activities with hours, the time bank (an append-only ledger that never goes
//   below zero) and 老年协会 activities with attendance.
// The visit helpers of issue 17 become the people of mutual aid too: they gain the kind 'young_elder' (低龄老人) and a
// link to the register (a helper may be an elder on it), so the table is rebuilt with the same ids.
// Nothing here is ever deleted; records are voided or ended with a reason. Frozen once released.
const stamped = `
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL`;
const voidable = `
  request_id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by_id TEXT NOT NULL,
  created_by TEXT NOT NULL,
  voided_at TEXT,
  voided_by TEXT,
  void_reason TEXT,
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))`;
const neverDeleted = (table: string, what: string) =>
  `CREATE TRIGGER ${table}_never_deleted BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${what}'); END;`;
/** A record that can only be voided, once: every column but the void stamps stays as written. */
const voidOnly = (table: string, columns: string[], what: string) => `CREATE TRIGGER ${table}_void_only BEFORE UPDATE ON ${table}
WHEN OLD.voided_at IS NOT NULL OR ${columns.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')}
BEGIN SELECT RAISE(ABORT, '${what}'); END;`;
const HHMM = (column: string) => `${column} TEXT NOT NULL CHECK (length(${column}) = 5 AND ${column} GLOB '[0-2][0-9]:[0-5][0-9]')`;
const PRICE_CLASS = `('tekun_dispersed', 'dibao', 'disabled', 'over_80', 'ordinary')`;
const TIER = `('self_sufficient', 'partly_lost', 'fully_lost')`;

export const migration0023 = `
CREATE TABLE visit_helpers_v23 (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('village_cadre', 'volunteer', 'elder_association', 'young_elder', 'other')),
  phone TEXT NOT NULL DEFAULT '',
  village_id TEXT REFERENCES villages(id),
  elder_id TEXT REFERENCES elders(id),
  retired_at TEXT,${stamped}
) STRICT;
INSERT INTO visit_helpers_v23 (id, name, kind, phone, village_id, elder_id, retired_at, created_at, created_by, updated_at, updated_by)
SELECT id, name, kind, phone, village_id, NULL, retired_at, created_at, created_by, updated_at, updated_by FROM visit_helpers;
DROP TABLE visit_helpers;
ALTER TABLE visit_helpers_v23 RENAME TO visit_helpers;
CREATE UNIQUE INDEX visit_helpers_elder ON visit_helpers(elder_id) WHERE elder_id IS NOT NULL;
${neverDeleted('visit_helpers', 'helpers are retired, never deleted')}

-- ---- homecare
CREATE TABLE home_service_items (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('life_care', 'basic_care', 'health', 'visiting', 'comfort', 'errands', 'adaptation')),
  unit TEXT NOT NULL CHECK (unit IN ('visit', 'hour')),
  retired_at TEXT,${stamped}
) STRICT;
CREATE UNIQUE INDEX home_service_items_name ON home_service_items(name);
${neverDeleted('home_service_items', 'service items are retired, never deleted')}

CREATE TABLE home_service_prices (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES home_service_items(id),
  price_class TEXT NOT NULL CHECK (price_class IN ${PRICE_CLASS}),
  effective_from TEXT NOT NULL,
  price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
  subsidy_fen INTEGER NOT NULL CHECK (subsidy_fen >= 0 AND subsidy_fen <= price_fen),${stamped}
) STRICT;
CREATE UNIQUE INDEX home_service_prices_slot ON home_service_prices(item_id, price_class, effective_from);
${neverDeleted('home_service_prices', 'prices are never deleted; a new price starts from its date')}

CREATE TABLE home_service_entitlements (
  id TEXT PRIMARY KEY,
  elder_id TEXT NOT NULL REFERENCES elders(id),
  item_id TEXT NOT NULL REFERENCES home_service_items(id),
  -- per month, in the item's unit: minutes for an hourly item, times for a per-visit item
  monthly_quota INTEGER NOT NULL CHECK (monthly_quota > 0),
  document_no TEXT NOT NULL,
  granted_on TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  ended_on TEXT,
  end_reason TEXT,
  note TEXT NOT NULL DEFAULT '',${stamped},
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CHECK ((ended_on IS NULL) = (end_reason IS NULL))
) STRICT;
CREATE INDEX home_service_entitlements_elder ON home_service_entitlements(elder_id, item_id);
${neverDeleted('home_service_entitlements', 'entitlements are ended with a reason, never deleted')}

CREATE TABLE home_service_providers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('centre', 'organisation')),
  contact_name TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  contract_no TEXT NOT NULL DEFAULT '',
  contract_from TEXT,
  contract_to TEXT,
  retired_at TEXT,${stamped},
  CHECK (contract_to IS NULL OR contract_from IS NULL OR contract_to >= contract_from)
) STRICT;
CREATE UNIQUE INDEX home_service_providers_name ON home_service_providers(name);
${neverDeleted('home_service_providers', 'providers are retired, never deleted')}

CREATE TABLE home_service_workers (
  id TEXT PRIMARY KEY,
  provider_id TEXT NOT NULL REFERENCES home_service_providers(id),
  name TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  staff_id TEXT REFERENCES staff(id),
  retired_at TEXT,${stamped}
) STRICT;
CREATE INDEX home_service_workers_provider ON home_service_workers(provider_id);
${neverDeleted('home_service_workers', 'workers are retired, never deleted')}

-- A recurring plan (weekly on Tuesdays …); the planned visits of a period follow from it and are not stored.
CREATE TABLE home_service_plans (
  id TEXT PRIMARY KEY,
  elder_id TEXT NOT NULL REFERENCES elders(id),
  provider_id TEXT NOT NULL REFERENCES home_service_providers(id),
  worker_id TEXT REFERENCES home_service_workers(id),
  item_ids TEXT NOT NULL CHECK (json_valid(item_ids) AND json_type(item_ids) = 'array' AND json_array_length(item_ids) > 0),
  weekdays TEXT NOT NULL CHECK (json_valid(weekdays) AND json_type(weekdays) = 'array' AND json_array_length(weekdays) > 0),
  every_weeks INTEGER NOT NULL DEFAULT 1 CHECK (every_weeks IN (1, 2, 4)),
  ${HHMM('start_time')},
  minutes INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 720),
  from_on TEXT NOT NULL,
  to_on TEXT,
  ended_on TEXT,
  end_reason TEXT,${stamped},
  CHECK (to_on IS NULL OR to_on >= from_on),
  CHECK ((ended_on IS NULL) = (end_reason IS NULL))
) STRICT;
CREATE INDEX home_service_plans_elder ON home_service_plans(elder_id);
CREATE INDEX home_service_plans_provider ON home_service_plans(provider_id);
${neverDeleted('home_service_plans', 'plans are ended with a reason, never deleted')}

-- A visit done, or planned and missed. Prices are not kept here: the month's settlement prices it (and freezes the
-- priced lines); price_class says which prices apply, as the elder was when the visit was recorded.
CREATE TABLE home_service_visits (
  id TEXT PRIMARY KEY,
  elder_id TEXT NOT NULL REFERENCES elders(id),
  provider_id TEXT NOT NULL REFERENCES home_service_providers(id),
  worker_id TEXT REFERENCES home_service_workers(id),
  plan_id TEXT REFERENCES home_service_plans(id),
  outcome TEXT NOT NULL CHECK (outcome IN ('done', 'missed')),
  service_on TEXT NOT NULL,
  ${HHMM('start_time')},
  end_time TEXT CHECK (end_time IS NULL OR (length(end_time) = 5 AND end_time GLOB '[0-2][0-9]:[0-5][0-9]')),
  price_class TEXT NOT NULL CHECK (price_class IN ${PRICE_CLASS}),
  missed_reason TEXT,
  confirmation TEXT CHECK (confirmation IN ('signature', 'paper_slip', 'family')),
  signature TEXT,
  slip_no TEXT,
  confirmed_by TEXT,
  over_quota_reason TEXT,
  notes TEXT NOT NULL DEFAULT '',
  photo TEXT,${voidable},
  CHECK ((outcome = 'missed') = (missed_reason IS NOT NULL)),
  CHECK (outcome = 'missed' OR (end_time IS NOT NULL AND end_time > start_time AND confirmation IS NOT NULL)),
  CHECK (confirmation IS NOT 'signature' OR signature IS NOT NULL),
  CHECK (confirmation IS NOT 'paper_slip' OR slip_no IS NOT NULL),
  CHECK (confirmation IS NOT 'family' OR confirmed_by IS NOT NULL)
) STRICT;
CREATE INDEX home_service_visits_elder ON home_service_visits(elder_id, service_on);
CREATE INDEX home_service_visits_provider ON home_service_visits(provider_id, service_on);
CREATE INDEX home_service_visits_worker ON home_service_visits(worker_id, service_on) WHERE voided_at IS NULL;
CREATE INDEX home_service_visits_plan ON home_service_visits(plan_id, service_on) WHERE plan_id IS NOT NULL;
${neverDeleted('home_service_visits', 'service visits are voided with a reason, never deleted')}
${voidOnly(
  'home_service_visits',
  ['elder_id', 'provider_id', 'worker_id', 'plan_id', 'outcome', 'service_on', 'start_time', 'end_time', 'price_class', 'missed_reason',
    'confirmation', 'signature', 'slip_no', 'confirmed_by', 'over_quota_reason', 'notes', 'photo', 'created_at', 'created_by'],
  'a service visit can only be voided, once',
)}

-- The items done on a visit: minutes for an hourly item, times for a per-visit item.
CREATE TABLE home_service_visit_items (
  visit_id TEXT NOT NULL REFERENCES home_service_visits(id),
  item_id TEXT NOT NULL REFERENCES home_service_items(id),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (visit_id, item_id)
) STRICT;
CREATE INDEX home_service_visit_items_item ON home_service_visit_items(item_id);
${neverDeleted('home_service_visit_items', 'the items of a visit are kept with it')}
CREATE TRIGGER home_service_visit_items_read_only BEFORE UPDATE ON home_service_visit_items
BEGIN SELECT RAISE(ABORT, 'the items of a visit are kept as recorded'); END;

CREATE TABLE home_service_complaints (
  id TEXT PRIMARY KEY,
  visit_id TEXT NOT NULL REFERENCES home_service_visits(id),
  received_on TEXT NOT NULL,
  from_whom TEXT NOT NULL,
  complaint TEXT NOT NULL,
  answered_on TEXT,
  answered_by TEXT,
  answer TEXT,${stamped},
  CHECK ((answered_on IS NULL) = (answer IS NULL))
) STRICT;
CREATE INDEX home_service_complaints_visit ON home_service_complaints(visit_id);
CREATE INDEX home_service_complaints_open ON home_service_complaints(answered_on) WHERE answered_on IS NULL;
${neverDeleted('home_service_complaints', 'complaints are answered, never deleted')}

-- 回访: a done visit called back or visited, confirmed or disputed (a disputed visit is not paid). One per visit.
CREATE TABLE home_service_checks (
  id TEXT PRIMARY KEY,
  visit_id TEXT NOT NULL UNIQUE REFERENCES home_service_visits(id),
  kind TEXT NOT NULL CHECK (kind IN ('phone', 'home')),
  checked_on TEXT NOT NULL,
  checker TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('confirmed', 'disputed')),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  CHECK (outcome = 'confirmed' OR note <> '')
) STRICT;
${neverDeleted('home_service_checks', 'checks are records, never deleted')}
CREATE TRIGGER home_service_checks_read_only BEFORE UPDATE ON home_service_checks
BEGIN SELECT RAISE(ABORT, 'checks are records'); END;

-- A provider's month, priced and frozen: the totals and each priced line as settled. Voided (with a reason) to settle
-- again; never changed.
CREATE TABLE home_service_settlements (
  id TEXT PRIMARY KEY,
  provider_id TEXT NOT NULL REFERENCES home_service_providers(id),
  month TEXT NOT NULL CHECK (length(month) = 7),
  visits INTEGER NOT NULL CHECK (visits >= 0),
  disputed INTEGER NOT NULL CHECK (disputed >= 0),
  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
  disputed_fen INTEGER NOT NULL CHECK (disputed_fen >= 0),
  subsidy_fen INTEGER NOT NULL CHECK (subsidy_fen >= 0),
  personal_fen INTEGER NOT NULL CHECK (personal_fen >= 0),
  lines TEXT NOT NULL CHECK (json_valid(lines) AND json_type(lines) = 'array'),${voidable}
) STRICT;
CREATE UNIQUE INDEX home_service_settlements_once ON home_service_settlements(provider_id, month) WHERE voided_at IS NULL;
CREATE INDEX home_service_settlements_month ON home_service_settlements(month);
${neverDeleted('home_service_settlements', 'settlements are voided with a reason, never deleted')}
${voidOnly(
  'home_service_settlements',
  ['provider_id', 'month', 'visits', 'disputed', 'amount_fen', 'disputed_fen', 'subsidy_fen', 'personal_fen', 'lines', 'created_at', 'created_by'],
  'a settlement can only be voided, once',
)}

-- ---- entrusted (分散供养特困 委托照料)
CREATE TABLE entrusted_care_agreements (
  id TEXT PRIMARY KEY,
  elder_id TEXT NOT NULL REFERENCES elders(id),
  carer_kind TEXT NOT NULL CHECK (carer_kind IN ('relative', 'neighbour', 'village', 'provider')),
  carer_name TEXT NOT NULL,
  carer_phone TEXT NOT NULL DEFAULT '',
  provider_id TEXT REFERENCES home_service_providers(id),
  parties TEXT NOT NULL,
  duties TEXT NOT NULL DEFAULT '',
  -- the official tier it follows (the county's decision, entered from its paper)
  tier TEXT NOT NULL CHECK (tier IN ${TIER}),
  care_tier INTEGER CHECK (care_tier IN (1, 2, 3)),
  tier_document_no TEXT NOT NULL,
  tier_decided_on TEXT NOT NULL,
  monthly_subsidy_fen INTEGER NOT NULL CHECK (monthly_subsidy_fen >= 0),
  signed_on TEXT NOT NULL,
  elder_consent INTEGER NOT NULL CHECK (elder_consent = 1),
  from_on TEXT NOT NULL,
  to_on TEXT,
  photo TEXT,
  ended_on TEXT,
  end_reason TEXT,${stamped},
  CHECK (to_on IS NULL OR to_on >= from_on),
  CHECK ((ended_on IS NULL) = (end_reason IS NULL)),
  CHECK ((carer_kind = 'provider') = (provider_id IS NOT NULL))
) STRICT;
CREATE INDEX entrusted_care_agreements_elder ON entrusted_care_agreements(elder_id, from_on);
${neverDeleted('entrusted_care_agreements', 'care agreements are ended with a reason, never deleted')}

-- The monthly check that the care is delivered; it is also a visit (visit_id: the register's visit it was recorded as).
CREATE TABLE entrusted_care_checks (
  id TEXT PRIMARY KEY,
  agreement_id TEXT NOT NULL REFERENCES entrusted_care_agreements(id),
  elder_id TEXT NOT NULL REFERENCES elders(id),
  month TEXT NOT NULL CHECK (length(month) = 7),
  checked_on TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('phone', 'home', 'video')),
  visit_id TEXT REFERENCES elder_visits(id),
  delivered TEXT NOT NULL CHECK (delivered IN ('yes', 'partly', 'no')),
  carer_rating TEXT NOT NULL CHECK (carer_rating IN ('good', 'fair', 'poor')),
  findings TEXT NOT NULL DEFAULT '',
  checker TEXT NOT NULL,${voidable},
  CHECK (substr(checked_on, 1, 7) = month),
  CHECK (delivered = 'yes' OR findings <> '')
) STRICT;
CREATE INDEX entrusted_care_checks_agreement ON entrusted_care_checks(agreement_id, month);
CREATE INDEX entrusted_care_checks_month ON entrusted_care_checks(month) WHERE voided_at IS NULL;
${neverDeleted('entrusted_care_checks', 'care checks are voided with a reason, never deleted')}
${voidOnly(
  'entrusted_care_checks',
  ['agreement_id', 'elder_id', 'month', 'checked_on', 'kind', 'visit_id', 'delivered', 'carer_rating', 'findings', 'checker', 'created_at', 'created_by'],
  'a care check can only be voided, once',
)}

-- ---- mutualaid
CREATE TABLE aid_pairs (
  id TEXT PRIMARY KEY,
  helper_id TEXT NOT NULL REFERENCES visit_helpers(id),
  elder_id TEXT NOT NULL REFERENCES elders(id),
  since TEXT NOT NULL,
  ended_on TEXT,
  end_reason TEXT,
  note TEXT NOT NULL DEFAULT '',${stamped},
  CHECK ((ended_on IS NULL) = (end_reason IS NULL))
) STRICT;
CREATE UNIQUE INDEX aid_pairs_open ON aid_pairs(helper_id, elder_id) WHERE ended_on IS NULL;
CREATE INDEX aid_pairs_elder ON aid_pairs(elder_id);
${neverDeleted('aid_pairs', 'pairs are ended with a reason, never deleted')}

-- Hours given; points_tenths is what the time bank credited for it (0 until checked, when the setting asks for a check).
CREATE TABLE aid_activities (
  id TEXT PRIMARY KEY,
  helper_id TEXT NOT NULL REFERENCES visit_helpers(id),
  elder_id TEXT REFERENCES elders(id),
  pair_id TEXT REFERENCES aid_pairs(id),
  kind TEXT NOT NULL CHECK (kind IN ('company', 'shopping', 'help', 'visit')),
  done_on TEXT NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 720),
  note TEXT NOT NULL DEFAULT '',
  checked_at TEXT,
  checked_by TEXT,${voidable}
) STRICT;
CREATE INDEX aid_activities_helper ON aid_activities(helper_id, done_on);
CREATE INDEX aid_activities_elder ON aid_activities(elder_id, done_on) WHERE elder_id IS NOT NULL;
CREATE INDEX aid_activities_day ON aid_activities(done_on);
${neverDeleted('aid_activities', 'activities are voided with a reason, never deleted')}
CREATE TRIGGER aid_activities_check_or_void_only BEFORE UPDATE ON aid_activities
WHEN OLD.voided_at IS NOT NULL OR (OLD.checked_at IS NOT NULL AND NEW.checked_at IS NOT OLD.checked_at)
  OR NEW.helper_id IS NOT OLD.helper_id OR NEW.elder_id IS NOT OLD.elder_id OR NEW.pair_id IS NOT OLD.pair_id
  OR NEW.kind IS NOT OLD.kind OR NEW.done_on IS NOT OLD.done_on OR NEW.minutes IS NOT OLD.minutes OR NEW.note IS NOT OLD.note
  OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
BEGIN SELECT RAISE(ABORT, 'an activity can only be checked once and voided once'); END;

-- The time bank: points in tenths, signed (earned +, redeemed −, corrections either way). Append-only; the balance is
-- the sum and may never go below zero, which this table refuses too.
CREATE TABLE time_bank_entries (
  id TEXT PRIMARY KEY,
  helper_id TEXT NOT NULL REFERENCES visit_helpers(id),
  kind TEXT NOT NULL CHECK (kind IN ('earn', 'redeem', 'correct')),
  points_tenths INTEGER NOT NULL CHECK (points_tenths <> 0),
  entry_on TEXT NOT NULL,
  activity_id TEXT REFERENCES aid_activities(id),
  redeemed_for TEXT,
  note TEXT NOT NULL DEFAULT '',
  request_id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  CHECK (kind <> 'earn' OR points_tenths > 0),
  CHECK (kind <> 'redeem' OR (points_tenths < 0 AND redeemed_for IS NOT NULL)),
  CHECK (kind = 'redeem' OR redeemed_for IS NULL),
  CHECK (kind = 'earn' OR activity_id IS NULL OR points_tenths < 0),
  CHECK (kind <> 'correct' OR note <> '')
) STRICT;
CREATE INDEX time_bank_entries_helper ON time_bank_entries(helper_id, entry_on);
CREATE INDEX time_bank_entries_activity ON time_bank_entries(activity_id) WHERE activity_id IS NOT NULL;
${neverDeleted('time_bank_entries', 'time-bank entries are never deleted; correct with a new entry')}
CREATE TRIGGER time_bank_entries_read_only BEFORE UPDATE ON time_bank_entries
BEGIN SELECT RAISE(ABORT, 'time-bank entries are never changed; correct with a new entry'); END;
CREATE TRIGGER time_bank_entries_never_negative BEFORE INSERT ON time_bank_entries
WHEN (SELECT coalesce(sum(points_tenths), 0) FROM time_bank_entries WHERE helper_id = NEW.helper_id) + NEW.points_tenths < 0
BEGIN SELECT RAISE(ABORT, 'a time-bank balance never goes below zero'); END;

-- 老年协会 activities and who came (an elder on the register or a helper: exactly one).
CREATE TABLE association_activities (
  id TEXT PRIMARY KEY,
  village_id TEXT REFERENCES villages(id),
  held_on TEXT NOT NULL,
  title TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  cancelled_at TEXT,
  cancel_reason TEXT,${stamped},
  CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL))
) STRICT;
CREATE INDEX association_activities_day ON association_activities(held_on);
${neverDeleted('association_activities', 'activities are cancelled with a reason, never deleted')}

CREATE TABLE association_attendance (
  id TEXT PRIMARY KEY,
  activity_id TEXT NOT NULL REFERENCES association_activities(id),
  elder_id TEXT REFERENCES elders(id),
  helper_id TEXT REFERENCES visit_helpers(id),
  removed_at TEXT,
  removed_by TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  CHECK ((elder_id IS NULL) <> (helper_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX association_attendance_once ON association_attendance(activity_id, coalesce(elder_id, helper_id)) WHERE removed_at IS NULL;
${neverDeleted('association_attendance', 'attendance is marked removed, never deleted')}
`;
