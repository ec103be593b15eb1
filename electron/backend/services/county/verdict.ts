// What the county would do with one package file, decided without writing anything: the dry run. The reader's checks
// (electron/backend/package/package.ts) come first; then the period by the county's clock; then every record against its
// section's schema and the records against each other (consistency.ts); then the package's place among those already
// applied — already imported, a correction, superseded, an older sequence, a gap. checkPackage never touches the
// database (it runs in worker threads, check-worker.ts); placePackage reads it, at apply inside the package's transaction.
import { SECTIONS, SECTION_NAMES, type SectionData, type SectionName, fileOf, readerFor, sinceFormat } from '@shared/domain/sync/sections';
import { type Figures, computeFigures } from '@shared/domain/sync/figures';
import type { Executor } from '../../db/executor';
import { type Manifest, readPackage } from '../../package/package';
import { capped } from '../../package/problem-list';
import { chinaDate, shiftMonth } from '@shared/domain/dates';
import { monthRange } from '@shared/domain/sync/period';
import { checkConsistency } from './consistency';
import { checkLine, mayHoldForbiddenKey } from './record-checks';

export type Outcome = 'accepted' | 'already_imported' | 'superseded' | 'rejected';

export interface Verdict {
  fileName: string;
  fileHash: string;
  outcome: Outcome;
  message: string;
  manifest: Manifest | null;
  centreName: string;
  counts: Record<string, number>;
  errors: string[];
  warnings: string[];
  /** For an accepted package: the validated records, each as the county stores it, its figures, and the packages it replaces. */
  apply: { rows: SectionRows; figures: Figures; supersedes: string[] } | null;
}

/**
 * Per section, the records as the county stores them: their ids, and their JSON lines joined by "\n" (JSON.stringify
 * never writes a raw newline). One string per section crosses from a worker as a plain copy, where thousands of
 * parsed objects would be cloned one by one — as slow as parsing them again.
 */
export type SectionRows = Record<SectionName, { ids: string[]; lines: string }>;

/** What a check knows of the registry: each centre not withdrawn, by code. A snapshot taken before the checks. */
export type CentreSnapshot = Record<string, { name: string; publicKey: string; state: string }>;


/** How far the county's clock may trail a centre's: a month may arrive this long before it has ended by the county. */
export const CLOCK_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/** The largest believable step between a centre's package numbers: ten years of monthly packages. */
export const MAX_SEQUENCE_JUMP = 120;

export interface CountyKeys {
  countyCode: string;
  privateKey: string;
}

function monthsBetween(fromExclusive: string, toExclusive: string): string[] {
  const out: string[] = [];
  for (let p = shiftMonth(fromExclusive, 1); p < toExclusive; p = shiftMonth(p, 1)) out.push(p);
  return out;
}


function reject(fileName: string, fileHash: string, message: string, manifest: Manifest | null = null, centreName = '', errors: string[] = []): Verdict {
  return { fileName, fileHash, outcome: 'rejected', message, manifest, centreName, counts: {}, errors, warnings: [], apply: null };
}

/**
 * What a file holds, checked: the reader's checks and every record against its schema. It depends only on the bytes,
 * the county's key and the centre's enrolled key (which never changes), so the preview's result is reused when the
 * same batch is applied.
 */
export type Checked =
  | { ok: false; verdict: Verdict }
  | { ok: true; fileName: string; fileHash: string; manifest: Manifest; centreName: string; rows: SectionRows; figures: Figures; counts: Record<string, number>; warnings: string[] };

/** The moment a month ends (00:00 China time on the 1st of the next month). */
function monthEnd(period: string): Date {
  return new Date(monthRange(period).toInstant);
}

/**
 * The records' JSON, one per line: JSON.stringify of each. When each record is the object its line was parsed to
 * (`lines` given), the lines are often already exactly that text — the exporter writes JSON.stringify of the same
 * record — and then the file's own text is used instead of writing it all again. Proof, cheaply: the whole array is
 * stringified once, and must equal "[" + the lines joined by "," + "]". Each line is a complete JSON value on its own
 * (it was parsed alone), so that text's elements are exactly the lines; it is also JSON.stringify's text of the
 * records, whose elements are each record's JSON.stringify. The same text has the same elements: each line is its
 * record's JSON.stringify. Any difference (a space, an escape, another key order, 1.0 for 1) and each record is
 * written anew, as before.
 */
