// The register's printed ledgers' data (农村留守老年人信息台账, 赡养协议登记表): one hook per method, keyed [method,
// input] by api/hooks. The pages import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { useApi } from '../../../api/hooks';

export const useEldersLedger = (input: In<'elders.ledger'>) => useApi('elders.ledger', input);
export const useEldersAgreementLedger = (input: In<'elders.agreementLedger'>) => useApi('elders.agreementLedger', input);
/** The village filter lists retired villages too: their elders and agreements are still on the ledgers. */
export const useLedgerVillages = () => useApi('elders.villages', { includeRetired: true });
/** The township's name heads every ledger. */
export const useLedgerFacility = () => useApi('facility.get', {});
