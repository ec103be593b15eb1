// API of the meals module: diet types and residents' diets, weekly menus, headcounts with the kitchen's adjustments
// and serving, 助餐 for village elders (diners, dated prices, servings, delivery lists), food samples and the
// monthly meal report. Money travels in fen (分).
import { z } from 'zod';
import { STAFF_ROLES } from '../domain/care/vocab';
import { DIET_TYPES, RESIDENT_STATUSES } from '../domain/enums';
import { DINER_CATEGORIES, MEALS, SERVING_MODES } from '../domain/meals/vocab';
import { Done, ExcelFile, Ok, calendarDate, dateRange, entityId, instant, oneOf, optionalDate, optionalText, phone, requestId as requestIdField, requiredText, wholeNumber, yearMonth } from './fields';
import { method } from './method';
import { idNumberField } from './residents';
import type { Role } from './roles';
import { CENTRE_STAFF } from './roles';

/** Who runs the kitchen's records (menus, counts, servings, samples). */
export const KITCHEN: readonly Role[] = ['admin', 'kitchen'];
/** Who sets a resident's diet (a care decision, not the kitchen's). */
export const DIET_SETTERS: readonly Role[] = ['admin', 'care_lead', 'medical'];
/** Who reads diets, counts and the kitchen sheet. */
export const MEAL_READERS: readonly Role[] = ['admin', 'care_lead', 'caregiver', 'kitchen', 'medical'];
/** Who reads 助餐 diners (their ID numbers are masked) and the month's report. */
export const MEAL_AID_READERS: readonly Role[] = ['admin', 'kitchen'];

const meal = oneOf('餐次', MEALS);
const dietType = oneOf('饮食类型', DIET_TYPES);
const requestId = requestIdField('提交', '缺少提交编号');
const month = yearMonth('请选择月份');
const fen = (label: string) => wholeNumber(label, 0, 100_000);

export const DietTypeRow = z.object({ code: z.enum(DIET_TYPES), texture: z.string(), inUse: z.boolean(), residents: z.number() });
export const DietTypeInput = z.object({ code: dietType, texture: optionalText('质地说明', 60), inUse: z.boolean({ error: '请选择是否使用' }) });

export const ResidentDiet = z.object({
  residentId: z.string(),
  name: z.string(),
  bedLabel: z.string().nullable(),
  status: z.enum(RESIDENT_STATUSES),
  present: z.boolean(),
  dietType: z.enum(DIET_TYPES),
  avoidances: z.string(),
  allergies: z.string(),
  /** From the GB 38600 risk assessment: 'high' / 'medium', or null when low or not assessed. */
  chokingRisk: z.enum(['high', 'medium']).nullable(),
});
export type ResidentDiet = z.output<typeof ResidentDiet>;
export const ResidentDietInput = z.object({
  residentId: entityId('老人'),
  dietType,
  avoidances: optionalText('忌口', 100),
  allergies: optionalText('过敏', 200),
});

const dish = requiredText('菜名', 20);
export const MenuInput = z.object({
  date: calendarDate('日期'),
  meal,
  dietType,
  dishes: z.array(dish).max(12, { error: '一餐最多12个菜' }),
});
export const MenuEntry = z.object({ date: z.string(), meal: z.enum(MEALS), dietType: z.enum(DIET_TYPES), dishes: z.array(z.string()) });
export const MenuWeek = z.object({
  monday: z.string(),
  days: z.array(z.string()),
  dietTypes: z.array(z.object({ code: z.enum(DIET_TYPES), texture: z.string() })),
  entries: z.array(MenuEntry),
  facilityName: z.string(),
});
export type MenuWeek = z.output<typeof MenuWeek>;

