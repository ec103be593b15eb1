// API of the medication module (issue 19): residents' medicines. Three parts, each in its own file: orders (the drug
// list, 服药管理协议, doctors' orders, the settings), the round (doses due on a shift, recorded, corrected; the monthly
// administration record) and the stock kept for residents (代管药品).
import { medicationOrdersApi } from './medication-orders';
import { medicationRoundApi } from './medication-round';
import { medicationStockApi } from './medication-stock';

export const medicationApi = { ...medicationOrdersApi, ...medicationRoundApi, ...medicationStockApi };
