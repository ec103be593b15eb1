// 0024: health and medicines (issue 19). Two modules:
// - medication: the centre's drug list; residents' medication orders (never edited: stopped, and a new one starts);
//   服药管理协议; the doses of the rounds (one row per scheduled dose, never given twice — a correction is a new row
//   that supersedes it); medicines kept for residents (代管药品): batches received, a stock ledger per batch that only
//   grows and never goes below zero, counts (盘点) with a reason for every difference, returns and destruction with a
//   witness;
// - health: yearly check-ups, family-doctor contracts, doctors' visits to the centre and the residents they saw,
//   hospital referrals, a monthly health entry per resident, and the pressure-injury register with its reviews.
// Incidents gain the kind 'medication_error' (GB 38600 食品药品误食) with what went wrong and the dose it concerns.
// Nothing here is ever deleted. Frozen once released.
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
const neverChanged = (table: string, what: string) =>
  `CREATE TRIGGER ${table}_never_changed BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${what}'); END;`;
/** A record that can only be voided, once: every column but the void stamps stays as written. */
const voidOnly = (table: string, columns: string[], what: string) => `CREATE TRIGGER ${table}_void_only BEFORE UPDATE ON ${table}
WHEN OLD.voided_at IS NOT NULL OR ${columns.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')}
BEGIN SELECT RAISE(ABORT, '${what}'); END;`;
const HHMM_LIST = (column: string) =>
  `${column} TEXT NOT NULL CHECK (json_valid(${column}) AND json_type(${column}) = 'array')`;