function storedLines(records: unknown[], lines: string[] | null, text: string): string {
  if (lines && lines.length === records.length && lines.length > 0) {
    const whole = JSON.stringify(records);
    let at = 1;
    let same = true;
    for (let i = 0; i < lines.length && same; i++) {
      const line = lines[i];
      same = whole.slice(at, at + line.length) === line && whole.charCodeAt(at + line.length) === (i === lines.length - 1 ? 0x5d : 0x2c);
      at += line.length + 1;
    }
    // The lines joined by "\n" are the file's text without its last newline.
    if (same && at === whole.length) return text.endsWith('\n') ? text.slice(0, -1) : text;
  }
  return records.map((r) => JSON.stringify(r)).join('\n');
}

/** `centres` is the registry as it was when the checks began; `now` is the county's clock. */
export function checkPackage(centres: CentreSnapshot, keys: CountyKeys, fileName: string, bytes: Uint8Array, fileHash: string, now: Date): Checked {
  const refused = (v: Verdict): Checked => ({ ok: false, verdict: v });
  const centreRow = (code: string) => (Object.prototype.hasOwnProperty.call(centres, code) ? centres[code] : undefined);
  // Only a confirmed enrolment's key is trusted: a pending one has not been compared by phone yet.
  const read = readPackage(bytes, { countyCode: keys.countyCode, countyPrivateKey: keys.privateKey, centreKey: (code) => {
      const row = centreRow(code);
      return row?.state === 'confirmed' ? row.publicKey : null;
    },
  });
  if (!read.ok) {
    const pending = read.manifest ? centreRow(read.manifest.centreCode) : undefined;
    const message = pending?.state === 'pending' ? `${pending.name} 的登记还没有确认指纹，数据包未导入。请先在「机构登记」和该院电话核对指纹并确认，再导入` : read.message;
    return refused(reject(fileName, fileHash, message, read.manifest ?? null, pending?.name ?? ''));
  }
  const m = read.manifest;
  const centreName = centreRow(m.centreCode)!.name;
  // A correction replaces figures the county already counted: the county must be told why (issue 15).
  if (m.correction > 0 && !m.correctionReason.trim()) return refused(reject(fileName, fileHash, `${m.period} 的更正${m.correction}没有写更正原因，未导入。请让该院重新导出并写明为什么更正`, m, centreName));

  // A month is reported once it is over: one that has not ended by the county's clock (a day's grace for a centre's
  // clock running ahead) or lies in the future is refused, whatever its signature says.
  const ends = monthEnd(m.period);
  if (ends.getTime() - CLOCK_TOLERANCE_MS > now.getTime()) {
    return refused(reject(fileName, fileHash, `${m.period} 还没有结束（本县电脑的日期是 ${chinaDate(now)}），不能导入这个月的月报。请核对该院电脑的日期，月末之后再导出`, m, centreName));
  }
  const createdAt = Date.parse(m.createdAt);
  if (Number.isNaN(createdAt)) return refused(reject(fileName, fileHash, `清单里的生成时间「${m.createdAt.slice(0, 40)}」不是真实的时间，未导入`, m, centreName));
  if (createdAt < ends.getTime() - CLOCK_TOLERANCE_MS) return refused(reject(fileName, fileHash, `这个数据包生成于 ${chinaDate(new Date(createdAt))}，${m.period} 还没有结束，不是完整的月报，未导入`, m, centreName));
  const clockWarnings = createdAt > now.getTime() + CLOCK_TOLERANCE_MS ? [`数据包的生成时间（${chinaDate(new Date(createdAt))}）晚于本县电脑的日期，该院电脑的时间可能不准`] : [];

  // Every record against its section's schema; all problems are listed (up to 50), and any one refuses the package.
  const errors: string[] = [];
  const data = {} as SectionData;
  const rows = {} as SectionRows;
  const counts: Record<string, number> = {};
  for (const f of m.files) {
    const section = f.name.replace(/\.jsonl$/, '') as SectionName;
    if (!(section in SECTIONS)) {
      errors.push(`未知的数据文件「${f.name}」`);
      continue;
    }
    const version = m.sectionVersions[section];
    if (version === undefined || !readerFor(section, version)) errors.push(`「${f.name}」的版本 ${version ?? '（未写）'} 本程序不认识（本程序是 ${SECTIONS[section].version}），请两边升级到同一版本`);
  }
  for (const section of SECTION_NAMES) {
    const raw = read.records.get(fileOf(section));
    if (raw === undefined) {
      // A section newer than the package's format is simply empty (a format-1 package has no tier proposals).
      if (m.formatVersion < sinceFormat(section)) {
        (data as Record<string, unknown[]>)[section] = [];
        rows[section] = { ids: [], lines: '' };
        counts[section] = 0;
      } else errors.push(`缺少数据文件「${fileOf(section)}」`);
      continue;
    }
    const reader = readerFor(section, m.sectionVersions[section] ?? 0);
    if (!reader) continue; // already listed above
    const records: unknown[] = [];
    const ids: string[] = [];
    const seen = new Set<string>();
    let asParsed = true; // every record is the very object its line was parsed to
    const texts = read.lines.get(fileOf(section))!;
    // Searched once for what could spell a forbidden key: most files hold none of it, and then no line needs a look.
    const clean = !mayHoldForbiddenKey(read.files.get(fileOf(section))!);
    for (let i = 0; i < raw.length; i++) {
      const line = checkLine(reader.schema, raw[i], texts[i], clean);
      if (!line.ok) {
        errors.push(`「${fileOf(section)}」第 ${i + 1} 行：${line.problem}`);
        continue;
      }
      const current = (reader.upgrade ? reader.upgrade(line.record as never) : line.record) as { id: string };
      if (seen.has(current.id)) errors.push(`「${fileOf(section)}」第 ${i + 1} 行：编号 ${current.id} 重复`);
      seen.add(current.id);
      records.push(current);
      ids.push(current.id);
      asParsed &&= current === raw[i];
    }
    (data as Record<string, unknown[]>)[section] = records;
    // The county stores the parsed, validated record in its current shape, never the line as it came: only what was
    // checked gets in, and an upgraded record reads like a current one. Its text is JSON.stringify of the record —
    // which, for a file the exporter wrote, is the file's own lines (see storedLines).
    rows[section] = { ids, lines: errors.length ? '' : storedLines(records, asParsed ? texts : null, read.files.get(fileOf(section))!) };
    counts[section] = raw.length;
  }
  // Every kind of error counts, but only the first 50 are listed (issue 15): a hostile file cannot flood the report.
  if (errors.length) return refused(reject(fileName, fileHash, `数据内容有 ${errors.length} 处错误，整个数据包未导入`, m, centreName, capped(errors)));
  if (data.centre.length !== 1 || data.centre[0].centreCode !== m.centreCode) return refused(reject(fileName, fileHash, '「centre.jsonl」应当正好有一条本院的记录，且机构代码与清单一致', m, centreName));
  const consistency = checkConsistency(m.period, data, chinaDate(now));
  if (consistency.errors.length) return refused(reject(fileName, fileHash, `数据前后矛盾，有 ${consistency.errors.length} 处，整个数据包未导入`, m, centreName, capped(consistency.errors)));
  // The month's figures depend only on the records: computed here, off the writing thread.
  const figures = computeFigures(m.period, data);
  return { ok: true, fileName, fileHash, manifest: m, centreName, rows, figures, counts, warnings: [...clockWarnings, ...capped(consistency.warnings)] };
}

