// Moving a county that outgrew one PC onto its new PostgreSQL store: every table county mode keeps, copied from the
// SQLite file inside the server's one transaction (all of it or nothing), in an order that keeps references valid.
// The county's private key is re-kept readable by the server's accounts (one PC's key store cannot serve the others).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { Platform } from '../../platform';

/** The tables of the county store, parents first (county_packages points at county_centres). */
export const COUNTY_STORE_TABLES = [
  'facility',
  'users',
  'settings',
  'syncIdentity',
  'countyCentres',
  'countyPackages',
  'countyImportReports',
  'countyRecords',
  'countyFigures',
  'countyFigureSums',
  'countyTierAnswers',
  'auditLog',
] as const satisfies readonly (keyof DB)[];

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const CHUNK = 1000;

type Row = Record<string, unknown>;

async function insertRows(to: Transaction<DB>, table: keyof DB, rows: Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await to.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
}

/** Only the desktop app that protected the county's key can read it back (the caller checks that first). */
function keyReadableByServer(row: Row, platform: Platform | undefined): Row {
  if (row.keyProtection !== 'safe_storage') return row;
  return { ...row, privateKey: platform!.unprotectSecret!(String(row.privateKey)), keyProtection: 'none' };
}

export async function copyCountyStore(from: Kysely<DB>, to: Transaction<DB>, platform: Platform | undefined): Promise<Record<string, number>> {
  const copied: Record<string, number> = {};
  for (const table of COUNTY_STORE_TABLES) {
    if (table === 'countyRecords') {
      // Millions of lines in a big county: one centre's month at a time, never the whole table in memory.
      const months = await from.selectFrom('countyRecords').select(['centreCode', 'period']).distinct().execute();
      copied[table] = 0;
      for (const m of months) {
        const rows = await from.selectFrom('countyRecords').selectAll().where('centreCode', '=', m.centreCode).where('period', '=', m.period).execute();
        await insertRows(to, table, rows);
        copied[table] += rows.length;
      }
      continue;
    }
    let rows = (await from.selectFrom(table).selectAll().execute()) as Row[];
    if (table === 'syncIdentity') rows = rows.map((row) => keyReadableByServer(row, platform));
    await insertRows(to, table, rows);
    copied[table] = rows.length;
  }
  return copied;
}
