import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Procedure, Unit } from '../../engine/model.js'
import { parseCompactVnDateTime, vnInstant } from '../../engine/time/time.js'
import { resolveDemoOptions, writeDemoData, type DemoDataResult } from './demo-data.js'
import { Random } from './random.js'

type Dossier = Record<string, unknown> & {
  MaHoSo: string
  MaTTHC: string
  DonViXuLy: string
  TrangThaiHoSo: string
  KenhThucHien?: string
  MaDonVi?: string
}

interface Loaded {
  units: Unit[]
  procedures: Procedure[]
  dossiers: Dossier[]
  steps: Record<string, string>[]
  petitions: Record<string, unknown>[]
  ratings: { dossierId: string; ratedAt: string; satisfied: boolean }[]
  syncReports: Record<string, unknown>[]
}

const dirs: string[] = []
async function freshDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'chiso-demo-'))
  dirs.push(d)
  return d
}

async function load(dir: string): Promise<Loaded> {
  const json = async <T>(name: string): Promise<T> => JSON.parse(await readFile(join(dir, name), 'utf8')) as T
  const names = await readdir(dir)
  const dossiers = names.includes('dossiers.ndjson')
    ? (await readFile(join(dir, 'dossiers.ndjson'), 'utf8')).split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Dossier)
    : await json<Dossier[]>('dossiers.json')
  return {
    units: await json('units.json'),
    procedures: await json('procedures.json'),
    dossiers,
    steps: await json('steps.json'),
    petitions: await json('petitions.json'),
    ratings: await json('ratings.json'),
    syncReports: await json('sync-reports.json'),
  }
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([readFile(a), readFile(b)])
  return x.equals(y)
}

const EVENT_DATES = ['NgayNopHoSo', 'NgayTiepNhan', 'NgayKetThucXuLy', 'NgayTra', 'NgayTuChoi'] as const

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })))
})

