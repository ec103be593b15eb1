// One attempt at importing a checked package, in one transaction: placed among the packages already applied (inside
// the transaction, so two clerks applying the same file give one import and one 已导入过), its report stored, and for
// an accepted package the earlier one of the month superseded, the month's records replaced, its figures and its
// package row written, and the whole audited — or nothing at all.
import type { Database } from 'better-sqlite3';
import { type Transaction, sql } from 'kysely';
import { SECTION_NAMES } from '@shared/domain/sync/sections';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { DB } from '../../db/schema';
import { takeTurns } from '../../db/dialect';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import { type Checked, type SectionRows, type Verdict, placePackage } from './verdict';
import { refreshFigureSum } from './figure-sums';

/**
 * The month's county_records replaced by the package's rows — the bulk of the write, in the package's transaction.
 * SQLite: prepared statements on the raw handle (the same connection as the Kysely writes around it). PostgreSQL: one
 * INSERT … SELECT FROM unnest(arrays) per package — a few round trips instead of thousands.
 */
async function replaceMonthRecords(trx: Transaction<DB>, sqlite: Database | null, centreCode: string, period: string, packageId: string, rows: SectionRows) {
  if (!sqlite) {
    // A correction replaces the month as a whole: the county's copy of the earlier package is dropped first.
    await trx.deleteFrom('countyRecords').where('centreCode', '=', centreCode).where('period', '=', period).execute();
    const sections: string[] = [];
    const ids: string[] = [];
    const data: string[] = [];
    for (const section of SECTION_NAMES) {
      const { ids: mine, lines } = rows[section];
      if (!mine.length) continue;
      const split = lines.split('\n');
      for (let i = 0; i < mine.length; i++) {
        sections.push(section);
        ids.push(mine[i]);
        data.push(split[i]);
      }
    }
    if (ids.length === 0) return;
    await sql`INSERT INTO county_records (centre_code, period, section, record_id, data, package_id)
      SELECT ${centreCode}, ${period}, s, r, d, ${packageId} FROM unnest(${sections}::text[], ${ids}::text[], ${data}::text[]) AS t(s, r, d)`.execute(trx);
    return;
  }
  // A correction replaces the month as a whole: the county's copy of the earlier package is dropped first.
  sqlite.prepare('DELETE FROM county_records WHERE centre_code = ? AND period = ?').run(centreCode, period);
  // A plain INSERT, as on PostgreSQL: the month is empty now and a package with an id twice in a section was refused.
  const insert = sqlite.prepare('INSERT INTO county_records (centre_code, period, section, record_id, data, package_id) VALUES (?, ?, ?, ?, ?, ?)');
  for (const section of SECTION_NAMES) {
    const { ids, lines } = rows[section];
    if (!ids.length) continue;
    const data = lines.split('\n');
    for (let i = 0; i < ids.length; i++) insert.run(centreCode, period, section, ids[i], data[i], packageId);
  }
}

/** Applies one checked file; returns the report's id and what happened. */
export async function applyPackage(deps: BackendDeps, sqlite: Database | null, caller: Caller, checked: Checked): Promise<{ reportId: string; verdict: Verdict }> {
  const reportId = newId();
  const verdict = await writeAction(deps, caller, async (ctx) => {
    // Placed in the package's own transaction: an earlier package (of this batch or another clerk's) is already seen.
    // On a shared PostgreSQL store, clerks on other PCs apply at the same moment: packages of one centre take turns
    // (SQLite's one writer already does this), so the same file twice gives one import and one 已导入过.
    const centreCode = checked.ok ? checked.manifest.centreCode : checked.verdict.manifest?.centreCode;
    if (centreCode) await takeTurns(ctx.trx, `centre ${centreCode}`);
    const placed = await placePackage(ctx.trx, checked, true);
    // The centre's enrolment as it stands now (checked at the preview, maybe withdrawn or re-enrolled since).
    const enrolment = centreCode ? await ctx.trx.selectFrom('countyCentres').select(['state', 'name']).where('centreCode', '=', centreCode).executeTakeFirst() : undefined;
    const v: Verdict =
      placed.outcome === 'accepted' && enrolment?.state !== 'confirmed'
        ? { ...placed, outcome: 'rejected', message: `${enrolment?.name ?? centreCode} 的登记在预览之后被撤销或重新登记了，数据包未导入`, warnings: [], apply: null }
        : placed;
    const m = v.manifest;
    await ctx.trx
      .insertInto('countyImportReports')
      .values({
        id: reportId,
        at: ctx.at,
        byId: caller.userId,
        byName: caller.name,
        fileName: v.fileName,
        fileHash: v.fileHash,
        centreCode: m?.centreCode ?? '',
        centreName: v.centreName,
        period: m?.period ?? '',
        sequence: m?.sequence ?? null,
        correction: m?.correction ?? null,
        outcome: v.outcome,
        message: v.message,
        counts: JSON.stringify(v.counts),
        errors: JSON.stringify(v.errors),
        warnings: JSON.stringify(v.warnings),
      })
      .execute();
    if (v.outcome === 'accepted' && v.apply && m) {
      for (const old of v.apply.supersedes) {
        await ctx.trx.updateTable('countyPackages').set({ supersededBy: m.packageId }).where('packageId', '=', old).execute();
      }
      await replaceMonthRecords(ctx.trx, sqlite, m.centreCode, m.period, m.packageId, v.apply.rows);
      const figures = JSON.stringify(v.apply.figures);
      await ctx.trx
        .insertInto('countyFigures')
        .values({ centreCode: m.centreCode, period: m.period, figures, packageId: m.packageId })
        .onConflict((oc) => oc.columns(['centreCode', 'period']).doUpdateSet({ figures, packageId: m.packageId }))
        .execute();
      await refreshFigureSum(ctx.trx, m.centreCode, m.period);
      await ctx.trx
        .insertInto('countyPackages')
        .values({ packageId: m.packageId, fileHash: v.fileHash, centreCode: m.centreCode, period: m.period, sequence: m.sequence, correction: m.correction, correctionReason: m.correctionReason, packageCreatedAt: m.createdAt, importedAt: ctx.at, importedBy: caller.name, supersededBy: null })
        .execute();
    }
    await ctx.audit({ action: 'create', entity: 'countyImportReports', entityId: reportId, after: { fileName: v.fileName, outcome: v.outcome, centreCode: m?.centreCode, period: m?.period, message: v.message } });
    return v;
  });
  return { reportId, verdict };
}
