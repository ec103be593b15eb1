// The stock part's screens (代管药品): the stock tab, the counts tab, the home page's card and the printed 代管药品登记.
export { StockTab } from './StockTab';
export { CountsTab } from './CountsTab';
export { StockAlertsCard } from './StockAlertsCard';
export { StockSheetPage } from './StockSheetPage';
