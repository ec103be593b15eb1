// Money on the settlement screens: fen shown as 元 with two decimals.
export const yuan = (fen: number) => (fen / 100).toFixed(2);