/**
 * The checked package's place among those already applied: the part that depends on the county's database now. At
 * apply `db` is the package's own write transaction, so two clerks applying the same file give one import.
 */
export async function placePackage(db: Executor, checked: Checked, applying: boolean): Promise<Verdict> {
  if (!checked.ok) return checked.verdict;
  const { fileName, fileHash, manifest: m, centreName, rows, figures, counts } = checked;
  const same = await db.selectFrom('countyPackages').select('packageId').where('fileHash', '=', fileHash).executeTakeFirst();
  if (same) return { ...reject(fileName, fileHash, `这个数据包已经导入过了（${m.period}，第 ${m.sequence} 号${m.correction ? `，更正${m.correction}` : ''}），本次没有改动任何数据`, m, centreName), outcome: 'already_imported' };

  // Its place among the packages already applied for this centre.
  const applied = await db.selectFrom('countyPackages').select(['packageId', 'fileHash', 'period', 'sequence', 'correction', 'supersededBy']).where('centreCode', '=', m.centreCode).execute();
  const forMonth = applied.filter((p) => p.period === m.period);
  const current = forMonth.find((p) => p.supersededBy === null);
  const tag = `${m.period}（第 ${m.sequence} 号${m.correction ? `，更正${m.correction}` : ''}）`;
  if (forMonth.some((p) => p.correction === m.correction)) return reject(fileName, fileHash, `${tag}：该月同一更正号的另一份数据包已经导入过，内容却不同。请让该院以「更正」方式重新导出`, m, centreName);
  if (current && current.correction > m.correction) {
    return { ...reject(fileName, fileHash, `${tag} 已被更正${current.correction} 取代，本次没有导入`, m, centreName), outcome: 'superseded' };
  }
  if (current && m.correction === 0) return reject(fileName, fileHash, `${tag}：该月已有数据，重新报送必须是更正`, m, centreName);
  const maxSequence = applied.reduce((n, p) => Math.max(n, p.sequence), 0);
  // One absurd number must not block every later month (a later package would look "older"): ten years of monthly
  // packages is the most a real gap can be.
  if (m.sequence > maxSequence + MAX_SEQUENCE_JUMP) {
    return reject(fileName, fileHash, `${tag}的序号比已导入的第 ${maxSequence} 号大了 ${m.sequence - maxSequence}，超过 ${MAX_SEQUENCE_JUMP}，不像真实的月报，已拒绝。请向该院核实`, m, centreName);
  }
  if (!current && m.correction === 0 && m.sequence <= maxSequence) {
    return reject(fileName, fileHash, `${tag} 比已导入的第 ${maxSequence} 号旧，可能是重复提交的旧文件，已拒绝。如该月确需补报，请让该院以「更正」方式重新导出该月`, m, centreName);
  }
  const warnings: string[] = [...checked.warnings];
  if (current && m.sequence !== applied.find((p) => p.packageId === current.packageId)!.sequence) warnings.push(`更正包的序号（第 ${m.sequence} 号）与原包不同`);
  if (!current && m.sequence > maxSequence + 1) {
    const numbers = maxSequence + 1 === m.sequence - 1 ? `第 ${maxSequence + 1} 号` : `第 ${maxSequence + 1}–${m.sequence - 1} 号`;
    warnings.push(`中间缺少${numbers}数据包，请向该院核实`);
  }
  // Months between the latest month received before this one and this one, with nothing received.
  const earlier = applied.map((p) => p.period).filter((p) => p < m.period).sort();
  const missingMonths = earlier.length ? monthsBetween(earlier[earlier.length - 1], m.period) : [];
  if (!current && missingMonths.length) warnings.push(`${missingMonths.join('、')} 未收到该院的月报，请催报`);
  if (m.previousHash && !applied.some((p) => p.fileHash === m.previousHash) && m.sequence > 1) warnings.push('该院上一份数据包还没有导入本县（前一包校验值对不上）');
  // The dry run says what will happen, the applied report what did: never 可导入 beside 已导入.
  const reason = m.correctionReason || '未写';
  const message = applying
    ? current
      ? `已导入更正${m.correction}，取代了之前的数据（原因：${reason}）`
      : '已导入'
    : current
      ? `更正${m.correction}，导入后取代之前的数据（原因：${reason}）`
      : '检查通过，确认后导入';
  return { fileName, fileHash, outcome: 'accepted', message, manifest: m, centreName, counts, errors: [], warnings, apply: { rows, figures, supersedes: current ? [current.packageId] : [] } };
}