export const migration0024 = `
-- ---- medication
CREATE TABLE drugs (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) > 0),
  form TEXT NOT NULL CHECK (form IN ('tablet', 'capsule', 'granule', 'liquid', 'injection', 'drops', 'inhaler', 'patch', 'ointment', 'suppository', 'other')),
  strength TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL CHECK (unit IN ('tablet', 'capsule', 'sachet', 'ml', 'drop', 'puff', 'unit', 'patch', 'ampoule', 'g', 'piece')),
  high_alert TEXT NOT NULL DEFAULT 'none' CHECK (high_alert IN ('none', 'insulin', 'anticoagulant', 'opioid', 'hypoglycaemic', 'other')),
  note TEXT NOT NULL DEFAULT '',
  retired_at TEXT,${stamped}
) STRICT;
CREATE UNIQUE INDEX drugs_identity ON drugs(name, form, strength);
${neverDeleted('drugs', 'drugs are retired, never deleted')}

-- 服药管理协议 (GB/T 35796-2017 5.6.2.5): signed before the centre manages a resident's medicines.
CREATE TABLE medication_agreements (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL REFERENCES residents(id),
  signed_on TEXT NOT NULL,
  signed_by TEXT NOT NULL CHECK (length(signed_by) > 0),
  relation TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  photo TEXT,
  ended_on TEXT,
  end_reason TEXT,${stamped},
  CHECK ((ended_on IS NULL) = (end_reason IS NULL))
) STRICT;
CREATE UNIQUE INDEX medication_agreements_open ON medication_agreements(resident_id) WHERE ended_on IS NULL;
${neverDeleted('medication_agreements', 'agreements are ended, never deleted')}

CREATE TABLE doctor_visits (
  id TEXT PRIMARY KEY,
  visited_on TEXT NOT NULL,
  doctor TEXT NOT NULL CHECK (length(doctor) > 0),
  institution TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',${voidable}
) STRICT;
CREATE INDEX doctor_visits_day ON doctor_visits(visited_on);
${neverDeleted('doctor_visits', 'doctors visits are voided, never deleted')}
${voidOnly('doctor_visits', ['visited_on', 'doctor', 'institution', 'note'], 'a doctors visit is never changed; void it and record it again')}

CREATE TABLE doctor_visit_residents (
  visit_id TEXT NOT NULL REFERENCES doctor_visits(id),
  resident_id TEXT NOT NULL REFERENCES residents(id),
  findings TEXT NOT NULL DEFAULT '',
  advice TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (visit_id, resident_id)
) STRICT;
CREATE INDEX doctor_visit_residents_resident ON doctor_visit_residents(resident_id);
${neverDeleted('doctor_visit_residents', 'doctors visits are voided, never deleted')}
${neverChanged('doctor_visit_residents', 'a doctors visit is never changed; void it and record it again')}

CREATE TABLE medication_orders (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL REFERENCES residents(id),
  drug_id TEXT NOT NULL REFERENCES drugs(id),
  prescriber TEXT NOT NULL CHECK (length(prescriber) > 0),
  prescriber_kind TEXT NOT NULL CHECK (prescriber_kind IN ('township_hospital', 'village_clinic', 'family_doctor', 'hospital', 'other')),
  institution TEXT NOT NULL DEFAULT '',
  prescribed_on TEXT NOT NULL,
  -- in hundredths of the drug's unit: 0.5 片 = 50
  dose_centi INTEGER NOT NULL CHECK (dose_centi > 0),
  route TEXT NOT NULL CHECK (route IN ('oral', 'sublingual', 'subcutaneous', 'intramuscular', 'inhaled', 'topical', 'eye', 'ear', 'nasal', 'rectal', 'other')),
  frequency TEXT NOT NULL CHECK (frequency IN ('qd', 'bid', 'tid', 'qid', 'qn', 'times', 'prn')),
  -- the dose times 'HH:MM' kept on the order (a later change of the centre's times never moves an order): [] for 按需
  ${HHMM_LIST('times')},
  meal_relation TEXT NOT NULL CHECK (meal_relation IN ('any', 'before', 'with', 'after')),
  prn_max_per_day INTEGER CHECK (prn_max_per_day IS NULL OR prn_max_per_day > 0),
  prn_indication TEXT NOT NULL DEFAULT '',
  supply TEXT NOT NULL CHECK (supply IN ('kept', 'self')),
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  doctor_visit_id TEXT REFERENCES doctor_visits(id),
  -- the order this one follows (a change is: stop the old, start this)
  replaces_id TEXT REFERENCES medication_orders(id),
  stopped_at TEXT,
  stopped_on TEXT,
  stopped_by TEXT,
  stop_reason TEXT,
  request_id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by_id TEXT NOT NULL,
  created_by TEXT NOT NULL,
  CHECK (ends_on IS NULL OR ends_on >= starts_on),
  CHECK ((frequency = 'prn') = (prn_max_per_day IS NOT NULL)),
  CHECK (frequency <> 'prn' OR length(prn_indication) > 0),
  CHECK (frequency = 'prn' OR json_array_length(times) > 0),
  CHECK ((stopped_at IS NULL) = (stop_reason IS NULL) AND (stopped_at IS NULL) = (stopped_on IS NULL))
) STRICT;
CREATE INDEX medication_orders_resident ON medication_orders(resident_id, starts_on);
${neverDeleted('medication_orders', 'orders are stopped, never deleted')}
CREATE TRIGGER medication_orders_stop_only BEFORE UPDATE ON medication_orders
WHEN OLD.stopped_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.resident_id IS NOT OLD.resident_id OR NEW.drug_id IS NOT OLD.drug_id
  OR NEW.prescriber IS NOT OLD.prescriber OR NEW.prescriber_kind IS NOT OLD.prescriber_kind OR NEW.institution IS NOT OLD.institution
  OR NEW.prescribed_on IS NOT OLD.prescribed_on OR NEW.dose_centi IS NOT OLD.dose_centi OR NEW.route IS NOT OLD.route
  OR NEW.frequency IS NOT OLD.frequency OR NEW.times IS NOT OLD.times OR NEW.meal_relation IS NOT OLD.meal_relation
  OR NEW.prn_max_per_day IS NOT OLD.prn_max_per_day OR NEW.prn_indication IS NOT OLD.prn_indication OR NEW.supply IS NOT OLD.supply
  OR NEW.starts_on IS NOT OLD.starts_on OR NEW.ends_on IS NOT OLD.ends_on OR NEW.note IS NOT OLD.note
  OR NEW.doctor_visit_id IS NOT OLD.doctor_visit_id OR NEW.replaces_id IS NOT OLD.replaces_id OR NEW.request_id IS NOT OLD.request_id
BEGIN SELECT RAISE(ABORT, 'an order is never edited; stop it and start a new one'); END;

-- 代管药品: one row per receipt (a batch of one drug for one resident).
CREATE TABLE medicine_batches (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL REFERENCES residents(id),
  drug_id TEXT NOT NULL REFERENCES drugs(id),
  batch_no TEXT NOT NULL CHECK (length(batch_no) > 0),
  expires_on TEXT NOT NULL,
  received_on TEXT NOT NULL,
  quantity_centi INTEGER NOT NULL CHECK (quantity_centi > 0),
  source TEXT NOT NULL CHECK (source IN ('family', 'township_hospital', 'hospital', 'pharmacy', 'self', 'other')),
  from_whom TEXT NOT NULL CHECK (length(from_whom) > 0),
  note TEXT NOT NULL DEFAULT '',
  request_id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by_id TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE INDEX medicine_batches_resident_drug ON medicine_batches(resident_id, drug_id, expires_on);
${neverDeleted('medicine_batches', 'kept medicines are returned or destroyed, never deleted')}
${neverChanged('medicine_batches', 'a receipt is never changed; correct it with a count')}

CREATE TABLE medicine_counts (
  id TEXT PRIMARY KEY,
  counted_on TEXT NOT NULL,
  witness TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  request_id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by_id TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
${neverDeleted('medicine_counts', 'counts are never deleted')}
${neverChanged('medicine_counts', 'a count is never changed; count again')}

CREATE TABLE medicine_count_lines (
  count_id TEXT NOT NULL REFERENCES medicine_counts(id),
  batch_id TEXT NOT NULL REFERENCES medicine_batches(id),
  expected_centi INTEGER NOT NULL,
  counted_centi INTEGER NOT NULL CHECK (counted_centi >= 0),
  reason TEXT NOT NULL DEFAULT '',
  CHECK (expected_centi = counted_centi OR length(reason) > 0),
  PRIMARY KEY (count_id, batch_id)
) STRICT;
${neverDeleted('medicine_count_lines', 'counts are never deleted')}
${neverChanged('medicine_count_lines', 'a count is never changed; count again')}

CREATE TABLE medication_doses (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES medication_orders(id),
  resident_id TEXT NOT NULL REFERENCES residents(id),
  -- the scheduled time (ISO instant) and its 'HH:MM' and China date; all NULL for a 按需 dose
  due_at TEXT,
  slot TEXT,
  dose_date TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('given', 'refused', 'held', 'not_available')),
  reason TEXT NOT NULL DEFAULT '',
  given_at TEXT NOT NULL,
  dose_centi INTEGER NOT NULL CHECK (dose_centi >= 0),
  -- minutes after due_at + the allowed delay, when recorded late (a setting)
  late_minutes INTEGER,
  checker_id TEXT,
  checker_name TEXT,
  prn_effect TEXT,
  prn_effect_at TEXT,
  prn_effect_by TEXT,
  shift_id TEXT,
  shift_date TEXT,
  amends_id TEXT REFERENCES medication_doses(id),
  amend_reason TEXT,
  request_id TEXT NOT NULL UNIQUE,
  recorded_at TEXT NOT NULL,
  recorded_by_id TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  CHECK ((due_at IS NULL) = (slot IS NULL)),
  CHECK ((amends_id IS NULL) = (amend_reason IS NULL)),
  CHECK ((checker_id IS NULL) = (checker_name IS NULL)),
  CHECK (checker_id IS NULL OR checker_id <> recorded_by_id),
  CHECK (outcome <> 'held' OR length(reason) > 0),
  CHECK ((prn_effect IS NULL) = (prn_effect_at IS NULL))
) STRICT;
-- a scheduled dose is recorded once; a correction is a new row that points at it
CREATE UNIQUE INDEX medication_doses_once ON medication_doses(order_id, due_at) WHERE due_at IS NOT NULL AND amends_id IS NULL;
CREATE UNIQUE INDEX medication_doses_amended_once ON medication_doses(amends_id) WHERE amends_id IS NOT NULL;
CREATE INDEX medication_doses_resident_day ON medication_doses(resident_id, dose_date);
CREATE INDEX medication_doses_order_day ON medication_doses(order_id, dose_date);
${neverDeleted('medication_doses', 'doses are corrected by a new record, never deleted')}
CREATE TRIGGER medication_doses_effect_only BEFORE UPDATE ON medication_doses
WHEN OLD.prn_effect IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.order_id IS NOT OLD.order_id OR NEW.resident_id IS NOT OLD.resident_id
  OR NEW.due_at IS NOT OLD.due_at OR NEW.slot IS NOT OLD.slot OR NEW.dose_date IS NOT OLD.dose_date OR NEW.outcome IS NOT OLD.outcome
  OR NEW.reason IS NOT OLD.reason OR NEW.given_at IS NOT OLD.given_at OR NEW.dose_centi IS NOT OLD.dose_centi
  OR NEW.late_minutes IS NOT OLD.late_minutes OR NEW.checker_id IS NOT OLD.checker_id OR NEW.checker_name IS NOT OLD.checker_name
  OR NEW.shift_id IS NOT OLD.shift_id OR NEW.shift_date IS NOT OLD.shift_date OR NEW.amends_id IS NOT OLD.amends_id
  OR NEW.amend_reason IS NOT OLD.amend_reason OR NEW.request_id IS NOT OLD.request_id OR NEW.recorded_at IS NOT OLD.recorded_at
  OR NEW.recorded_by_id IS NOT OLD.recorded_by_id OR NEW.recorded_by IS NOT OLD.recorded_by
BEGIN SELECT RAISE(ABORT, 'a dose is never changed; only the effect of a PRN dose is added, once'); END;

-- the stock ledger of kept batches: append-only, a batch never below zero
CREATE TABLE medicine_movements (
  id TEXT PRIMARY KEY,
  batch_id TEXT NOT NULL REFERENCES medicine_batches(id),
  kind TEXT NOT NULL CHECK (kind IN ('received', 'given', 'dose_corrected', 'count', 'returned', 'destroyed')),
  quantity_centi INTEGER NOT NULL CHECK (quantity_centi <> 0),
  at TEXT NOT NULL,
  dose_id TEXT REFERENCES medication_doses(id),
  count_id TEXT REFERENCES medicine_counts(id),
  reason TEXT NOT NULL DEFAULT '',
  witness TEXT NOT NULL DEFAULT '',
  recorded_by_id TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  CHECK ((kind <> 'given' AND kind <> 'dose_corrected') OR dose_id IS NOT NULL),
  CHECK (kind <> 'count' OR count_id IS NOT NULL),
  CHECK ((kind <> 'returned' AND kind <> 'destroyed') OR (length(witness) > 0 AND length(reason) > 0 AND quantity_centi < 0))
) STRICT;
CREATE INDEX medicine_movements_batch ON medicine_movements(batch_id, at);
CREATE INDEX medicine_movements_dose ON medicine_movements(dose_id) WHERE dose_id IS NOT NULL;
${neverDeleted('medicine_movements', 'the stock ledger is never deleted')}
${neverChanged('medicine_movements', 'the stock ledger is never changed; add a correcting entry')}
CREATE TRIGGER medicine_movements_never_negative BEFORE INSERT ON medicine_movements
WHEN (SELECT COALESCE(SUM(quantity_centi), 0) FROM medicine_movements WHERE batch_id = NEW.batch_id) + NEW.quantity_centi < 0
BEGIN SELECT RAISE(ABORT, 'a kept medicine never goes below zero'); END;

-- ---- health
CREATE TABLE health_checkups (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL REFERENCES residents(id),
  checked_on TEXT NOT NULL,
  institution TEXT NOT NULL CHECK (length(institution) > 0),
  results TEXT NOT NULL CHECK (length(results) > 0),
  abnormal TEXT NOT NULL DEFAULT '',
  follow_up TEXT NOT NULL DEFAULT '',
  -- a photo or PDF of the paper report, as a data URL
  attachment TEXT,
  attachment_name TEXT NOT NULL DEFAULT '',${voidable}
) STRICT;
CREATE INDEX health_checkups_resident ON health_checkups(resident_id, checked_on);
${neverDeleted('health_checkups', 'check-ups are voided, never deleted')}
${voidOnly('health_checkups', ['resident_id', 'checked_on', 'institution', 'results', 'abnormal', 'follow_up', 'attachment', 'attachment_name'], 'a check-up is never changed; void it and record it again')}

CREATE TABLE family_doctor_contracts (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL REFERENCES residents(id),
  doctor TEXT NOT NULL CHECK (length(doctor) > 0),
  team TEXT NOT NULL DEFAULT '',
  institution TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  signed_on TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  ended_on TEXT,
  end_reason TEXT,${stamped},
  CHECK (valid_to >= valid_from),
  CHECK ((ended_on IS NULL) = (end_reason IS NULL))
) STRICT;
CREATE INDEX family_doctor_contracts_resident ON family_doctor_contracts(resident_id, valid_from);
${neverDeleted('family_doctor_contracts', 'contracts are ended, never deleted')}

CREATE TABLE hospital_referrals (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL REFERENCES residents(id),
  referred_on TEXT NOT NULL,
  hospital TEXT NOT NULL CHECK (length(hospital) > 0),
  reason TEXT NOT NULL CHECK (length(reason) > 0),
  escorted_by TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'returned', 'admitted_elsewhere', 'died')),
  closed_on TEXT,
  summary TEXT NOT NULL DEFAULT '',${stamped},
  CHECK ((outcome = 'open') = (closed_on IS NULL))
) STRICT;
CREATE INDEX hospital_referrals_resident ON hospital_referrals(resident_id, referred_on);
${neverDeleted('hospital_referrals', 'referrals are never deleted')}

CREATE TABLE monthly_health_entries (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL REFERENCES residents(id),
  month TEXT NOT NULL,
  weight_kg REAL CHECK (weight_kg IS NULL OR (weight_kg > 10 AND weight_kg < 250)),
  systolic INTEGER,
  diastolic INTEGER,
  skin TEXT NOT NULL CHECK (skin IN ('intact', 'red', 'broken')),
  appetite TEXT NOT NULL CHECK (appetite IN ('good', 'fair', 'poor')),
  mood TEXT NOT NULL CHECK (mood IN ('calm', 'low', 'anxious', 'agitated')),
  note TEXT NOT NULL DEFAULT '',${stamped},
  CHECK ((systolic IS NULL) = (diastolic IS NULL))
) STRICT;
CREATE UNIQUE INDEX monthly_health_entries_once ON monthly_health_entries(resident_id, month);
${neverDeleted('monthly_health_entries', 'health entries are never deleted')}

CREATE TABLE pressure_injuries (
  id TEXT PRIMARY KEY,
  resident_id TEXT NOT NULL REFERENCES residents(id),
  site TEXT NOT NULL CHECK (length(site) > 0),
  origin TEXT NOT NULL CHECK (origin IN ('in_centre', 'on_admission', 'from_hospital')),
  found_on TEXT NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('stage1', 'stage2', 'stage3', 'stage4', 'unstageable', 'deep_tissue')),
  length_cm REAL,
  width_cm REAL,
  risk_scale TEXT NOT NULL CHECK (risk_scale IN ('braden', 'norton', 'waterlow', 'other', 'none')),
  risk_score INTEGER,
  reposition_hours INTEGER CHECK (reposition_hours IS NULL OR reposition_hours BETWEEN 1 AND 24),
  note TEXT NOT NULL DEFAULT '',
  healed_on TEXT,${voidable},
  CHECK (healed_on IS NULL OR healed_on >= found_on),
  CHECK ((risk_scale = 'none') = (risk_score IS NULL))
) STRICT;
CREATE INDEX pressure_injuries_resident ON pressure_injuries(resident_id, found_on);
${neverDeleted('pressure_injuries', 'pressure injuries are healed or voided, never deleted')}

CREATE TABLE pressure_injury_reviews (
  id TEXT PRIMARY KEY,
  injury_id TEXT NOT NULL REFERENCES pressure_injuries(id),
  reviewed_on TEXT NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('stage1', 'stage2', 'stage3', 'stage4', 'unstageable', 'deep_tissue')),
  length_cm REAL,
  width_cm REAL,
  note TEXT NOT NULL DEFAULT '',
  request_id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by_id TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE INDEX pressure_injury_reviews_injury ON pressure_injury_reviews(injury_id, reviewed_on);
${neverDeleted('pressure_injury_reviews', 'reviews are never deleted')}
${neverChanged('pressure_injury_reviews', 'a review is never changed; add another')}

-- ---- incidents: 用药差错
ALTER TABLE incidents ADD COLUMN medication_error TEXT CHECK (medication_error IS NULL OR medication_error IN ('wrong_drug', 'wrong_person', 'wrong_dose', 'wrong_time', 'missed', 'double', 'other'));
ALTER TABLE incidents ADD COLUMN dose_id TEXT REFERENCES medication_doses(id);
`;
