/**
 * @module adapters/demo/units
 * The fictional province's units and the quality profile of each. Levels 2 (after 1/7/2025): the
 * province, its departments and its communes and wards. Levels 3 (before): the province, its
 * departments, its districts (huyện, thị xã, thành phố) and their communes, wards and towns.
 *
 * Every unit gets a latent quality q in [0, 1], spread evenly over the units so that there are
 * clearly good and clearly bad ones; each behaviour (online share, payment, reuse, overdue…) is
 * drawn around q with some noise.
 */
import type { Unit } from '../../engine/model.js'
import {
  COMMUNE_NAMES, PROVINCE_SUFFIX, DEPARTMENTS_2024, DEPARTMENTS_2025, DISTRICT_NAMES, PROVINCE_NAME, UNIT_PREFIXES,
  WARD_NAMES, type DepartmentWords,
} from './names.js'
import type { Random } from './random.js'

/** Province identifier used in every unit code (`000.00.00.H99`). */
export const PROVINCE_CODE_LETTERS = 'H99'

/** How a unit behaves: shares and rates that drive its dossiers, petitions and reports. */
export interface QualityProfile {
  /** Latent quality, 0 = worst, 1 = best. */
  quality: number
  /** Share of dossiers received online for procedures offered online. */
  onlineShare: number
  /** Share of dossiers with a positive fee paid online (online channel). */
  onlinePayment: number
  /** DuocThanhToanTrucTuyen value used when paid online: portal (1) or local gateway (2). */
  paymentVia: '1' | '2'
  /** Share of dossiers reusing digitized data (4.3). */
  reuse: number
  /** Share of citizen dossiers with a component from the personal data store (4.4). */
  dataStore: number
  /** Share of online citizen dossiers from a VNeID-authenticated account. */
  vneid: number
  /** Share of citizen dossiers with a population-database connection (MaCSDL 7). */
  populationDb: number
  /** Share of in-person dossiers whose components are scanned. */
  digitize: number
  /** Share of finished dossiers with an electronic result file. */
  electronicResult: number
  /** Share of electronic results without a result code. */
  resultCodeMissing: number
  /** Share of dossiers synced to the national portal (DongBoDVCQG = 1). */
  sync: number
  /** Share of dossiers finished after their due date. */
  overdueRate: number
  /** Share of dossiers sent without NgayHenTra. */
  missingDueDate: number
  /** Share of fee dossiers sent without fee lines. */
  feeDataMissing: number
  /** Share of dossiers sent in the old payload shape (no channel, no payment, no VNeID fields). */
  legacyPayload: number
  /** Share of dossiers whose MaTTHC carries the local suffix `.000.00.00.H99`. */
  localSuffix: number
  /** Whether the unit's one-stop system sends the chiso extension field MaDonVi. */
  sendsUnitCode: boolean
  /** Share of ratings that are satisfied. */
  satisfaction: number
  /** Petitions per dossier relative to the average; 0 = the unit gets none. */
  petitionFactor: number
  /** Share of petitions answered late. */
  petitionLate: number
  /** Share of petitions with more dislikes than likes. */
  petitionDislike: number
  /** Whether monthly sync reports exist for the unit (false = the 1.4 fallback is exercised). */
  hasSyncReports: boolean
  /** Relative excess of the national report's count over the unit's dossiers (0 = exact). */
  nationalReportExcess: number
}

/** A demo unit: the `units.json` record plus what the generators need. */
export interface DemoUnit extends Unit {
  /** Department id (names.ts) for departments; the field ids of its procedures. */
  departmentId?: string
  fields?: string[]
  /** Ward (phường) or town (thị trấn): more dossiers than a rural commune. */
  urban: boolean
  /** Relative dossier volume. */
  volume: number
  profile: QualityProfile
}