describe('writeDemoData, levels 2 (default options)', () => {
  let dir: string
  let result: DemoDataResult
  let data: Loaded
  const progress: [number, number][] = []

  beforeAll(async () => {
    dir = await freshDir()
    result = await writeDemoData(dir, { onProgress: (done, total) => progress.push([done, total]) })
    data = await load(dir)
  })

  it('writes the eight files, dossiers as a JSON array, and reports their counts', () => {
    expect(result.files.map((f) => f.slice(dir.length + 1))).toEqual([
      'units.json', 'procedures.json', 'dossiers.json', 'steps.json', 'petitions.json', 'ratings.json', 'sync-reports.json', 'settings.json',
    ])
    expect(result.counts).toEqual({
      units: data.units.length, procedures: data.procedures.length, dossiers: 20_000, steps: data.steps.length,
      petitions: data.petitions.length, ratings: data.ratings.length, syncReports: data.syncReports.length,
    })
    expect(data.dossiers).toHaveLength(20_000)
    expect(progress.at(-1)).toEqual([20_000, 20_000])
  })

  it('builds a fictional province with departments and communes below it, with unique names and codes', () => {
    const province = data.units.filter((u) => u.level === 'province')
    expect(province).toEqual([{ code: '000.00.00.H99', name: 'UBND tỉnh Minh Sơn', level: 'province', parent: null }])
    const departments = data.units.filter((u) => u.level === 'department')
    const communes = data.units.filter((u) => u.level === 'commune')
    expect(departments.length).toBeGreaterThanOrEqual(12)
    expect(communes.length).toBeGreaterThanOrEqual(35)
    for (const u of [...departments, ...communes]) expect(u.parent).toBe('000.00.00.H99')
    for (const u of data.units) expect(u.code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H99$/)
    expect(communes.every((u) => /^UBND (xã|phường) /.test(u.name))).toBe(true)
    expect(new Set(data.units.map((u) => u.name)).size).toBe(data.units.length)
    expect(new Set(data.units.map((u) => u.code)).size).toBe(data.units.length)
    expect(data.units.some((u) => u.level === 'district')).toBe(false)
  })

  it('builds a realistic catalogue: unique national codes, department procedures, commune procedures, a mix of levels', () => {
    const p = data.procedures
    expect(new Set(p.map((x) => x.code)).size).toBe(p.length)
    for (const x of p) expect(x.code).toMatch(/^\d\.\d{6}$/)
    const province = p.filter((x) => x.level === 'province')
    const commune = p.filter((x) => x.level === 'commune')
    expect(province.length).toBeGreaterThan(1_100)
    expect(commune.length).toBeGreaterThanOrEqual(90)
    const departmentCodes = new Set(data.units.filter((u) => u.level === 'department').map((u) => u.code))
    for (const x of province) expect(x.units?.length === 1 && departmentCodes.has(x.units[0])).toBe(true)
    for (const x of commune) expect(x.units).toBeUndefined()
    const share = (f: (x: Procedure) => boolean) => p.filter(f).length / p.length
    expect(share((x) => x.onlineLevel === 'full')).toBeGreaterThan(0.35)
    expect(share((x) => x.onlineLevel === 'none')).toBeLessThan(0.3)
    expect(share((x) => x.hasFee)).toBeGreaterThan(0.2)
    expect(share((x) => x.citizenSubject)).toBeGreaterThan(0.6)
    expect(p.filter((x) => x.electronicCertification).every((x) => x.level === 'commune')).toBe(true)
    expect(p.filter((x) => x.electronicCertification).length).toBeGreaterThanOrEqual(2)
    const thisYear = province.filter((x) => x.publication?.decisionDate?.startsWith('2026-'))
    expect(thisYear.length).toBeGreaterThan(100)
    expect(thisYear.some((x) => x.publication?.completeParts !== 7)).toBe(true)
  })

  it('gives every dossier a handling unit named in units.json, a catalogued MaTTHC and a unique MaHoSo of that unit', () => {
    const byName = new Map(data.units.map((u) => [u.name, u]))
    const codes = new Set(data.procedures.map((p) => p.code))
    const ids = new Set<string>()
    for (const d of data.dossiers) {
      const unit = byName.get(d.DonViXuLy)
      expect(unit, d.MaHoSo).toBeDefined()
      expect(unit?.level === 'department' || unit?.level === 'commune').toBe(true)
      const national = /^(\d\.\d{6})(?:\.|$)/.exec(d.MaTTHC)
      expect(national && codes.has(national[1]), d.MaTTHC).toBe(true)
      expect(d.MaHoSo.startsWith(`${unit?.code}-`)).toBe(true)
      expect(d.MaHoSo).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H99-\d{6}-\d{4,}$/)
      if (d.MaDonVi !== undefined) expect(d.MaDonVi).toBe(unit?.code)
      ids.add(d.MaHoSo)
    }
    expect(ids.size).toBe(data.dossiers.length)
    const share = (f: (d: Dossier) => boolean) => data.dossiers.filter(f).length / data.dossiers.length
    expect(share((d) => d.MaDonVi !== undefined)).toBeGreaterThan(0.25)
    expect(share((d) => d.MaDonVi !== undefined)).toBeLessThan(0.75)
    expect(share((d) => d.MaTTHC.endsWith('.000.00.00.H99'))).toBeGreaterThan(0)
    expect(share((d) => d.KenhThucHien === undefined)).toBeGreaterThan(0)
  })

  it('writes valid 14-digit Vietnam-time dates within the year and up to the last day with data', () => {
    const start = vnInstant(2026, 1, 1)
    const end = vnInstant(2026, 11, 28)
    for (const d of data.dossiers) {
      for (const key of EVENT_DATES) {
        const raw = d[key]
        if (raw === undefined || raw === '') continue
        const at = parseCompactVnDateTime(raw)
        expect(typeof at === 'number' && at >= start && at < end, `${d.MaHoSo} ${key} ${String(raw)}`).toBe(true)
      }
      expect(d.NgayTiepNhan).toMatch(/^\d{14}$/)
      if (d.NgayHenTra !== '') {
        const due = parseCompactVnDateTime(d.NgayHenTra)
        expect(typeof due === 'number' && due > (parseCompactVnDateTime(d.NgayTiepNhan) as number)).toBe(true)
      }
      for (const s of d.DanhSachHoSoBoSung as Record<string, string>[]) {
        const requested = parseCompactVnDateTime(s.NgayBoSung)
        expect(typeof requested === 'number' && requested < end).toBe(true)
      }
    }
    for (const s of data.steps) expect(typeof parseCompactVnDateTime(s.ThoiDiemXuLy)).toBe('number')
    for (const r of data.ratings) expect(r.ratedAt).toMatch(/^2026-(0\d|1[01])-\d\dT\d\d:\d\d:\d\d\+07:00$/)
  })

  it('mixes statuses like a real year: mostly finished, some open, a few refused, withdrawn or stopped', () => {
    const count = (s: string[]) => data.dossiers.filter((d) => s.includes(d.TrangThaiHoSo)).length / data.dossiers.length
    expect(count(['9', '10'])).toBeGreaterThan(0.9)
    expect(count(['2', '4', '5', '6'])).toBeGreaterThan(0)
    expect(count(['3'])).toBeGreaterThan(0)
    expect(count(['7'])).toBeGreaterThan(0)
    expect(count(['8'])).toBeGreaterThan(0)
    const supplements = data.dossiers.filter((d) => (d.DanhSachHoSoBoSung as unknown[]).length > 0).length / data.dossiers.length
    expect(supplements).toBeGreaterThan(0.05)
    expect(supplements).toBeLessThan(0.15)
  })

  it('has clearly good and clearly bad units', () => {
    const byUnit = new Map<string, Dossier[]>()
    for (const d of data.dossiers) byUnit.set(d.DonViXuLy, [...(byUnit.get(d.DonViXuLy) ?? []), d])
    const online = [...byUnit.values()]
      .filter((ds) => ds.length >= 50)
      .map((ds) => ds.filter((d) => d.KenhThucHien === '2').length / ds.length)
    expect(Math.max(...online) - Math.min(...online)).toBeGreaterThan(0.4)
    const reuse = [...byUnit.values()]
      .filter((ds) => ds.length >= 50)
      .map((ds) => ds.filter((d) => d.HoSoCoThanhPhanSoHoa === '1').length / ds.length)
    expect(Math.max(...reuse) - Math.min(...reuse)).toBeGreaterThan(0.3)
  })

  it('links steps, ratings and petitions to existing dossiers and units', () => {
    const dossiers = new Map(data.dossiers.map((d) => [d.MaHoSo, d]))
    const unitCodes = new Set(data.units.map((u) => u.code))
    expect(data.steps.length).toBeGreaterThan(0)
    expect(data.steps.length).toBeLessThanOrEqual(20_000)
    for (const s of data.steps) expect(dossiers.has(s.MaHoSo)).toBe(true)
    const stepped = new Set(data.steps.map((s) => s.MaHoSo))
    expect(stepped.size / data.dossiers.length).toBeLessThanOrEqual(0.03)
    expect([...stepped].some((id) => ['9', '10'].includes(dossiers.get(id)!.TrangThaiHoSo) && dossiers.get(id)!.NgayKetThucXuLy === '')).toBe(true)
    for (const r of data.ratings) expect(['9', '10']).toContain(dossiers.get(r.dossierId)?.TrangThaiHoSo)
    expect(data.petitions.length).toBeGreaterThan(50)
    for (const p of data.petitions) {
      expect(unitCodes.has(p.unitCode as string)).toBe(true)
      if (p.dossierId !== undefined) expect(dossiers.has(p.dossierId as string)).toBe(true)
    }
    expect(data.petitions.some((p) => p.dossierId !== undefined)).toBe(true)
    expect(data.petitions.some((p) => (p.dislikes as number) > (p.likes as number))).toBe(true)
    for (const r of data.syncReports) expect(unitCodes.has(r.unitCode as string)).toBe(true)
  })
})