export const DietCount = z.object({ dietType: z.enum(DIET_TYPES), computed: z.number(), adjustment: z.number(), total: z.number(), dishes: z.array(z.string()) });
export const MealCount = z.object({
  meal: z.enum(MEALS),
  time: z.string(),
  diets: z.array(DietCount),
  residentTotal: z.number(),
  /** Residents away at this meal (leave, hospital), by name. */
  away: z.array(z.string()),
  adjustments: z.array(z.object({ id: z.string(), dietType: z.enum(DIET_TYPES), delta: z.number(), reason: z.string(), by: z.string(), at: z.string() })),
  served: z.object({ at: z.string(), by: z.string() }).nullable(),
  dinersServed: z.number(),
});
export const SpecialNeed = z.object({
  residentId: z.string(),
  name: z.string(),
  bedLabel: z.string().nullable(),
  dietType: z.enum(DIET_TYPES),
  avoidances: z.string(),
  allergies: z.string(),
  chokingRisk: z.enum(['high', 'medium']).nullable(),
  /** Meals of the day the resident is away for. */
  awayFor: z.array(z.enum(MEALS)),
});
export const Headcount = z.object({ date: z.string(), meals: z.array(MealCount), specialNeeds: z.array(SpecialNeed), facilityName: z.string() });
export type Headcount = z.output<typeof Headcount>;
export const AdjustInput = z.object({
  date: calendarDate('日期'),
  meal,
  dietType,
  delta: z.number({ error: '调整份数应为数字' }).int({ error: '调整份数应为整数' }).min(-200, { error: '一次最多减200份' }).max(200, { error: '一次最多加200份' }).refine((n) => n !== 0, { error: '调整份数不能为0' }),
  reason: requiredText('调整原因', 60),
});
export const ServeInput = z.object({ date: calendarDate('日期'), meal, requestId });

/** A new elder put on the township's register while enrolling them (the register keeps the person; the 关爱专干 completes the rest). */
export const NewDinerPerson = z.object({
  name: requiredText('姓名', 20),
  idNumber: idNumberField,
  villageId: entityId('村'),
  phone: phone('电话').or(z.literal('')).default(''),
  address: optionalText('住址', 80),
});
/**
 * A meal-aid enrolment of an elder on the register (the elders module): a new one names either an elder already on the
 * register (elderId) or a new person to put on it (person); an edit changes the enrolment only.
 */
export const DinerInput = z
  .object({
    id: entityId('助餐对象').optional(),
    elderId: entityId('老人').optional(),
    person: NewDinerPerson.optional(),
    category: oneOf('助餐类别', DINER_CATEGORIES),
    route: optionalText('送餐路线', 20),
    defaultMode: oneOf('就餐方式', SERVING_MODES).default('dine_in'),
    leftOn: optionalDate('停止助餐日期'),
    note: optionalText('备注', 200),
  })
  .refine((v) => v.id !== undefined || (v.elderId === undefined) !== (v.person === undefined), { error: '请从农村老人名册选择老人，或填写新老人的信息（二选一）', path: ['elderId'] });
/** An elder on the register who could be enrolled: at home and not yet a diner. */
export const DinerCandidate = z.object({ elderId: z.string(), name: z.string(), village: z.string(), idNumberMasked: z.string(), age: z.number() });
export const DinerRow = z.object({
  id: z.string(),
  /** The elder on the register. */
  elderId: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  sex: z.enum(['male', 'female']),
  age: z.number(),
  village: z.string(),
  category: z.enum(DINER_CATEGORIES),
  phone: z.string(),
  address: z.string(),
  route: z.string(),
  defaultMode: z.enum(SERVING_MODES),
  leftOn: z.string().nullable(),
  active: z.boolean(),
  note: z.string(),
});
export type DinerRow = z.output<typeof DinerRow>;

export const PriceInput = z.object({
  category: oneOf('助餐类别', DINER_CATEGORIES),
  meal,
  effectiveFrom: calendarDate('起始日期'),
  priceFen: fen('餐费'),
  subsidyFen: fen('补贴'),
});
export const PriceRowOut = z.object({
  id: z.string(),
  category: z.enum(DINER_CATEGORIES),
  meal: z.enum(MEALS),
  effectiveFrom: z.string(),
  priceFen: z.number(),
  subsidyFen: z.number(),
  payableFen: z.number(),
  /** In force on the day asked about. */
  current: z.boolean(),
  by: z.string(),
});

