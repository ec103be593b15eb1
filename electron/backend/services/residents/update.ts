// Editing a resident's file (personal data, contacts, diet …). The stay history is changed only by its own actions.
import type { z } from 'zod';
import type { UpdatePersonInput } from '@shared/api/residents';
import { conflict, notFound } from '@shared/api/errors';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { withoutPhotoBytes } from './admission';
import { personRow } from './person';

export function updatePerson(deps: BackendDeps, caller: Caller, input: z.output<typeof UpdatePersonInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = await ctx.trx.selectFrom('residents').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!before) throw notFound('老人档案');
    const person = personRow(input.person, ctx.today);
    if (person.idNumber !== before.idNumber) {
      const other = await ctx.trx.selectFrom('residents').select('name').where('idNumber', '=', person.idNumber).executeTakeFirst();
      if (other) throw conflict(`该身份证号已属于另一份档案（${other.name}），请核对`, 'person.idNumber');
    }
    if (before.admittedOn && before.admittedOn < person.birthDate) {
      throw conflict(`新身份证号的出生日期（${person.birthDate}）晚于入住日期（${before.admittedOn}），请核对`, 'person.idNumber');
    }
    await ctx.trx.updateTable('residents').set({ ...person, ...ctx.stampUpdate() }).where('id', '=', input.id).execute();
    await ctx.audit({
      action: 'update',
      entity: 'residents',
      entityId: input.id,
      before: withoutPhotoBytes(before),
      after: withoutPhotoBytes(person),
    });
    return { id: input.id };
  });
}
