// API of the medication module, stock part (issue 19): medicines kept for residents (代管药品) — receipts, what is left
// of each, counts (盘点) with a reason for any difference, returns and destruction with a witness, and the warnings.
export const medicationStockApi = {};
