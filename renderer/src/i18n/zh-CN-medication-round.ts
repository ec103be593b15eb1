// Interim (the part's words land with its screens).
export const medicationRoundZh = {};