/** Relative dossier volumes of departments by id (others: 0.5). */
const DEPARTMENT_VOLUME: Record<string, number> = {
  nnmt: 4.5, tnmt: 3.6, nnptnt: 0.8, tuphap: 3.4, congan: 2.8, taichinh: 2.0, khdt: 2.1, xaydung: 1.8, gtvt: 2.2,
  noivu: 1.7, ldtbxh: 1.8, yte: 1.4, giaoduc: 1.1, congthuong: 1.1, vhttdl: 0.5, khcn: 0.4, ttt: 0.3, kcn: 0.5,
  dantoc: 0.08, ngoaivu: 0.08, vp: 0.05,
}

/** Build the units of the province. `levels` 2 or 3; the result is in a stable order. */
export function buildUnits(rng: Random, levels: 2 | 3): DemoUnit[] {
  const provinceCode = `000.00.00.${PROVINCE_CODE_LETTERS}`
  const units: DemoUnit[] = []
  units.push({
    code: provinceCode, name: `${UNIT_PREFIXES.province} ${PROVINCE_NAME}`, level: 'province', parent: null,
    urban: false, volume: 0, profile: neutralProfile(),
  })
  const departments: DepartmentWords[] = levels === 2 ? DEPARTMENTS_2025 : DEPARTMENTS_2024
  departments.forEach((d, i) => {
    units.push({
      code: unitCode(0, 0, i + 1), name: d.name + PROVINCE_SUFFIX, level: 'department', parent: provinceCode,
      departmentId: d.id, fields: d.fields, urban: false,
      volume: (DEPARTMENT_VOLUME[d.id] ?? 0.5) * Math.exp(rng.normal() * 0.15), profile: neutralProfile(),
    })
  })
  const communeNames = rng.shuffle(COMMUNE_NAMES)
  const wardNames = rng.shuffle(WARD_NAMES)
  if (levels === 2) {
    const wards = 9, communes = 33
    for (let i = 0; i < wards + communes; i++) {
      const ward = i < wards
      const base = ward ? wardNames[i] : communeNames[i - wards]
      units.push({
        code: unitCode(0, 40 + Math.floor(i / 99), (i % 99) + 1),
        name: `${ward ? UNIT_PREFIXES.ward : UNIT_PREFIXES.commune} ${base}`,
        level: 'commune', parent: provinceCode, urban: ward,
        volume: (ward ? 2.2 : 0.9) * Math.exp(rng.normal() * 0.45), profile: neutralProfile(),
      })
    }
  } else {
    const districtNames = rng.sample(DISTRICT_NAMES, 9)
    let wardIndex = 0, communeIndex = 0
    districtNames.forEach((dn, d) => {
      const kind = d === 0 ? 'city' : d <= 2 ? 'town' : 'district'
      const prefix = kind === 'city' ? UNIT_PREFIXES.city : kind === 'town' ? UNIT_PREFIXES.town : UNIT_PREFIXES.district
      const districtCode = unitCode(0, 0, 30 + d + 1)
      units.push({
        code: districtCode, name: `${prefix} ${dn}`, level: 'district', parent: provinceCode, urban: kind !== 'district',
        volume: (kind === 'city' ? 2.0 : kind === 'town' ? 1.3 : 1.0) * Math.exp(rng.normal() * 0.3), profile: neutralProfile(),
      })
      const size = kind === 'city' ? 8 : kind === 'town' ? rng.int(6, 8) : rng.int(6, 10)
      const wardsHere = kind === 'city' ? 6 : kind === 'town' ? 4 : 0
      for (let c = 0; c < size; c++) {
        let name: string, urban: boolean
        if (c < wardsHere) {
          name = `${UNIT_PREFIXES.ward} ${wardNames[wardIndex++ % wardNames.length]}`
          urban = true
        } else if (kind === 'district' && c === 0) {
          name = `${UNIT_PREFIXES.townlet} ${dn}`
          urban = true
        } else {
          name = `${UNIT_PREFIXES.commune} ${communeNames[communeIndex++ % communeNames.length]}`
          urban = false
        }
        units.push({
          code: unitCode(0, 30 + d + 1, c + 1), name, level: 'commune', parent: districtCode, urban,
          volume: (urban ? 1.8 : 0.8) * Math.exp(rng.normal() * 0.45), profile: neutralProfile(),
        })
      }
    })
  }
  makeNamesUnique(units)
  assignProfiles(rng, units)
  return units
}