describe('writeDemoData, reproducibility and formats', () => {
  it('writes byte-identical files for the same options and different ones for another seed', async () => {
    const [a, b, c] = await Promise.all([freshDir(), freshDir(), freshDir()])
    const ra = await writeDemoData(a, { dossiers: 3_000, seed: 42 })
    await writeDemoData(b, { dossiers: 3_000, seed: 42 })
    await writeDemoData(c, { dossiers: 3_000, seed: 43 })
    for (const f of ra.files) {
      const name = f.slice(a.length + 1)
      expect(await sameBytes(join(a, name), join(b, name)), name).toBe(true)
    }
    expect(await sameBytes(join(a, 'dossiers.json'), join(c, 'dossiers.json'))).toBe(false)
    expect(await sameBytes(join(a, 'units.json'), join(c, 'units.json'))).toBe(false)
  })

  it('writes NDJSON on request, one dossier per line', async () => {
    const dir = await freshDir()
    const r = await writeDemoData(dir, { dossiers: 1_500, format: 'ndjson' })
    expect(r.files).toContain(join(dir, 'dossiers.ndjson'))
    const lines = (await readFile(join(dir, 'dossiers.ndjson'), 'utf8')).split('\n')
    expect(lines.at(-1)).toBe('')
    expect(lines.slice(0, -1).map((l) => (JSON.parse(l) as Dossier).MaHoSo)).toHaveLength(1_500)
  })

  it('handles zero dossiers', async () => {
    const dir = await freshDir()
    const r = await writeDemoData(dir, { dossiers: 0 })
    const data = await load(dir)
    expect(r.counts.dossiers).toBe(0)
    expect(data.dossiers).toEqual([])
  })

  it('applies the documented defaults and rejects impossible options', () => {
    expect(resolveDemoOptions()).toEqual({ dossiers: 20_000, seed: 766, levels: 2, year: 2026, until: '2026-11-27', format: 'json' })
    expect(resolveDemoOptions({ dossiers: 50_001 }).format).toBe('ndjson')
    expect(resolveDemoOptions({ levels: 3 })).toMatchObject({ year: 2024, until: '2024-12-31' })
    expect(resolveDemoOptions({ year: 2025 }).until).toBe('2025-12-31')
    expect(() => resolveDemoOptions({ until: '2025-06-30' })).toThrow(/trong năm 2026/)
    expect(() => resolveDemoOptions({ dossiers: -1 })).toThrow()
    expect(() => resolveDemoOptions({ levels: 4 as 2 })).toThrow()
  })
})

