// Consistency of health and medicines inside one package (format 5, issue 19), in the manner of
// consistency-care-at-home.ts: what the exporter can never write is refused, naming the line; what a centre's real
// records can hold is a warning.
import { monthRange } from '@shared/domain/sync/period';
import { type SectionData, type SectionName, fileOf } from '@shared/domain/sync/sections';

/** The errors (refuse the package) and warnings (say so) of the health sections; consistency.ts adds them to its own. */
export function checkHealthRecords(period: string, data: SectionData): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const { first, last } = monthRange(period);
  const at = (section: SectionName, index: number) => `「${fileOf(section)}」第 ${index + 1} 行`;
  const residents = new Map(data.residents.map((r) => [r.id, r]));
  const who = (id: string) => (residents.has(id) ? `（${residents.get(id)!.name}）` : '');
  const lines = new Set<string>();

  data.resident_health.forEach((h, i) => {
    if (!residents.has(h.residentId)) return void errors.push(`${at('resident_health', i)}：老人 ${h.residentId} 不在「${fileOf('residents')}」里`);
    if (lines.has(h.residentId)) errors.push(`${at('resident_health', i)}${who(h.residentId)}：同一位老人有两行健康情况`);
    lines.add(h.residentId);
    if (h.lastCheckupOn !== null && h.lastCheckupOn > last) errors.push(`${at('resident_health', i)}${who(h.residentId)}：最近体检日期 ${h.lastCheckupOn} 在本月之后`);
    if (h.checkupAbnormal && h.lastCheckupOn === null) errors.push(`${at('resident_health', i)}${who(h.residentId)}：没有体检日期却标为体检异常`);
    if (h.dosesLate > h.dosesGiven) errors.push(`${at('resident_health', i)}${who(h.residentId)}：迟服 ${h.dosesLate} 次多于已服 ${h.dosesGiven} 次`);
  });
  // A package of format 5 carries a line for everyone in the centre at month end (an older one carries none).
  if (data.resident_health.length > 0) {
    const missing = data.residents.filter((r) => r.statusAtMonthEnd !== 'discharged' && !lines.has(r.id));
    if (missing.length > 0) warnings.push(`「${fileOf('resident_health')}」缺少 ${missing.length} 位月末在院老人的健康情况：${missing.slice(0, 5).map((r) => r.name).join('、')}${missing.length > 5 ? ' 等' : ''}（计为不详）`);
  }

  data.pressure_injuries.forEach((p, i) => {
    if (!residents.has(p.residentId)) return void errors.push(`${at('pressure_injuries', i)}：老人 ${p.residentId} 不在「${fileOf('residents')}」里`);
    if (p.foundOn > last) errors.push(`${at('pressure_injuries', i)}${who(p.residentId)}：发现日期 ${p.foundOn} 在本月之后`);
    if (p.healedOn !== null && (p.healedOn < first || p.healedOn > last)) errors.push(`${at('pressure_injuries', i)}${who(p.residentId)}：愈合日期 ${p.healedOn} 不在本月，本月前已愈合的压疮不应出现，本月后愈合的应报未愈合`);
    if (p.healedOn !== null && p.healedOn < p.foundOn) errors.push(`${at('pressure_injuries', i)}${who(p.residentId)}：愈合日期 ${p.healedOn} 早于发现日期 ${p.foundOn}`);
    const r = residents.get(p.residentId)!;
    if (p.origin === 'in_centre' && p.foundOn < r.admittedOn) warnings.push(`${at('pressure_injuries', i)}${who(p.residentId)}：标为院内发生，发现日期 ${p.foundOn} 却在入住 ${r.admittedOn} 之前，请该院核对`);
  });

  data.incidents.forEach((e, i) => {
    if (e.type === 'medication_error' && e.medicationError === null) warnings.push(`${at('incidents', i)}${who(e.residentId)}：用药差错没有写明差错类型`);
    if (e.type !== 'medication_error' && e.medicationError !== null) errors.push(`${at('incidents', i)}${who(e.residentId)}：不是用药差错却写了差错类型`);
  });
  return { errors, warnings };
}
