import { ENUM_LABELS_ZH } from '@shared/domain/enum-labels';
import { abilityZh } from './zh-CN-assessment';
import { fireZh } from './zh-CN-fire';
import { visitsZh } from './zh-CN-visits';
import { pickersZh } from './zh-CN-pickers';
import { countyZh, syncZh } from './zh-CN-sync';
import { countyTablesZh } from './zh-CN-county-tables';
import { countyVillagesZh } from './zh-CN-county-villages';
import { countyCareZh } from './zh-CN-county-care';
import { countyAreaZh } from './zh-CN-county-area';
import { mealsZh } from './zh-CN-meals';
import { firstDayZh } from './zh-CN-firstday';
import { peopleZh } from './zh-CN-people';
import { nightZh } from './zh-CN-night';
import { countyTierZh, tierZh } from './zh-CN-tier';
import { navGroupsZh, paginationZh } from './zh-CN-screens';
import { careZh } from './zh-CN-care';
import { staffZh } from './zh-CN-staff';
import { residentsZh } from './zh-CN-residents';
import { adminZh } from './zh-CN-admin';
import { plansZh } from './zh-CN-plans';
import { facilityZh } from './zh-CN-facility';
import { eldersZh } from './zh-CN-elders';
import { ledgersZh } from './zh-CN-ledgers';
import { homecareZh } from './zh-CN-homecare';
import { entrustedZh } from './zh-CN-entrusted';
import { mutualaidZh } from './zh-CN-mutualaid';
import { medicationZh } from './zh-CN-medication';
import { healthZh } from './zh-CN-health';
import { storeZh } from './zh-CN-store';
import { diskZh } from './zh-CN-disk';

// Chinese is the source language: every word the UI shows lives here. English can be added beside it (en.ts).
export const zhCN = {
  app: {
    name: '乡镇敬老院运营系统',
    loading: '正在加载…',
    retry: '重试',
    save: '保存',
    cancel: '取消',
    confirm: '确认',
    close: '关闭',
    edit: '修改',
    back: '返回',
    search: '搜索',
    none: '无',
    saved: '已保存',
    loadFailed: '加载失败：{{message}}',
    today: '今天 {{date}}',
    user: '当前操作人：{{name}}',
    menu: '菜单',
  },
  auth: {
    firstRunTitle: '第一次使用：创建管理员账号',
    modeLabel: '这台电脑用于',
    modeCentre: '敬老院日常管理',
    modeCounty: '民政部门汇总各院月报（县、地市或省）',
    modeHint: '选定后不能更改：汇总各院月报（县、地市或省）使用单独的数据库，不记录老人日常护理。',
    firstRunIntro: '请院长（或负责电脑的管理员）创建自己的账号。系统没有默认密码，这个账号以后用来给护理员、厨房等人员开账号。',
    username: '登录名',
    usernameHint: '如：wangyz 或 王院长',
    displayName: '姓名',
    password: '密码',
    passwordHint: '至少 {{n}} 位，请记住它',
    passwordRepeat: '再输一次密码',
    passwordMismatch: '两次输入的密码不一样',
    pin: '6位数字PIN码（选填）',
    pinHint: '在共用电脑上切换用户时输入，比密码快',
    createAdmin: '创建管理员并登录',
    loginTitle: '请登录',
    pickName: '点您的名字，输入PIN码',
    noQuickUsers: '还没有人设置PIN码。请用登录名和密码登录。',
    orPassword: '用登录名和密码登录',
    login: '登录',
    enterPin: '{{name}}，请输入您的6位PIN码',
    pinLabel: 'PIN码',
    back: '换一个人',
    lockedTitle: '屏幕已锁定',
    lockedBy: '{{name}} 离开后自动锁定。请点您的名字并输入PIN码继续。',
    onShift: '现在当班：{{names}}',
    signedInToday: '今天登录过：{{names}}',
    nobodyOnShift: '今天还没有人登录',
    lockNow: '锁屏/切换用户',
    logout: '退出登录',
    account: '我的账号',
    mustChangeTitle: '请设置新密码',
    mustChangeIntro: '您的密码是管理员设置的临时密码，请换成只有您自己知道的密码。',
    currentPassword: '当前密码',
    newPassword: '新密码',
    changePassword: '修改密码',
    passwordChanged: '密码已修改',
    setPin: '设置PIN码',
    pinSaved: 'PIN码已设置',
    forbidden: '您的角色没有权限打开这个页面。',
  },
  people: peopleZh,
  night: nightZh,
  ...adminZh,
  ...plansZh,
  tier: tierZh,
  nav: {
    dashboard: '首页',
    shift: '本班任务',
    handover: '交接班',
    incidents: '意外事件',
    care: '护理记录查询',
    staff: '员工档案',
    roster: '排班表',
    bedMap: '房态图',
    residents: '在院老人',
    admit: '办理入住',
    facility: '床位与机构设置',
    users: '账号管理',
    audit: '操作记录',
    backup: '数据备份',
    settings: '系统设置',
    account: '我的账号',
    meals: '膳食',
    mealAid: '老年助餐',
    visits: '探访',
    fire: '消防安全',
    sync: '月度报送',
    county: '报送情况',
    countyImport: '导入数据包',
    countyIndicators: '县级指标',
    countyCentres: '机构登记',
    countyReports: '导入记录',
    countyTier: '特困认定',
    elders: '农村老人',
    homecare: '居家服务',
    medication: '服药',
    health: '健康档案',
    entrusted: '分散供养照料',
    mutualaid: '互助养老',
  },
  navGroup: navGroupsZh,
  pagination: paginationZh,
  meals: mealsZh,
  elders: eldersZh,
  firstDay: firstDayZh,
  fire: fireZh,
  visits: visitsZh,
  homecare: homecareZh,
  medication: medicationZh,
  health: healthZh,
  store: storeZh,
  disk: diskZh,
  entrusted: entrustedZh,
  mutualaid: mutualaidZh,
  ledgers: ledgersZh,
  pickers: pickersZh,
  ability: abilityZh,
  sync: syncZh,
  county: { ...countyZh, tables: countyTablesZh, villages: countyVillagesZh, care: countyCareZh, area: countyAreaZh },
  countyTier: countyTierZh,
  ...staffZh,
  ...careZh,
  ...facilityZh,
  ...residentsZh,
  enums: ENUM_LABELS_ZH,
  errors: {
    network: '无法连接到本机服务，请确认程序仍在运行',
    unauthenticated: '访问已失效，请使用启动时打印的链接重新打开',
  },
} as const;

export type Resources = typeof zhCN;