describe('writeDemoData, levels 3', () => {
  let data: Loaded

  beforeAll(async () => {
    const dir = await freshDir()
    await writeDemoData(dir, { levels: 3, dossiers: 8_000 })
    data = await load(dir)
  })

  it('puts districts under the province and communes under the districts', () => {
    const province = data.units.find((u) => u.level === 'province')!
    const districts = data.units.filter((u) => u.level === 'district')
    const communes = data.units.filter((u) => u.level === 'commune')
    expect(districts.length).toBeGreaterThanOrEqual(8)
    for (const d of districts) {
      expect(d.parent).toBe(province.code)
      expect(d.name).toMatch(/^UBND (huyện|thị xã|thành phố) /)
      const below = communes.filter((c) => c.parent === d.code)
      expect(below.length).toBeGreaterThanOrEqual(6)
      expect(below.length).toBeLessThanOrEqual(10)
    }
    const districtCodes = new Set(districts.map((d) => d.code))
    for (const c of communes) expect(districtCodes.has(c.parent!)).toBe(true)
    for (const u of data.units.filter((x) => x.level === 'department')) expect(u.parent).toBe(province.code)
    expect(communes.some((c) => c.name.startsWith('UBND thị trấn '))).toBe(true)
    expect(new Set(data.units.map((u) => u.name)).size).toBe(data.units.length)
  })

  it('has district procedures and dossiers at districts, dated in 2024', () => {
    expect(data.procedures.filter((p) => p.level === 'district').length).toBeGreaterThanOrEqual(150)
    const districtNames = new Set(data.units.filter((u) => u.level === 'district').map((u) => u.name))
    expect(data.dossiers.some((d) => districtNames.has(d.DonViXuLy))).toBe(true)
    const start = vnInstant(2024, 1, 1), end = vnInstant(2025, 1, 1)
    for (const d of data.dossiers) {
      for (const key of EVENT_DATES) {
        const raw = d[key]
        if (raw === undefined || raw === '') continue
        const at = parseCompactVnDateTime(raw)
        expect(typeof at === 'number' && at >= start && at < end, `${d.MaHoSo} ${key}`).toBe(true)
      }
    }
  })
})

describe('Random', () => {
  it('repeats its sequence for a seed and forks independent named streams', () => {
    const a = new Random(7), b = new Random(7)
    const xs = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs)
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(new Random(7).fork('units').next()).not.toBe(new Random(7).fork('dossiers').next())
    expect(new Random(7).fork('units').next()).toBe(new Random(7).fork('units').next())
  })
})
