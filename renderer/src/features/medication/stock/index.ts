// Interim (the stock screens land in the next commit): empty components so the wiring compiles.
export const StockTab = (_props: { today: string }) => null;
export const CountsTab = (_props: { today: string }) => null;
export const StockAlertsCard = () => null;
