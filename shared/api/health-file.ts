// API of the health module, file part (issue 19): yearly check-ups, family-doctor contracts, the monthly health entry,
// blood-pressure and glucose trends from the vitals, and a resident's printed health file.
export const healthFileApi = {};
