// Masking a family member's phone number for screens that show it to people who may only call it after an audited reveal.

/**
 * '138****8001': enough to know whose number it is, not enough to dial. A number shorter than a mobile's 11 characters
 * (a 7- or 8-digit landline without its area code) shows its last 4 only, so no more than 4 digits are ever readable.
 */
export function maskPhone(phone: string): string {
  if (phone.length < 11) return `${'*'.repeat(Math.max(0, phone.length - 4))}${phone.slice(-4)}`;
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
