/**
 * Small builders for readable cases: units, procedures and records named by short aliases,
 * with every field defaulted so that a case states only what it is about.
 */
import type { Dataset, Dossier, Petition, Procedure, Rating, SyncReport, Unit } from '../../src/engine/model.js'
import { parseLooseDateTime } from '../../src/adapters/import/parse-values.js'

/** `YYYY-MM-DD HH:mm` (Vietnam time) → instant. */
export function parseCaseTime(s: string): number {
  const t = parseLooseDateTime(s.length === 10 ? `${s} 12:00` : s)
  if (t === null || t === 'malformed') throw new Error(`Thời điểm không hợp lệ trong ca kiểm thử: ${s}`)
  return t
}
const time = (s: string | null | undefined) => (s ? parseCaseTime(s) : null)

export const DEFAULT_UNITS: Record<string, Omit<Unit, 'parent'> & { parent: string | null }> = {
  T: { code: '000.00.00.H99', name: 'UBND tỉnh Minh Sơn', level: 'province', parent: null },
  D: { code: '000.00.01.H99', name: 'Sở Xây dựng', level: 'department', parent: 'T' },
  D2: { code: '000.00.02.H99', name: 'Sở Tư pháp', level: 'department', parent: 'T' },
  X: { code: '000.12.01.H99', name: 'UBND xã Hòa Bình', level: 'commune', parent: 'T' },
  X2: { code: '000.12.02.H99', name: 'UBND xã An Phú', level: 'commune', parent: 'T' },
}

export const DEFAULT_PROCEDURES: Record<string, Partial<Procedure> & { units?: string[] }> = {
  P1: { code: '1.000001', name: 'Cấp giấy phép xây dựng', level: 'province', onlineLevel: 'full', hasFee: false, paperResult: false, citizenSubject: true, maxTime: 5, timeUnit: 'working_day', units: ['D'] },
  P2: { code: '1.000002', name: 'Cấp chứng chỉ hành nghề', level: 'province', onlineLevel: 'partial', hasFee: true, paperResult: true, citizenSubject: false, maxTime: 10, timeUnit: 'working_day', units: ['D'] },
  P3: { code: '1.000003', name: 'Đăng ký kết hôn', level: 'commune', onlineLevel: 'full', hasFee: false, paperResult: true, citizenSubject: true, maxTime: 5, timeUnit: 'working_day' },
  P4: { code: '2.000004', name: 'Chứng thực bản sao điện tử từ bản chính', level: 'commune', onlineLevel: 'full', hasFee: true, paperResult: false, citizenSubject: true, maxTime: 1, timeUnit: 'working_day', electronicCertification: true },
}

type Flags = Partial<Omit<Dossier, 'id' | 'unitCode' | 'procedureCode' | 'receivedAt' | 'submittedAt' | 'dueAt' | 'finishedAt' | 'supplementRequests' | 'resultReturnedAt'>>

export interface CaseDossier extends Flags {
  id: string
  unit?: string
  procedure?: string
  received?: string | null
  submitted?: string | null
  due?: string | null
  finished?: string | null
  supplements?: { requested: string; completed?: string | null }[]
}

export interface CaseInput {
  units?: Record<string, Omit<Unit, 'parent'> & { parent: string | null }>
  procedures?: Record<string, Partial<Procedure> & { units?: string[] }>
  dossiers?: CaseDossier[]
  petitions?: (Partial<Omit<Petition, 'sentAt' | 'forwardedAt' | 'answeredAt' | 'rejectedAt' | 'supplementRequestedAt' | 'publishedAt'>> & { id: string; unit?: string; sent: string; forwarded?: string; answered?: string; rejected?: string; supplementRequested?: string; published?: string; dossier?: string })[]
  ratings?: { dossier: string; satisfied: boolean }[]
  syncReports?: { unit: string; month: string; national?: number | null; portal?: number | null }[]
}

