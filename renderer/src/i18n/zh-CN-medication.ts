// Words of the medication module (服药, issue 19), part of zh-CN: the page's title and tabs; each part's own words
// (orders, round, stock) in its own file.
import { medicationOrdersZh } from './zh-CN-medication-orders';
import { medicationRoundZh } from './zh-CN-medication-round';
import { medicationStockZh } from './zh-CN-medication-stock';

export const medicationZh = {
  title: '服药管理',
  tabs: {
    round: '本班服药',
    record: '服药记录单',
    orders: '医嘱',
    stock: '代管药品',
    counts: '盘点',
    agreements: '服药协议',
    drugs: '药品目录',
    settings: '设置',
  },
  orders: medicationOrdersZh,
  round: medicationRoundZh,
  stock: medicationStockZh,
};
