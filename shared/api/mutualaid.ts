// API of the mutualaid module (issue 18): mutual aid in the villages (互助养老): pairs of helpers and helped, activities with hours, the time bank of points, and 老年协会 activities with attendance.
export const mutualaidApi = {};
