// Valid ID numbers for tests, built with the same GB 11643 check digit the app verifies.
import { computeCheckChar } from '@shared/domain/id-number';

export function validIdNumber(birth: string, sequence = '123', area = '320102'): string {
  const first17 = `${area}${birth.replaceAll('-', '')}${sequence}`;
  return first17 + computeCheckChar(first17);
}
