// Money is stored in fen (分) and shown in yuan.
export const fenToYuan = (fen: number | null) => (fen === null ? '—' : `${(fen / 100).toFixed(2)} 元`);
export const yuanToFen = (yuan: number) => Math.round(yuan * 100);
