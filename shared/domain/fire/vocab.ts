// Fixed vocabularies of the fire-safety module. Codes are stored (and reported to the county); labels live in enum-labels.

/** 日间防火巡查, 夜间防火巡查, 防火检查 (monthly), 消防器材月检. */
export const ROUND_KINDS = ['day_patrol', 'night_patrol', 'inspection', 'equipment_check'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

/** Which checklist an item belongs to: patrols (day and night) or inspections. */
export const ITEM_LISTS = ['patrol', 'inspection'] as const;
export type ItemList = (typeof ITEM_LISTS)[number];

export const CHECKPOINT_KINDS = ['floor', 'room', 'kitchen', 'power', 'exit', 'store', 'outdoor', 'other'] as const;

export const DANGER_LEVELS = ['general', 'major'] as const;
export type DangerLevel = (typeof DANGER_LEVELS)[number];

/** 待整改 → 整改中 → 已整改 → 已验收. */
export const DANGER_STATUSES = ['open', 'in_progress', 'rectified', 'verified'] as const;
export type DangerStatus = (typeof DANGER_STATUSES)[number];

export const DANGER_SOURCES = ['patrol', 'inspection', 'equipment', 'report'] as const;

export const EQUIPMENT_TYPES = ['extinguisher', 'hydrant', 'smoke_detector', 'emergency_light', 'exit_sign', 'fire_door', 'other'] as const;
export type EquipmentType = (typeof EQUIPMENT_TYPES)[number];
