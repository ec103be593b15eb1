// Fixed vocabularies of 分散供养特困 entrusted care (issue 18; community-health.md §B): the care is entrusted, with the
// elder's consent, to a relative or friend, a neighbour, the village committee or a care provider.

export const CARER_KINDS = ['relative', 'neighbour', 'village', 'provider'] as const;
export type CarerKind = (typeof CARER_KINDS)[number];

/** Whether the monthly check found the agreed care delivered. */
export const CARE_DELIVERED = ['yes', 'partly', 'no'] as const;
export type CareDelivered = (typeof CARE_DELIVERED)[number];

/** The check's view of the carer (the carer is assessed; a failing carer's agreement is ended and replaced). */
export const CARER_RATINGS = ['good', 'fair', 'poor'] as const;
export type CarerRating = (typeof CARER_RATINGS)[number];
