// Interim (the printable page lands in the next commit).
export const StockSheetPage = () => null;
