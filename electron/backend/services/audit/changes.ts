// Turns an audit row's before/after JSON into a list of changed fields with Chinese names and readable values.
import { z } from 'zod';
import { FIELD_LABELS, HIDDEN_FIELDS } from '@shared/domain/audit-labels';
import { type EnumGroup, enumLabel } from '@shared/domain/enum-labels';
import { parseJsonColumn } from '../../db/json';

/** Fields whose stored codes have Chinese names. */
const FIELD_ENUMS: Record<string, EnumGroup> = {
  sex: 'sex',
  bedType: 'bedType',
  setting: 'bedSetting',
  primaryCategory: 'category',
  dietType: 'diet',
  status: 'residentStatus',
  role: 'role',
  reason: 'dischargeReason',
  type: 'facilityType',
  meal: 'meal',
  category: 'dinerCategory',
  mode: 'servingMode',
  defaultMode: 'servingMode',
  level: 'dangerLevel',
  source: 'dangerSource',
};

export interface Change {
  field: string;
  label: string;
  before: string;
  after: string;
}

type Lookup = (field: string, value: string) => string | undefined;

export function formatValue(field: string, value: unknown, lookup: Lookup = () => undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') {
    const group = FIELD_ENUMS[field];
    return lookup(field, value) ?? (group ? enumLabel(group, value) : value);
  }
  if (field === 'tags' && Array.isArray(value)) return value.map((v) => enumLabel('tag', String(v))).join('、') || '—';
  if (field === 'contacts' && Array.isArray(value)) {
    return value.map((c: { name?: string; relation?: string; phone?: string }) => `${c.name}（${c.relation}）${c.phone}`).join('；') || '—';
  }
  if (Array.isArray(value)) return value.map(String).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  const value = parseJsonColumn(z.unknown(), json, 'audit_log.before/after');
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Fields that differ between before and after (all fields of an after-only or before-only row). */
export function listChanges(beforeJson: string | null, afterJson: string | null, lookup?: Lookup): Change[] {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !HIDDEN_FIELDS.has(f));
  const changes: Change[] = [];
  for (const field of fields) {
    const b = field in before ? formatValue(field, before[field], lookup) : '—';
    const a = field in after ? formatValue(field, after[field], lookup) : b;
    if (beforeJson && afterJson && a === b) continue;
    changes.push({ field, label: FIELD_LABELS[field] ?? field, before: beforeJson ? b : '—', after: afterJson ? a : '—' });
  }
  return changes;
}
