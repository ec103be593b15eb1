// Fixed vocabularies of medicines (issue 19): the centre's drug list, residents' medication orders, the doses given on
// a round and the medicines the centre keeps for residents (代管药品). Codes are stored; labels live in enum-labels.

/** 剂型. */
export const DRUG_FORMS = ['tablet', 'capsule', 'granule', 'liquid', 'injection', 'drops', 'inhaler', 'patch', 'ointment', 'suppository', 'other'] as const;
export type DrugForm = (typeof DRUG_FORMS)[number];

/** The unit a dose and the kept stock are both counted in (insulin: 单位, so a 300-unit pen is received as 300). */
export const DOSE_UNITS = ['tablet', 'capsule', 'sachet', 'ml', 'drop', 'puff', 'unit', 'patch', 'ampoule', 'g', 'piece'] as const;
export type DoseUnit = (typeof DOSE_UNITS)[number];

/**
 * 高警示药品 classes. A dose of a class the settings name needs a second person's PIN (a hospital rule; none specific to
 * 养老 centres was found [R] — community-health.md §C): insulin, anticoagulants and opioids by default.
 */
export const HIGH_ALERT_CLASSES = ['none', 'insulin', 'anticoagulant', 'opioid', 'hypoglycaemic', 'other'] as const;
export type HighAlertClass = (typeof HIGH_ALERT_CLASSES)[number];
/** The classes a setting may ask a second person's check for. */
export const ALERT_CLASSES = ['insulin', 'anticoagulant', 'opioid', 'hypoglycaemic', 'other'] as const;

/** 给药途径. */
export const ROUTES = ['oral', 'sublingual', 'subcutaneous', 'intramuscular', 'inhaled', 'topical', 'eye', 'ear', 'nasal', 'rectal', 'other'] as const;
export type Route = (typeof ROUTES)[number];

/**
 * How the order was written: 每日一次…四次 and 睡前 are mapped to the centre's dose times (a setting) when the order is
 * made, and the times are kept on the order; 'times' is a doctor's own times; 'prn' is 按需 (no times, a daily maximum).
 */
export const FREQUENCIES = ['qd', 'bid', 'tid', 'qid', 'qn', 'times', 'prn'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** 饭前 / 随餐 / 饭后 / 不限. */
export const MEAL_RELATIONS = ['any', 'before', 'with', 'after'] as const;
export type MealRelation = (typeof MEAL_RELATIONS)[number];

/** 代管 (the centre keeps the medicine and counts it) or 自理 (the resident keeps it; no stock is counted). */
export const SUPPLIES = ['kept', 'self'] as const;
export type Supply = (typeof SUPPLIES)[number];

/** Who prescribed: 乡镇卫生院, 村卫生室, 家庭医生, 医院, other. */
export const PRESCRIBER_KINDS = ['township_hospital', 'village_clinic', 'family_doctor', 'hospital', 'other'] as const;
export type PrescriberKind = (typeof PRESCRIBER_KINDS)[number];

/** A dose on the round: 已服 / 拒服 / 暂缓（写原因） / 缺药. */
export const DOSE_OUTCOMES = ['given', 'refused', 'held', 'not_available'] as const;
export type DoseOutcome = (typeof DOSE_OUTCOMES)[number];

/** Where kept medicines came from. */
export const MEDICINE_SOURCES = ['family', 'township_hospital', 'hospital', 'pharmacy', 'self', 'other'] as const;
export type MedicineSource = (typeof MEDICINE_SOURCES)[number];

/**
 * The stock ledger of a kept batch: received (+), given (−), a given dose corrected to not given (+), a count's
 * difference (±), returned to the family or destroyed with a witness (−).
 */
export const STOCK_MOVEMENT_KINDS = ['received', 'given', 'dose_corrected', 'count', 'returned', 'destroyed'] as const;
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];

/** 用药差错, an incident of GB 38600's 食品药品误食 risk. */
export const MEDICATION_ERROR_KINDS = ['wrong_drug', 'wrong_person', 'wrong_dose', 'wrong_time', 'missed', 'double', 'other'] as const;
export type MedicationErrorKind = (typeof MEDICATION_ERROR_KINDS)[number];
