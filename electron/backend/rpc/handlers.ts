// Binds every method of the contract to its service. The mapped type makes a missing handler a type error.
import type { z } from 'zod';
import type { Contract, Method, Out } from '@shared/api/contract';
import type { BackendDeps } from '../deps';
import { AppError } from '@shared/api/errors';
import type { Session } from '../security/session';
import type { DatabaseHolder } from '../services/backup/holder';
import type { BackupService } from '../services/backup/service';
import type { Platform } from '../platform';
import type { Caller } from '../caller';
import { authStatus, changePassword, login, pinLogin, setPin, setupAdmin } from '../services/auth/auth';
import { readSettings, readSettingsChecked, updateSettings } from '../services/settings/settings';
import { createUser, listUsers, resetPassword, updateUser, resetPin } from '../services/users/users';
import { finalize, getAssessment, listAssessments, recordDispute, saveDraft } from '../services/assessment/ability';
import { recordRisks, listRisks } from '../services/assessment/risk';
import { dueAssessments } from '../services/assessment/schedule';
import { dueRisks } from '../services/assessment/risk-schedule';
import { tierHandlers } from '../services/tier/handlers';
import { exportAudit } from '../services/audit/export';
import { carePlan, generatePlan, saveTask } from '../services/careplan/careplan';
import { assignGrade, gradeHistory, listGrades, saveGrade, suggestGrade } from '../services/grades/grades';
import { searchAudit } from '../services/audit/search';
import { dashboardSummary } from '../services/dashboard/summary';
import { bedMap } from '../services/facility/bed-map';
import * as layout from '../services/facility/layout';
import { getProfile, saveProfile } from '../services/facility/profile';
import { admit, readmit } from '../services/residents/admission';
import { census, getResidentFile, revealIdNumber, searchResidents } from '../services/residents/read';
import { discharge, endLeave, startLeave, transfer } from '../services/residents/stays';
import { archiveResident } from '../services/residents/retention';
import { updatePerson } from '../services/residents/update';
import { loadDemo } from '../services/system/demo';
import { systemInfo } from '../services/system/info';
import { addTraining, expiringCertificates, listStaff, saveStaff, hireStaff } from '../services/staff/staff';
import { staffNames } from '../services/staff/names';
import { listShifts, saveShift } from '../services/roster/shifts';
import { assign, copyWeek, onDuty, rosterWeek } from '../services/roster/roster';
import { assignDays, fillWeek } from '../services/roster/bulk';
import { myShift, residentPhoto, residentShift, revealContactPhone } from '../services/care/shift';
import { amendEntry, recordEntry, recordRound } from '../services/care/record';
import { shiftCoverage } from '../services/care/coverage';
import { exportLedger, ledger, monthlySummary, timeline } from '../services/care/reports';
import { closeIncident, followUp, listIncidents, reportIncident, riskEventCounts } from '../services/incidents/incidents';
import { listDietTypes, residentDiets, saveDietType, setResidentDiet } from '../services/meals/diets';
import { copyMenuWeek, menuWeek, saveMenu } from '../services/meals/menus';
import { adjustCount, headcount, serveMeal } from '../services/meals/headcount';
import { listDiners, saveDiner } from '../services/meals/diners';
import { listPrices, savePrice } from '../services/meals/prices';
import { cancelServing, deliveryList, serveDiner, servingDay } from '../services/meals/servings';
import { disposeDue, disposeSample, recordSample, sampleDay, sampleWarnings } from '../services/meals/samples';
import { kitchenCerts } from '../services/meals/kitchen-staff';
import { exportMonth, monthReport } from '../services/meals/report';
import { readFireSettings, readFireSettingsChecked, saveFireSettings } from '../services/fire/settings';
import { listCheckpoints, listItems, saveCheckpoint, saveItem } from '../services/fire/checklists';
import { countersign, listRounds, recordRound as recordFireRound } from '../services/fire/rounds';
import { dangerAction, listDangers, reportDanger } from '../services/fire/dangers';
import { listEquipment, saveEquipment } from '../services/fire/equipment';
import { listDrills, listTrainings, saveDrill, saveTraining } from '../services/fire/drills';
import { addDuty, dutyLog } from '../services/fire/duty';
import { compliance } from '../services/fire/compliance';
import { exportFireLedger, fireLedger } from '../services/fire/ledger';
import { syncHandlers } from './handlers-sync';
import { acceptHandover, draftHandover, listHandovers, pendingHandovers, submitHandover } from '../services/handover/handover';

