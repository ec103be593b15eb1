// Equipment dates: an expiry date before the production date is impossible; "expiring soon" is within the warning days.
export function expiryProblem(productionDate: string | null, expiryDate: string | null): string | null {
  if (productionDate && expiryDate && expiryDate < productionDate) return `有效期（${expiryDate}）不能早于生产日期（${productionDate}）`;
  return null;
}

export function expiryState(expiryDate: string | null, today: string, horizon: string): 'ok' | 'soon' | 'expired' | 'none' {
  if (!expiryDate) return 'none';
  if (expiryDate < today) return 'expired';
  return expiryDate <= horizon ? 'soon' : 'ok';
}
