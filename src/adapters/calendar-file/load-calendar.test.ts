import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CalendarDataError } from '../../engine/calendar/working-calendar.js'
import { vnInstant } from '../../engine/time/time.js'
import { findPackageRoot, loadWorkingCalendar, readCalendarFile, shippedCalendarPath } from './load-calendar.js'

const dir = mkdtempSync(join(tmpdir(), 'chiso-calendar-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Writes a file in the temp dir and returns its path. */
function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

/** A user file for 2028 (test fixture: the Tết window is illustrative, not an official schedule). */
const USER_2028 = `# lịch của đơn vị, năm 2028
schemaVersion: 1
timezone: Asia/Ho_Chi_Minh
weeklyRest: [saturday, sunday]
years:
  2028:
    complete: true
    lunar: { tet: "2028-01-26", gioTo: "2028-04-04", status: computed }
    "off":
      - { date: "2028-01-03", name: "Tết Dương lịch – nghỉ bù (01/01 Sat)", status: computed, source: "BLLĐ 2019 Đ.111(3)" }
      - { date: "2028-01-24", name: "Tết Nguyên đán", status: computed, source: "test fixture" }
      - { date: "2028-01-25", name: "Tết Nguyên đán", status: computed, source: "test fixture" }
      - { date: "2028-01-26", name: "Tết Nguyên đán (mùng 1)", status: computed, source: "test fixture" }
      - { date: "2028-01-27", name: "Tết Nguyên đán", status: computed, source: "test fixture" }
      - { date: "2028-01-28", name: "Tết Nguyên đán", status: computed, source: "test fixture" }
    workingSaturdays: []
`

describe('findPackageRoot', () => {
  it('finds the folder whose package.json is named chiso', () => {
    const root = findPackageRoot()
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name).toBe('chiso')
  })

  it('walks up from a nested path given as a file URL', () => {
    expect(findPackageRoot(new URL('../../engine/time/time.ts', import.meta.url))).toBe(findPackageRoot())
  })

  it('fails with a Vietnamese message outside the package', () => {
    expect(() => findPackageRoot(dir)).toThrow('Không tìm thấy thư mục gốc của gói "chiso"')
  })
})

describe('loadWorkingCalendar', () => {
  it('loads the shipped data file', () => {
    const cal = loadWorkingCalendar()
    expect(shippedCalendarPath()).toBe(join(findPackageRoot(), 'data', 'calendar', 'vn-civil-service.yaml'))
    expect(cal.workingDaysInYear(2026)).toBe(250)
    expect(cal.coverage(2027)).toBe('partial')
    expect(cal.coverage(2028)).toBe('none')
    expect(cal.addWorkingDays(vnInstant(2026, 2, 12, 10), 5)).toBe(vnInstant(2026, 2, 27))
  })

  it('applies provisional dates only when asked', () => {
    expect(loadWorkingCalendar().isWorkingDay('2026-11-24')).toBe(true)
    expect(loadWorkingCalendar({ applyProvisional: true }).isWorkingDay('2026-11-24')).toBe(false)
  })

  it('adds a year from a user file, with an unquoted year key', () => {
    const cal = loadWorkingCalendar({ extraFiles: [file('lich-2028.yaml', USER_2028)] })
    expect(cal.coverage(2028)).toBe('complete')
    expect(cal.isWorkingDay('2028-01-26')).toBe(false)
    expect(cal.holidayName('2028-01-03')).toBe('Tết Dương lịch – nghỉ bù (01/01 Sat)')
    // Fri 21/01/2028 + 2 working days: Mon 24 – Fri 28/01 are off, so Mon 31/01 and Tue 01/02.
    expect(cal.addWorkingDays(vnInstant(2028, 1, 21, 9), 2)).toBe(vnInstant(2028, 2, 2))
    expect(cal.workingDaysInYear(2026)).toBe(250)
  })

  it('names the file, the line and the key path of an invalid entry', () => {
    const broken = file('broken.yaml', USER_2028.replace('"2028-01-24"', '"2028-01-29"'))
    expect(() => loadWorkingCalendar({ extraFiles: [broken] })).toThrow(
      `${broken}, dòng 11, years."2028".off[1].date: ngày 2028-01-29 là thứ Bảy`
    )
  })

  it('names the file and line of a YAML syntax error', () => {
    const broken = file('syntax.yaml', USER_2028.replace('workingSaturdays: []', 'workingSaturdays: [\n'))
    let error: unknown
    try {
      readCalendarFile(broken)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(CalendarDataError)
    expect((error as CalendarDataError).message).toMatch(new RegExp(`${broken}, dòng \\d+: tệp YAML sai cú pháp \\(cột \\d+\\)`))
  })

  it('rejects a duplicate key', () => {
    const broken = file('duplicate.yaml', USER_2028.replace('    complete: true\n', '    complete: true\n    complete: false\n'))
    expect(() => readCalendarFile(broken)).toThrow(/dòng 8: tệp YAML sai cú pháp \(cột 5\): Map keys must be unique/)
  })

  it('names a missing file', () => {
    const missing = join(dir, 'khong-co.yaml')
    expect(() => loadWorkingCalendar({ extraFiles: [missing] })).toThrow(`${missing}: không đọc được tệp`)
  })
})