/** Build a dataset from a case; aliases map short names to codes and record ids. */
export function buildDataset(c: CaseInput): { dataset: Dataset; aliases: { unit: (a: string) => string; record: (a: string) => string } } {
  const unitsIn = { ...DEFAULT_UNITS, ...(c.units ?? {}) }
  const procsIn = { ...DEFAULT_PROCEDURES, ...(c.procedures ?? {}) }
  const unit = (a: string) => unitsIn[a]?.code ?? a
  const proc = (a: string) => procsIn[a]?.code ?? a
  const units: Unit[] = Object.values(unitsIn).map((u) => ({ ...u, parent: u.parent === null ? null : unit(u.parent) }))
  const procedures: Procedure[] = Object.values(procsIn).map((p) => ({
    code: p.code!, name: p.name ?? p.code!, level: p.level ?? 'province', onlineLevel: p.onlineLevel ?? 'none', eligibleFullOnline: p.eligibleFullOnline ?? false,
    hasFee: p.hasFee ?? false, paperResult: p.paperResult ?? false, citizenSubject: p.citizenSubject ?? false, maxTime: p.maxTime ?? 5, timeUnit: p.timeUnit ?? 'working_day',
    ...(p.units ? { units: p.units.map(unit) } : {}), ...(p.publication ? { publication: p.publication } : {}), ...(p.electronicCertification ? { electronicCertification: true } : {}),
  }))
  const dossiers: Dossier[] = (c.dossiers ?? []).map((d) => ({
    channel: 'in_person', status: d.finished ? '10' : '4', endStatus: d.finished ? '10' : null, paidOnline: false, feeTotal: 0, hasPositiveFee: false, feeLineCount: 0,
    hasComponentFile: false, reusesDigitizedData: false, hasComponentFromPersonalDataStore: false, resultPushedToPersonalDataStore: false, hasElectronicResult: false,
    hasCodedElectronicResult: false, vneidAuthenticated: false, populationDbConnected: false, syncedToPortal: true,
    ...Object.fromEntries(Object.entries(d).filter(([k]) => !['unit', 'procedure', 'received', 'submitted', 'due', 'finished', 'supplements'].includes(k))),
    id: d.id,
    unitCode: unit(d.unit ?? 'D'),
    procedureCode: proc(d.procedure ?? 'P1'),
    receivedAt: d.received === undefined ? parseCaseTime('2026-08-03 09:00') : time(d.received),
    submittedAt: time(d.submitted),
    dueAt: d.due === undefined ? null : time(d.due),
    finishedAt: time(d.finished),
    resultReturnedAt: null,
    supplementRequests: (d.supplements ?? []).map((s) => ({ requestedAt: parseCaseTime(s.requested), completedAt: time(s.completed) })),
  } as Dossier))
  const petitions: Petition[] = (c.petitions ?? []).map((p) => ({
    id: p.id, unitCode: unit(p.unit ?? 'D'), sentAt: parseCaseTime(p.sent), forwardedAt: time(p.forwarded), answeredAt: time(p.answered), rejectedAt: time(p.rejected),
    supplementRequestedAt: time(p.supplementRequested), publishedAt: time(p.published), category: p.category ?? null, likes: p.likes ?? 0, dislikes: p.dislikes ?? 0,
    repeatedComplaint: p.repeatedComplaint ?? false, dossierId: p.dossier ?? null,
  }))
  const ratings: Rating[] = (c.ratings ?? []).map((r) => ({ dossierId: r.dossier, at: null, satisfied: r.satisfied }))
  const syncReports: SyncReport[] = (c.syncReports ?? []).map((r) => ({ unitCode: unit(r.unit), month: r.month, receivedNationalReport: r.national ?? null, receivedPortal: r.portal ?? null }))
  return { dataset: { units, procedures, dossiers, petitions, ratings, syncReports }, aliases: { unit, record: (a) => a } }
}
