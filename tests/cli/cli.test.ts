/**
 * The `chiso` command end to end, as a user runs it: demo data written by `demo-data`, read back
 * through the real import path, scored, explained; bad input answered with clear errors.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, cpSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { findPackageRoot } from '../../src/adapters/calendar-file/load-calendar.js'

const root = findPackageRoot()
const cli = join(root, 'dist/src/adapters/cli/main.js')

function chiso(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

let demo: string
beforeAll(() => {
  expect(existsSync(cli), 'npm run build must run before the CLI tests').toBe(true)
  demo = mkdtempSync(join(tmpdir(), 'chiso-cli-'))
  const r = chiso('demo-data', '--out', demo, '--dossiers', '4000', '--seed', '11')
  expect(r.code, r.err).toBe(0)
})

interface JsonUnit {
  code: string; name: string; level: string; parent: string | null; total: number; rank: number; peers: number
  groups: { id: string; name: string; points: number; max: number }[]
  indicators: { id: string; code: string; numerator: number; denominator: number; ratio: number | null; points: number | null; max: number }[]
}

describe('chiso score', () => {
  it('prints every unit with its groups, indicators, total and rank in the documented JSON shape', () => {
    const r = chiso('score', '--data', demo, '--period', '2026-08', '--format', 'json', '--as-of', '2026-11-28')
    expect(r.code, r.err).toBe(0)
    const doc = JSON.parse(r.out)
    expect(doc.period.label).toBe('2026-08')
    expect(doc.ruleSet.id).toBe('2025-07-01')
    const units: JsonUnit[] = doc.units
    const demoUnits = JSON.parse(readFileSync(join(demo, 'units.json'), 'utf8'))
    expect(units.length).toBe(demoUnits.length)
    for (const u of units) {
      expect(u.groups.map((g) => g.max)).toEqual([18, 20, 12, 10, 18, 22])
      expect(u.indicators.map((i) => i.id).sort()).toEqual(['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '3.1', '3.2', '3.3', '3.5a', '3.5b', '3.6', '4.1', '4.2', '4.3', '4.4', '4.5a', '4.5b', '4.6', '5.1', '5.2', '5.3', '5.4'])
      for (const i of u.indicators) if (i.ratio !== null) expect(i.ratio).toBeGreaterThanOrEqual(0), expect(i.ratio).toBeLessThanOrEqual(1)
      const sum = u.groups.reduce((s, g) => s + g.points, 0)
      expect(Math.abs(sum - u.total)).toBeLessThan(0.03)
      expect(u.rank).toBeGreaterThanOrEqual(1)
      expect(u.rank).toBeLessThanOrEqual(u.peers)
    }
    // Good and bad units exist: the demo is not flat.
    const communes = units.filter((u) => u.level === 'commune').map((u) => u.total)
    expect(Math.max(...communes) - Math.min(...communes)).toBeGreaterThan(10)
  })

  it('gives the same numbers as CSV and as JSON', () => {
    const j = JSON.parse(chiso('score', '--data', demo, '--period', '2026-Q3', '--format', 'json', '--as-of', '2026-11-28').out)
    const csv = chiso('score', '--data', demo, '--period', '2026-Q3', '--format', 'csv', '--as-of', '2026-11-28').out.trim().split('\n')
    expect(csv[0].split(',').slice(0, 4)).toEqual(['ky', 'bo_quy_tac', 'ma_don_vi', 'ten_don_vi'])
    expect(csv.length - 1).toBe(j.units.length * 23)
    const first = j.units[0]
    const row = csv.find((l) => l.includes(first.code) && l.includes(',2.1,'))!
    const ind = first.indicators.find((i: { id: string }) => i.id === '2.1')
    expect(row).toContain(`,${ind.numerator},${ind.denominator},`)
  })

  it('shows a ranking table in Vietnamese and the detail of one unit', () => {
    const units = JSON.parse(readFileSync(join(demo, 'units.json'), 'utf8'))
    const dept = units.find((u: { level: string }) => u.level === 'department')
    const r = chiso('score', '--data', demo, '--period', '2026-08', '--unit', dept.code, '--as-of', '2026-11-28')
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain('Tổng điểm:')
    expect(r.out).toContain('Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn')
    expect(r.out).toMatch(/xếp hạng \d+\/\d+/)
  })

  it('splits a period that straddles the switch from five to six groups', () => {
    const r = chiso('score', '--data', demo, '--period', '2025-06-15..2025-07-15', '--format', 'json')
    expect(r.code, r.err).toBe(0)
    const docs = JSON.parse(r.out)
    expect(docs.map((d: { ruleSet: { id: string } }) => d.ruleSet.id)).toEqual(['2022-06-23', '2025-07-01'])
    expect(docs[0].units[0].groups).toHaveLength(5)
  })

  it('refuses an unreadable period with the accepted forms', () => {
    const r = chiso('score', '--data', demo, '--period', '2026-13')
    expect(r.code).toBe(2)
    expect(r.err).toContain('Kỳ "2026-13" không hợp lệ')
    expect(r.err).toContain('2026-Q3 (quý)')
  })

  it('names a missing data folder file', () => {
    const empty = mkdtempSync(join(tmpdir(), 'chiso-empty-'))
    const r = chiso('score', '--data', empty, '--period', '2026-08')
    expect(r.code).toBe(2)
    expect(r.err).toContain('units.json')
  })

  it('scores the readable records, names the bad one, and exits 1 unless --lenient', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-bad-'))
    cpSync(demo, dir, { recursive: true })
    const file = existsSync(join(dir, 'dossiers.json')) ? 'dossiers.json' : 'dossiers.ndjson'
    expect(file).toBe('dossiers.json')
    const dossiers = JSON.parse(readFileSync(join(dir, file), 'utf8'))
    dossiers[2].NgayHenTra = '2024013'
    const bad = dossiers[2].MaHoSo
    writeFileSync(join(dir, file), JSON.stringify(dossiers))
    const strict = chiso('score', '--data', dir, '--period', '2026-08', '--format', 'json', '--as-of', '2026-11-28')
    expect(strict.code).toBe(1)
    expect(strict.err).toContain(bad)
    expect(strict.err).toContain('NgayHenTra')
    expect(strict.err).toContain('dossiers.json')
    const doc = JSON.parse(strict.out)
    expect(doc.units.length).toBeGreaterThan(0)
    const lenient = chiso('score', '--data', dir, '--period', '2026-08', '--format', 'json', '--lenient', '--as-of', '2026-11-28')
    expect(lenient.code).toBe(0)
  })
})

describe('chiso import and score --db', () => {
  it('imports the demo folder into a SQLite store and scores it exactly as the folder', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'chiso-db-')), 'chiso.db')
    const imp = chiso('import', 'data', demo, '--db', db)
    expect(imp.code, imp.err).toBe(0)
    expect(imp.out).toMatch(/Lần nhập #\d+ \(hồ sơ\): thêm mới 4000/)
    const fromDb = JSON.parse(chiso('score', '--db', db, '--period', '2026-Q3', '--format', 'json', '--as-of', '2026-11-28').out)
    const fromDir = JSON.parse(chiso('score', '--data', demo, '--period', '2026-Q3', '--format', 'json', '--as-of', '2026-11-28').out)
    expect(fromDb.units).toEqual(fromDir.units)
    const again = chiso('import', 'dossiers', join(demo, 'dossiers.json'), '--db', db)
    expect(again.out).toMatch(/thêm mới 0, cập nhật 0, không đổi 4000/)
  })
  it('names a store that does not exist', () => {
    const r = chiso('score', '--db', join(tmpdir(), 'khong-co.db'), '--period', '2026-08')
    expect(r.code).toBe(2)
    expect(r.err).toContain('Không có kho dữ liệu')
  })
})

describe('chiso explain', () => {
  it('lists exactly the dossiers that cost a unit its 2.1 points, with reasons', () => {
    const j = JSON.parse(chiso('score', '--data', demo, '--period', '2026-08', '--format', 'json', '--as-of', '2026-11-28').out)
    const unit: JsonUnit = j.units.filter((u: JsonUnit) => u.level === 'department').find((u: JsonUnit) => {
      const i = u.indicators.find((x) => x.id === '2.1')!
      return i.denominator > i.numerator
    })
    expect(unit).toBeDefined()
    const ind = unit.indicators.find((x) => x.id === '2.1')!
    const r = chiso('explain', '--data', demo, '--period', '2026-08', '--unit', unit.code, '--indicator', '2.1', '--format', 'json', '--as-of', '2026-11-28')
    expect(r.code, r.err).toBe(0)
    const trace = JSON.parse(r.out)
    expect(trace.items.length).toBe(ind.denominator - ind.numerator)
    for (const it of trace.items) expect(it.reasons.join(' ')).toMatch(/Quá hạn|quá hạn|bổ sung/)
    const text = chiso('explain', '--data', demo, '--period', '2026-08', '--unit', unit.code, '--indicator', '2.1', '--as-of', '2026-11-28')
    expect(text.out).toContain('bản ghi làm mất điểm')
  })

  it('rejects an unknown indicator code', () => {
    const r = chiso('explain', '--data', demo, '--period', '2026-08', '--unit', 'x', '--indicator', '9.9')
    expect(r.code).toBe(2)
    expect(r.err).toContain('Chỉ tiêu "9.9" không tồn tại')
  })
})

describe('chiso portal rescore', () => {
  it('reconciles a portal file and prints a Vietnamese summary', () => {
    const file = join(root, 'tests', 'fixtures', 'portal-data', 'dvcqg-phutho-2026', 'handling-satisfaction', 'month-all.json')
    const r = chiso('portal', 'rescore', file)
    expect(r.code, r.err).toBe(0)
    expect(r.out).toMatch(/Số dòng/)
  })
  it('names a file that is not a portal response', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'chiso-p-')), 'x.json')
    writeFileSync(f, '{"a":1}')
    const r = chiso('portal', 'rescore', f)
    expect(r.code).toBe(2)
    expect(r.err).toContain('x.json')
  })
})

describe('chiso demo-data --levels 3', () => {
  it('writes the pre-2025 shape (province → districts → communes) that ranks districts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-l3-'))
    expect(chiso('demo-data', '--out', dir, '--dossiers', '2000', '--levels', '3').code).toBe(0)
    const r = chiso('score', '--data', dir, '--period', '2024-01', '--format', 'json')
    expect(r.code, r.err).toBe(0)
    const doc = JSON.parse(r.out)
    expect(doc.ruleSet.id).toBe('2022-06-23')
    const districts = doc.units.filter((u: JsonUnit) => u.level === 'district')
    expect(districts.length).toBeGreaterThan(3)
    expect(districts[0].peers).toBe(districts.length)
    expect(doc.units[0].groups.map((g: { name: string }) => g.name)).toContain('Dịch vụ trực tuyến')
  })
})
