// The full ID number of a resident a centre reported, for the county administrator matching the 特困 roll: every
// look is written to the audit log (like residents.revealIdNumber in a centre). Everyone else sees it masked.
import { z } from 'zod';
import { notFound } from '@shared/api/errors';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { parseJsonColumn } from '../../db/json';

/** A resident record as the county keeps it: only its ID number is read here (records of any format). */
const WithIdNumber = z.object({ idNumber: z.string().nullable().optional() });

export function revealIdNumber(deps: BackendDeps, caller: Caller, input: { centreCode: string; period: string; residentId: string }) {
  return writeAction(deps, caller, async (ctx) => {
    const row = await ctx.trx
      .selectFrom('countyRecords')
      .select('data')
      .where('centreCode', '=', input.centreCode)
      .where('period', '=', input.period)
      .where('section', '=', 'residents')
      .where('recordId', '=', input.residentId)
      .executeTakeFirst();
    const idNumber = row ? (parseJsonColumn(WithIdNumber, row.data, 'county_records.data').idNumber ?? '') : null;
    if (idNumber === null) throw notFound('该院报送的老人');
    await ctx.audit({ action: 'view_id_number', entity: 'countyRecords', entityId: `${input.centreCode}/${input.period}/${input.residentId}` });
    return { idNumber };
  });
}