export const ServingLine = z.object({
  dinerId: z.string(),
  name: z.string(),
  village: z.string(),
  category: z.enum(DINER_CATEGORIES),
  defaultMode: z.enum(SERVING_MODES),
  route: z.string(),
  price: z.object({ priceFen: z.number(), subsidyFen: z.number(), payableFen: z.number() }).nullable(),
  serving: z.object({ id: z.string(), mode: z.enum(SERVING_MODES), priceFen: z.number(), subsidyFen: z.number(), by: z.string(), at: z.string() }).nullable(),
});
export const ServingDay = z.object({ date: z.string(), meal: z.enum(MEALS), lines: z.array(ServingLine), served: z.number(), dineIn: z.number(), delivered: z.number() });
export const ServeDinerInput = z.object({ dinerId: entityId('助餐对象'), date: calendarDate('日期'), meal, mode: oneOf('就餐方式', SERVING_MODES), requestId });
export const CancelServingInput = z.object({ servingId: entityId('助餐记录'), reason: requiredText('取消原因', 60) });
export const DeliveryList = z.object({
  date: z.string(),
  meal: z.enum(MEALS),
  facilityName: z.string(),
  routes: z.array(z.object({ route: z.string(), stops: z.array(z.object({ name: z.string(), village: z.string(), address: z.string(), phone: z.string(), served: z.boolean() })) })),
});

export const SampleInput = z.object({
  date: calendarDate('日期'),
  meal,
  dish,
  amountGrams: z.number({ error: '留样量应为数字' }).positive({ error: '留样量必须大于0' }).max(2000, { error: '留样量不能超过2000克' }),
  /** When the sample was put away; ISO instant. */
  sampledAt: instant('留样时间'),
  fridge: requiredText('留样冰箱', 20),
  /** A sample lighter than the rule: recorded as it is, after the kitchen confirms. */
  confirmUnderweight: z.boolean().default(false),
  requestId,
});
export const DisposeInput = z.object({
  sampleId: entityId('留样记录'),
  /** Required when the sample is thrown away before the minimum hours. */
  earlyReason: optionalText('提前处理原因', 60),
});
export const SampleRow = z.object({
  id: z.string(),
  date: z.string(),
  meal: z.enum(MEALS),
  dish: z.string(),
  amountGrams: z.number(),
  sampledAt: z.string(),
  fridge: z.string(),
  sampledBy: z.string(),
  keepUntil: z.string(),
  disposedAt: z.string().nullable(),
  disposedBy: z.string().nullable(),
  earlyReason: z.string().nullable(),
  underweight: z.boolean(),
  disposedEarly: z.boolean(),
});
export const SampleWarning = z.object({
  kind: z.enum(['missing', 'early', 'underweight']),
  date: z.string(),
  meal: z.enum(MEALS),
  text: z.string(),
});
export type SampleWarning = z.output<typeof SampleWarning>;
export const SampleDay = z.object({
  date: z.string(),
  samples: z.array(SampleRow),
  /** Dishes on that day's menu per meal, to pick from. */
  menuDishes: z.array(z.object({ meal: z.enum(MEALS), dishes: z.array(z.string()) })),
  warnings: z.array(SampleWarning),
  /** Samples (any day) kept long enough and not yet thrown away. */
  dueForDisposal: z.number(),
  rule: z.object({ minGrams: z.number(), minHours: z.number() }),
});

export const KitchenCert = z.object({ staffId: z.string(), name: z.string(), role: z.enum(STAFF_ROLES), healthCertExpiry: z.string().nullable(), state: z.enum(['ok', 'soon', 'expired', 'missing']) });

export const MonthReport = z.object({
  month: z.string(),
  facilityName: z.string(),
  residents: z.object({
    byDiet: z.array(z.object({ dietType: z.enum(DIET_TYPES), breakfast: z.number(), lunch: z.number(), dinner: z.number(), snack: z.number(), total: z.number() })),
    total: z.number(),
    mealsNotServed: z.number(),
  }),
  aid: z.object({
    byCategory: z.array(
      z.object({ category: z.enum(DINER_CATEGORIES), diners: z.number(), dineIn: z.number(), delivered: z.number(), meals: z.number(), priceFen: z.number(), subsidyFen: z.number(), payableFen: z.number() }),
    ),
    totals: z.object({ diners: z.number(), dineIn: z.number(), delivered: z.number(), meals: z.number(), priceFen: z.number(), subsidyFen: z.number(), payableFen: z.number() }),
  }),
  samples: z.object({ recorded: z.number(), missing: z.number(), early: z.number(), underweight: z.number() }),
});
export type MonthReport = z.output<typeof MonthReport>;