/** `units.json` record of a demo unit. */
export function unitRecord(u: DemoUnit): Unit {
  return { code: u.code, name: u.name, level: u.level, parent: u.parent }
}

/** Units that receive dossiers (every level but the province). */
export function scoredUnits(units: DemoUnit[]): DemoUnit[] {
  return units.filter((u) => u.level !== 'province' && u.level !== 'ministry')
}

function unitCode(a: number, b: number, c: number): string {
  const p = (n: number, w: number) => String(n).padStart(w, '0')
  return `${p(a, 3)}.${p(b, 2)}.${p(c, 2)}.${PROVINCE_CODE_LETTERS}`
}

/**
 * Real lists append the province to a name that clashes ("UBND xã Bình Phú - Tỉnh Phú Thọ"); do
 * the same, and number any clash that remains.
 */
function makeNamesUnique(units: DemoUnit[]): void {
  const seen = new Set<string>()
  for (const u of units) {
    let name = u.name
    if (seen.has(name)) name = u.name + PROVINCE_SUFFIX
    for (let n = 2; seen.has(name); n++) name = `${u.name} ${n}${PROVINCE_SUFFIX}`
    seen.add(name)
    u.name = name
  }
}

function neutralProfile(): QualityProfile {
  return {
    quality: 0.5, onlineShare: 0, onlinePayment: 0, paymentVia: '1', reuse: 0, dataStore: 0, vneid: 0, populationDb: 0,
    digitize: 0, electronicResult: 0, resultCodeMissing: 0, sync: 1, overdueRate: 0, missingDueDate: 0, feeDataMissing: 0,
    legacyPayload: 0, localSuffix: 0, sendsUnitCode: false, satisfaction: 1, petitionFactor: 0, petitionLate: 0,
    petitionDislike: 0, hasSyncReports: false, nationalReportExcess: 0,
  }
}

function assignProfiles(rng: Random, units: DemoUnit[]): void {
  const scored = scoredUnits(units)
  // Evenly spread qualities, in random order: the best unit is near 1 and the worst near 0.
  const order = rng.shuffle(scored.map((_, i) => i))
  const noSyncReports = new Set(rng.sample(scored.map((_, i) => i), Math.max(1, Math.round(scored.length * 0.06))))
  scored.forEach((u, i) => {
    const q = (order[i] + 0.5) / scored.length
    const around = (lo: number, hi: number, noise = 0.08): number => {
      const x = Math.min(1, Math.max(0, q + rng.normal() * noise))
      return lo + (hi - lo) * x
    }
    const legacy = rng.chance(0.08)
    const suffix = rng.chance(0.2)
    u.profile = {
      quality: q,
      onlineShare: around(0.2, 0.95, 0.04),
      onlinePayment: around(0.1, 0.9),
      paymentVia: rng.chance(0.6) ? '2' : '1',
      reuse: around(0.1, 0.8),
      dataStore: around(0.03, 0.5),
      vneid: around(0.3, 0.95),
      populationDb: around(0.2, 0.9),
      digitize: around(0.4, 1),
      electronicResult: around(0.5, 1),
      resultCodeMissing: around(0.2, 0),
      sync: around(0.95, 1),
      overdueRate: around(0.25, 0.02, 0.05),
      missingDueDate: around(0.04, 0),
      feeDataMissing: around(0.15, 0),
      legacyPayload: legacy ? rng.float(0.3, 0.6) : 0,
      localSuffix: suffix ? rng.float(0.3, 1) : 0,
      sendsUnitCode: rng.chance(0.5),
      satisfaction: around(0.8, 0.99),
      petitionFactor: rng.chance(0.35) ? 0 : 0.5 + (1 - q) * 1.5,
      petitionLate: around(0.35, 0.03),
      petitionDislike: around(0.3, 0.05),
      hasSyncReports: !noSyncReports.has(i),
      nationalReportExcess: rng.chance(0.3) ? rng.float(0.01, 0.06) : 0,
    }
  })
}