export interface Call {
  session: Session;
  /** The signed-in person; only protected methods read it (the dispatcher has checked it). */
  readonly caller: Caller;
}

export type Handler<M extends Method> = (input: z.output<Contract[M]['input']>, call: Call) => Promise<Out<M>>;
export type Handlers = { [M in Method]: Handler<M> };

export function createHandlers(deps: BackendDeps, { holder, backups, platform }: { holder: DatabaseHolder; backups: BackupService; platform?: Platform }): Handlers {
  return {
    'system.info': (_input, { caller }) => systemInfo(deps, caller),

    'auth.status': (_input, { session }) => authStatus(deps, session),
    'auth.setupAdmin': (input, { session }) => setupAdmin(deps, session, input, platform),
    'auth.login': (input, { session }) => login(deps, session, input),
    'auth.pinLogin': (input, { session }) => pinLogin(deps, session, input),
    'auth.heartbeat': async () => ({ ok: true as const }),
    'auth.lock': async (_input, { session }) => (session.lock(), { ok: true as const }),
    'auth.logout': async (_input, { session }) => (session.signOut(), { ok: true as const }),
    'auth.changePassword': (input, { session, caller }) => changePassword(deps, session, caller, input),
    'auth.setPin': (input, { caller }) => setPin(deps, caller, input),

    'users.list': () => listUsers(deps),
    'users.create': (input, { caller }) => createUser(deps, caller, input),
    'users.update': (input, { caller }) => updateUser(deps, caller, input),
    'users.resetPassword': (input, { caller }) => resetPassword(deps, caller, input),
    'users.resetPin': (input, { caller }) => resetPin(deps, caller, input),

    'settings.get': () => readSettings(deps.db),
    'settings.replaced': async () => (await readSettingsChecked(deps.db)).replaced,
    'settings.update': (input, { caller }) => updateSettings(deps, caller, input),
    'system.loadDemo': (_input, { caller }) => loadDemo(deps, caller),

    'facility.get': () => getProfile(deps),
    'facility.save': (input, { caller }) => saveProfile(deps, caller, input),
    'facility.bedMap': (input) => bedMap(deps, input),
    'facility.addBuilding': (input, { caller }) => layout.addBuilding(deps, caller, input),
    'facility.updateBuilding': (input, { caller }) => layout.updateBuilding(deps, caller, input),
    'facility.retireBuilding': (input, { caller }) => layout.retireBuilding(deps, caller, input),
    'facility.addRoom': (input, { caller }) => layout.addRoom(deps, caller, input),
    'facility.updateRoom': (input, { caller }) => layout.updateRoom(deps, caller, input),
    'facility.retireRoom': (input, { caller }) => layout.retireRoom(deps, caller, input),
    'facility.addBed': (input, { caller }) => layout.addBed(deps, caller, input),
    'facility.updateBed': (input, { caller }) => layout.updateBed(deps, caller, input),
    'facility.retireBed': (input, { caller }) => layout.retireBed(deps, caller, input),

    'residents.search': (input) => searchResidents(deps, input),
    'residents.get': (input, { caller }) => getResidentFile(deps, caller, input.id),
    'residents.census': () => census(deps),
    'residents.revealIdNumber': (input, { caller }) => revealIdNumber(deps, caller, input.id),
    'residents.admit': (input, { caller }) => admit(deps, caller, input),
    'residents.readmit': (input, { caller }) => readmit(deps, caller, input),
    'residents.update': (input, { caller }) => updatePerson(deps, caller, input),
    'residents.transfer': (input, { caller }) => transfer(deps, caller, input),
    'residents.startLeave': (input, { caller }) => startLeave(deps, caller, input),
    'residents.endLeave': (input, { caller }) => endLeave(deps, caller, input),
    'residents.discharge': (input, { caller }) => discharge(deps, caller, input),
    'residents.archive': (input, { caller }) => archiveResident(deps, caller, input.id),

    'dashboard.summary': () => dashboardSummary(deps),

    'audit.search': (input) => searchAudit(deps, input),
    'audit.export': (input, { caller }) => exportAudit(deps, caller, input),

    'assessment.list': (input) => listAssessments(deps, input.residentId),
    'assessment.get': (input) => getAssessment(deps, input.id),
    'assessment.saveDraft': (input, { caller }) => saveDraft(deps, caller, input),
    'assessment.finalize': (input, { caller }) => finalize(deps, caller, input.id),
    'assessment.due': () => dueAssessments(deps),
    'assessment.dispute': (input, { caller }) => recordDispute(deps, caller, input),
    ...tierHandlers(deps, platform),
    'risk.record': (input, { caller }) => recordRisks(deps, caller, input),
    'risk.list': (input) => listRisks(deps, input.residentId),
    'risk.due': () => dueRisks(deps),

    'grades.list': () => listGrades(deps),
    'grades.save': (input, { caller }) => saveGrade(deps, caller, input),
    'grades.suggest': (input) => suggestGrade(deps.db, input.residentId),
    'grades.assign': (input, { caller }) => assignGrade(deps, caller, input),
    'grades.history': (input) => gradeHistory(deps, input.residentId),

    'careplan.get': (input) => carePlan(deps, input.residentId),
    'careplan.generate': (input, { caller }) => generatePlan(deps, caller, input.residentId),
    'careplan.saveTask': (input, { caller }) => saveTask(deps, caller, input),

    'staff.list': (input) => listStaff(deps, input.includeLeft),
    'staff.hire': (input, { caller }) => hireStaff(deps, caller, input),
    'staff.save': (input, { caller }) => saveStaff(deps, caller, input),
    'staff.addTraining': (input, { caller }) => addTraining(deps, caller, input),
    'staff.expiring': () => expiringCertificates(deps),
    'staff.names': () => staffNames(deps),

    'roster.shifts': () => listShifts(deps),
    'roster.saveShift': (input, { caller }) => saveShift(deps, caller, input),
    'roster.week': (input) => rosterWeek(deps, input.monday),
    'roster.assign': (input, { caller }) => assign(deps, caller, input),
    'roster.assignDays': (input, { caller }) => assignDays(deps, caller, input),
    'roster.fillWeek': (input, { caller }) => fillWeek(deps, caller, input),
    'roster.copyWeek': (input, { caller }) => copyWeek(deps, caller, input.monday),
    'roster.onDuty': () => onDuty(deps),

    'care.myShift': (_input, { caller }) => myShift(deps, caller),
    'care.residentShift': (input, { caller }) => residentShift(deps, caller, input),
    'care.record': (input, { caller }) => recordEntry(deps, caller, input),
    'care.amend': (input, { caller }) => amendEntry(deps, caller, input),
    'care.round': (input, { caller }) => recordRound(deps, caller, input),
    'care.residentPhoto': (input) => residentPhoto(deps, input.residentId),
    'care.revealContactPhone': (input, { caller }) => revealContactPhone(deps, caller, input),
    'care.coverage': (input) => shiftCoverage(deps, input.shiftId, input.shiftDate),
    'care.timeline': (input) => timeline(deps, input.residentId, input.from, input.to),
    'care.monthly': (input) => monthlySummary(deps, input.month),
    'care.ledger': (input) => ledger(deps, input),
    'care.exportLedger': (input, { caller }) => exportLedger(deps, caller, input),

    'incidents.report': (input, { caller }) => reportIncident(deps, caller, input),
    'incidents.list': (input) => listIncidents(deps, input),
    'incidents.followUp': (input, { caller }) => followUp(deps, caller, input),
    'incidents.close': (input, { caller }) => closeIncident(deps, caller, input),
    'incidents.riskEvents': (input) => riskEventCounts(deps, input.residentId, input.onDate),

    'handover.draft': (input, { caller }) => draftHandover(deps, caller, input.shiftId, input.shiftDate),
    'handover.submit': (input, { caller }) => submitHandover(deps, caller, input),
    'handover.pending': (_input, { caller }) => pendingHandovers(deps, caller),
    'handover.accept': (input, { caller }) => acceptHandover(deps, caller, input),
    'handover.list': (input) => listHandovers(deps, input.from, input.to),

    'meals.dietTypes': () => listDietTypes(deps),
    'meals.saveDietType': (input, { caller }) => saveDietType(deps, caller, input),
    'meals.residentDiets': (input) => residentDiets(deps, input.query),
    'meals.setResidentDiet': (input, { caller }) => setResidentDiet(deps, caller, input),
    'meals.menuWeek': (input) => menuWeek(deps, input.monday),
    'meals.saveMenu': (input, { caller }) => saveMenu(deps, caller, input),
    'meals.copyMenuWeek': (input, { caller }) => copyMenuWeek(deps, caller, input.monday),
    'meals.headcount': (input) => headcount(deps, input.date),
    'meals.adjust': (input, { caller }) => adjustCount(deps, caller, input),
    'meals.serve': (input, { caller }) => serveMeal(deps, caller, input),
    'meals.diners': (input) => listDiners(deps, input.query, input.includeLeft),
    'meals.saveDiner': (input, { caller }) => saveDiner(deps, caller, input),
    'meals.prices': (input) => listPrices(deps, input.onDate),
    'meals.savePrice': (input, { caller }) => savePrice(deps, caller, input),
    'meals.servingDay': (input) => servingDay(deps, input.date, input.meal, input.query),
    'meals.serveDiner': (input, { caller }) => serveDiner(deps, caller, input),
    'meals.cancelServing': (input, { caller }) => cancelServing(deps, caller, input),
    'meals.deliveryList': (input) => deliveryList(deps, input.date, input.meal),
    'meals.samples': (input) => sampleDay(deps, input.date),
    'meals.recordSample': (input, { caller }) => recordSample(deps, caller, input),
    'meals.disposeSample': (input, { caller }) => disposeSample(deps, caller, input),
    'meals.disposeDue': (_input, { caller }) => disposeDue(deps, caller),
    'meals.sampleWarnings': (input) => sampleWarnings(deps, input.from, input.to),
    'meals.kitchenCerts': () => kitchenCerts(deps),
    'meals.monthReport': (input) => monthReport(deps, input.month),
    'meals.exportMonth': (input, { caller }) => exportMonth(deps, caller, input.month),

    'fire.settings': () => readFireSettings(deps.db),
    'fire.settingsClamped': async () => (await readFireSettingsChecked(deps.db)).clamped,
    'fire.saveSettings': (input, { caller }) => saveFireSettings(deps, caller, input),
    'fire.checkpoints': (input) => listCheckpoints(deps, input.includeRetired),
    'fire.saveCheckpoint': (input, { caller }) => saveCheckpoint(deps, caller, input),
    'fire.items': (input) => listItems(deps, input.includeRetired),
    'fire.saveItem': (input, { caller }) => saveItem(deps, caller, input),
    'fire.recordRound': (input, { caller }) => recordFireRound(deps, caller, input),
    'fire.countersign': (input, { caller }) => countersign(deps, caller, input.roundId),
    'fire.rounds': (input) => listRounds(deps, input.from, input.to, input.kind),
    'fire.dangers': (input) => listDangers(deps, input.status),
    'fire.reportDanger': (input, { caller }) => reportDanger(deps, caller, input),
    'fire.dangerAction': (input, { caller }) => dangerAction(deps, caller, input),
    'fire.equipment': (input) => listEquipment(deps, input.includeRetired),
    'fire.saveEquipment': (input, { caller }) => saveEquipment(deps, caller, input),
    'fire.drills': () => listDrills(deps),
    'fire.saveDrill': (input, { caller }) => saveDrill(deps, caller, input),
    'fire.trainings': () => listTrainings(deps),
    'fire.saveTraining': (input, { caller }) => saveTraining(deps, caller, input),
    'fire.dutyLog': (input) => dutyLog(deps, input.from, input.to),
    'fire.addDuty': (input, { caller }) => addDuty(deps, caller, input),
    'fire.compliance': (input) => compliance(deps, input.month),
    'fire.ledger': (input) => fireLedger(deps, input),
    'fire.exportLedger': (input, { caller }) => exportFireLedger(deps, caller, input),

    'backup.list': async () => ({ folder: holder.backupDir, backups: backups.list() }),
    'backup.toFolder': async (input, { caller }) => backups.startToFolder(input.folder, caller),
    'backup.job': async (input) => backups.job(input.jobId),
    'backup.restore': (input, { caller }) => backups.restore(input.source, caller),
    'backup.chooseFolder': async () =>
      platform?.chooseFolder ? { supported: true, folder: await platform.chooseFolder() } : { supported: false, folder: null },
    'recovery.status': async () => ({
      needed: holder.recovery !== null,
      problem: holder.recovery?.problem ?? null,
      backups: holder.recovery ? backups.list().filter((b) => b.kind !== 'damaged') : [],
    }),
    'recovery.restore': async (input) => {
      if (!holder.recovery) throw new AppError('CONFLICT', '数据库正常，不需要恢复；如需恢复备份请登录后在“数据备份”中操作');
      return backups.restore(input.name.replace(/[\\/]/g, ''), null);
    },
    ...syncHandlers(deps, holder, platform),
  };
}
