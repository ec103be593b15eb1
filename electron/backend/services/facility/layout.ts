// Buildings, rooms and beds: added, edited and retired (never deleted: stays keep pointing at them).
import type { z } from 'zod';
import type { BedInput, BedUpdateInput, BuildingInput, RoomInput, RoomUpdateInput } from '@shared/api/facility';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { type WriteContext, writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import { loadActiveBed } from './places';

type Done = { id: string };

async function activeBuilding(ctx: WriteContext, id: string) {
  const row = await ctx.trx.selectFrom('buildings').selectAll().where('id', '=', id).where('retiredAt', 'is', null).executeTakeFirst();
  if (!row) throw notFound('楼栋');
  return row;
}

async function activeRoom(ctx: WriteContext, id: string) {
  const row = await ctx.trx.selectFrom('rooms').selectAll().where('id', '=', id).where('retiredAt', 'is', null).executeTakeFirst();
  if (!row) throw notFound('房间');
  return row;
}

async function assertBuildingNameFree(ctx: WriteContext, name: string, exceptId?: string) {
  let q = ctx.trx.selectFrom('buildings').select('id').where('name', '=', name).where('retiredAt', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw conflict(`已有名为「${name}」的楼栋，请换一个名称`, 'name');
}

async function assertRoomNameFree(ctx: WriteContext, buildingId: string, name: string, exceptId?: string) {
  let q = ctx.trx
    .selectFrom('rooms')
    .select('id')
    .where('buildingId', '=', buildingId)
    .where('name', '=', name)
    .where('retiredAt', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw conflict(`该楼栋已有房间「${name}」，请换一个房间号`, 'name');
}

async function assertBedLabelFree(ctx: WriteContext, roomId: string, label: string, exceptId?: string) {
  let q = ctx.trx.selectFrom('beds').select('id').where('roomId', '=', roomId).where('label', '=', label).where('retiredAt', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw conflict(`该房间已有${label}号床，请换一个床号`, 'label');
}

function assertFloorInBuilding(floor: number, floors: number) {
  if (floor === 0 || floor > floors) throw invalid(`楼层应在 1 到 ${floors} 之间（地下层用负数）`, 'floor');
}

/** Names of residents occupying beds among the given rooms; retiring those rooms must be refused. */
async function occupantsOfRooms(ctx: WriteContext, roomIds: string[]): Promise<string[]> {
  if (roomIds.length === 0) return [];
  const rows = await ctx.trx
    .selectFrom('residents')
    .innerJoin('beds', 'beds.id', 'residents.bedId')
    .select('residents.name')
    .where('beds.roomId', 'in', roomIds)
    .execute();
  return rows.map((r) => r.name);
}

async function retireBeds(ctx: WriteContext, roomIds: string[]) {
  if (roomIds.length === 0) return;
  const beds = await ctx.trx.selectFrom('beds').selectAll().where('roomId', 'in', roomIds).where('retiredAt', 'is', null).execute();
  for (const bed of beds) {
    await ctx.trx.updateTable('beds').set({ retiredAt: ctx.at, ...ctx.stampUpdate() }).where('id', '=', bed.id).execute();
    await ctx.audit({ action: 'retire', entity: 'beds', entityId: bed.id, before: bed });
  }
}

async function retireRooms(ctx: WriteContext, rooms: { id: string }[]) {
  for (const room of rooms) {
    const before = await ctx.trx.selectFrom('rooms').selectAll().where('id', '=', room.id).executeTakeFirstOrThrow();
    await ctx.trx.updateTable('rooms').set({ retiredAt: ctx.at, ...ctx.stampUpdate() }).where('id', '=', room.id).execute();
    await ctx.audit({ action: 'retire', entity: 'rooms', entityId: room.id, before });
  }
  await retireBeds(ctx, rooms.map((r) => r.id));
}

export function addBuilding(deps: BackendDeps, caller: Caller, input: z.output<typeof BuildingInput>): Promise<Done> {
  return writeAction(deps, caller, async (ctx) => {
    await assertBuildingNameFree(ctx, input.name);
    const id = newId();
    await ctx.trx.insertInto('buildings').values({ id, ...input, retiredAt: null, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'buildings', entityId: id, after: input });
    return { id };
  });
}

export function updateBuilding(
  deps: BackendDeps,
  caller: Caller,
  input: z.output<typeof BuildingInput> & { id: string },
): Promise<Done> {
  return writeAction(deps, caller, async (ctx) => {
    const before = await activeBuilding(ctx, input.id);
    await assertBuildingNameFree(ctx, input.name, input.id);
    const highest = await ctx.trx
      .selectFrom('rooms')
      .select((eb) => eb.fn.max('floor').as('top'))
      .where('buildingId', '=', input.id)
      .where('retiredAt', 'is', null)
      .executeTakeFirst();
    if (highest?.top && highest.top > input.floors) {
      throw invalid(`该楼栋第 ${highest.top} 层还有房间，楼层数不能少于 ${highest.top}`, 'floors');
    }
    await ctx.trx.updateTable('buildings').set({ name: input.name, floors: input.floors, ...ctx.stampUpdate() }).where('id', '=', input.id).execute();
    await ctx.audit({ action: 'update', entity: 'buildings', entityId: input.id, before, after: input });
    return { id: input.id };
  });
}

export function retireBuilding(deps: BackendDeps, caller: Caller, input: { id: string }): Promise<Done> {
  return writeAction(deps, caller, async (ctx) => {
    const before = await activeBuilding(ctx, input.id);
    const rooms = await ctx.trx.selectFrom('rooms').select('id').where('buildingId', '=', input.id).where('retiredAt', 'is', null).execute();
    const occupants = await occupantsOfRooms(ctx, rooms.map((r) => r.id));
    if (occupants.length > 0) {
      throw conflict(`「${before.name}」还住着 ${occupants.length} 位老人（${occupants.slice(0, 3).join('、')}…），请先调床或办理离院，再停用楼栋`);
    }
    await retireRooms(ctx, rooms);
    await ctx.trx.updateTable('buildings').set({ retiredAt: ctx.at, ...ctx.stampUpdate() }).where('id', '=', input.id).execute();
    await ctx.audit({ action: 'retire', entity: 'buildings', entityId: input.id, before });
    return { id: input.id };
  });
}

export function addRoom(deps: BackendDeps, caller: Caller, input: z.output<typeof RoomInput>): Promise<Done> {
  return writeAction(deps, caller, async (ctx) => {
    const building = await activeBuilding(ctx, input.buildingId);
    assertFloorInBuilding(input.floor, building.floors);
    await assertRoomNameFree(ctx, input.buildingId, input.name);
    const id = newId();
    const room = { id, buildingId: input.buildingId, floor: input.floor, name: input.name, retiredAt: null };
    await ctx.trx.insertInto('rooms').values({ ...room, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'rooms', entityId: id, after: room });
    for (let n = 1; n <= input.bedCount; n++) {
      const bed = { id: newId(), roomId: id, label: String(n), bedType: input.bedType, setting: 'available' as const, retiredAt: null };
      await ctx.trx.insertInto('beds').values({ ...bed, ...ctx.stampNew() }).execute();
      await ctx.audit({ action: 'create', entity: 'beds', entityId: bed.id, after: bed });
    }
    return { id };
  });
}

export function updateRoom(deps: BackendDeps, caller: Caller, input: z.output<typeof RoomUpdateInput>): Promise<Done> {
  return writeAction(deps, caller, async (ctx) => {
    const before = await activeRoom(ctx, input.id);
    const building = await activeBuilding(ctx, before.buildingId);
    assertFloorInBuilding(input.floor, building.floors);
    await assertRoomNameFree(ctx, before.buildingId, input.name, input.id);
    await ctx.trx.updateTable('rooms').set({ floor: input.floor, name: input.name, ...ctx.stampUpdate() }).where('id', '=', input.id).execute();
    await ctx.audit({ action: 'update', entity: 'rooms', entityId: input.id, before, after: input });
    return { id: input.id };
  });
}

export function retireRoom(deps: BackendDeps, caller: Caller, input: { id: string }): Promise<Done> {
  return writeAction(deps, caller, async (ctx) => {
    const room = await activeRoom(ctx, input.id);
    const occupants = await occupantsOfRooms(ctx, [room.id]);
    if (occupants.length > 0) {
      throw conflict(`${room.name}室还住着${occupants.join('、')}，请先调床或办理离院，再停用房间`);
    }
    await retireRooms(ctx, [room]);
    return { id: input.id };
  });
}

export function addBed(deps: BackendDeps, caller: Caller, input: z.output<typeof BedInput>): Promise<Done> {
  return writeAction(deps, caller, async (ctx) => {
    await activeRoom(ctx, input.roomId);
    await assertBedLabelFree(ctx, input.roomId, input.label);
    const bed = { id: newId(), ...input, setting: 'available' as const, retiredAt: null };
    await ctx.trx.insertInto('beds').values({ ...bed, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'beds', entityId: bed.id, after: bed });
    return { id: bed.id };
  });
}

export function updateBed(deps: BackendDeps, caller: Caller, input: z.output<typeof BedUpdateInput>): Promise<Done> {
  return writeAction(deps, caller, async (ctx) => {
    const place = await loadActiveBed(ctx.trx, input.id);
    if (place.occupantName && input.setting !== 'available') {
      const what = input.setting === 'disabled' ? '停用' : '预留';
      throw conflict(`${place.fullLabel}住着${place.occupantName}，不能设为${what}`, 'setting');
    }
    await assertBedLabelFree(ctx, place.roomId, input.label, input.id);
    const before = await ctx.trx.selectFrom('beds').selectAll().where('id', '=', input.id).executeTakeFirstOrThrow();
    await ctx.trx
      .updateTable('beds')
      .set({ label: input.label, bedType: input.bedType, setting: input.setting, ...ctx.stampUpdate() })
      .where('id', '=', input.id)
      .execute();
    await ctx.audit({ action: 'update', entity: 'beds', entityId: input.id, before, after: input });
    return { id: input.id };
  });
}

export function retireBed(deps: BackendDeps, caller: Caller, input: { id: string }): Promise<Done> {
  return writeAction(deps, caller, async (ctx) => {
    const place = await loadActiveBed(ctx.trx, input.id);
    if (place.occupantName) throw conflict(`${place.fullLabel}住着${place.occupantName}，请先调床或办理离院，再移除床位`);
    const before = await ctx.trx.selectFrom('beds').selectAll().where('id', '=', input.id).executeTakeFirstOrThrow();
    await ctx.trx.updateTable('beds').set({ retiredAt: ctx.at, ...ctx.stampUpdate() }).where('id', '=', input.id).execute();
    await ctx.audit({ action: 'retire', entity: 'beds', entityId: input.id, before });
    return { id: input.id };
  });
}
