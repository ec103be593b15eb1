// API of the medication module, round part (issue 19): the doses due on the caller's shift, recording a dose (given,
// refused, held, not available; a second person's PIN for 高警示 drugs; 按需 doses with their reason and later effect),
// corrections by amendment, and a resident's monthly administration record.
export const medicationRoundApi = {};
