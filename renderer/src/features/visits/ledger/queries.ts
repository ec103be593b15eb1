// 探访记录表's data: the visits of a month, optionally one village's (visits.ledger), keyed [method, input] by
// api/hooks. The page imports these hooks and never names a method itself.
import type { In } from '@shared/api/contract';
import { useApi } from '../../../api/hooks';

export const useVisitsLedger = (input: In<'visits.ledger'>, enabled = true) => useApi('visits.ledger', input, enabled);