export const mealsApi = {
  'meals.dietTypes': method({ input: z.object({}), output: z.array(DietTypeRow), roles: CENTRE_STAFF, writes: false }),
  'meals.saveDietType': method({ input: DietTypeInput, output: z.object({ code: z.string() }), roles: KITCHEN, writes: true }),
  'meals.residentDiets': method({ input: z.object({ query: optionalText('搜索', 30) }), output: z.array(ResidentDiet), roles: MEAL_READERS, writes: false }),
  'meals.setResidentDiet': method({ input: ResidentDietInput, output: Done, roles: DIET_SETTERS, writes: true }),

  'meals.menuWeek': method({ input: z.object({ monday: calendarDate('周一日期') }), output: MenuWeek, roles: CENTRE_STAFF, writes: false }),
  'meals.saveMenu': method({ input: MenuInput, output: Ok, roles: KITCHEN, writes: true }),
  'meals.copyMenuWeek': method({ input: z.object({ monday: calendarDate('周一日期') }), output: z.object({ copied: z.number() }), roles: KITCHEN, writes: true }),

  'meals.headcount': method({ input: z.object({ date: calendarDate('日期') }), output: Headcount, roles: MEAL_READERS, writes: false }),
  'meals.adjust': method({ input: AdjustInput, output: Done, roles: KITCHEN, writes: true }),
  'meals.serve': method({ input: ServeInput, output: z.object({ id: z.string(), repeated: z.boolean() }), roles: KITCHEN, writes: true }),

  'meals.diners': method({ input: z.object({ query: optionalText('搜索', 30), includeLeft: z.boolean().default(false) }), output: z.array(DinerRow), roles: MEAL_AID_READERS, writes: false }),
  'meals.saveDiner': method({ input: DinerInput, output: Done, roles: KITCHEN, writes: true }),
  'meals.dinerCandidates': method({ input: z.object({ query: optionalText('搜索', 30) }), output: z.array(DinerCandidate), roles: KITCHEN, writes: false }),
  'meals.prices': method({ input: z.object({ onDate: calendarDate('日期') }), output: z.array(PriceRowOut), roles: MEAL_AID_READERS, writes: false }),
  'meals.savePrice': method({ input: PriceInput, output: Done, roles: ['admin'], writes: true }),
  'meals.servingDay': method({ input: z.object({ date: calendarDate('日期'), meal, query: optionalText('搜索', 30) }), output: ServingDay, roles: MEAL_AID_READERS, writes: false }),
  'meals.serveDiner': method({ input: ServeDinerInput, output: z.object({ id: z.string(), repeated: z.boolean() }), roles: KITCHEN, writes: true }),
  'meals.cancelServing': method({ input: CancelServingInput, output: Done, roles: KITCHEN, writes: true }),
  'meals.deliveryList': method({ input: z.object({ date: calendarDate('日期'), meal }), output: DeliveryList, roles: MEAL_AID_READERS, writes: false }),

  'meals.samples': method({ input: z.object({ date: calendarDate('日期') }), output: SampleDay, roles: MEAL_READERS, writes: false }),
  'meals.recordSample': method({ input: SampleInput, output: z.object({ id: z.string(), repeated: z.boolean() }), roles: KITCHEN, writes: true }),
  'meals.disposeSample': method({ input: DisposeInput, output: Done, roles: KITCHEN, writes: true }),
  'meals.disposeDue': method({ input: z.object({}), output: z.object({ disposed: z.number() }), roles: KITCHEN, writes: true }),
  'meals.sampleWarnings': method({ input: z.object(dateRange()), output: z.array(SampleWarning), roles: MEAL_READERS, writes: false }),

  'meals.kitchenCerts': method({ input: z.object({}), output: z.array(KitchenCert), roles: MEAL_READERS, writes: false }),
  'meals.monthReport': method({ input: z.object({ month }), output: MonthReport, roles: MEAL_AID_READERS, writes: false }),
  'meals.exportMonth': method({ input: z.object({ month }), output: ExcelFile, roles: MEAL_AID_READERS, writes: true }),
};
