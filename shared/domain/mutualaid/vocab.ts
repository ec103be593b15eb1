// Fixed vocabularies of mutual aid in the villages (issue 18): pairs of helpers and helped, activities with hours, a
// time bank of points, and 老年协会 activities.

/** 陪伴 / 代购 / 帮扶 / 探望. */
export const AID_ACTIVITY_KINDS = ['company', 'shopping', 'help', 'visit'] as const;
export type AidActivityKind = (typeof AID_ACTIVITY_KINDS)[number];

/** Time-bank entries: points earned for hours, redeemed for a service or goods, or a correction (a new entry, never an edit). */
export const POINT_ENTRY_KINDS = ['earn', 'redeem', 'correct'] as const;
export type PointEntryKind = (typeof POINT_ENTRY_KINDS)[number];
