import { describe, expect, it } from 'vitest'
import { readFixture } from '../../../tests/fixtures/import/data-dirs.js'
import { parseProcedures, parseUnits } from './catalog.js'

const province = { code: '000.00.00.H44', name: 'UBND tỉnh Phú Thọ', level: 'province', parent: null }
const commune = { code: '000.00.12.H44', name: 'UBND xã Hy Cương', level: 'commune', parent: '000.00.00.H44' }

const procedure = {
  code: '1.000656',
  name: 'Đăng ký kết hôn',
  level: 'commune',
  onlineLevel: 'full',
  eligibleFullOnline: true,
  hasFee: false,
  paperResult: true,
  citizenSubject: true,
  maxTime: 1,
  timeUnit: 'working_day',
}

const units = new Set(['000.00.00.H44', '000.00.12.H44'])

describe('parseUnits', () => {
  it('reads the fixture tree without issues', async () => {
    const { units: parsed, issues } = parseUnits(await readFixture('units.json'))
    expect(issues).toEqual([])
    expect(parsed.map((u) => u.code)).toEqual(['000.00.00.H44', '000.00.03.H44', '000.00.12.H44'])
  })

  it('rejects a duplicate code, naming file, index, code and field, and keeps the first', () => {
    const { units: parsed, issues } = parseUnits([province, commune, { ...commune, name: 'UBND xã khác' }])
    expect(parsed).toHaveLength(2)
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'units.json',
        index: 3,
        key: '000.00.12.H44',
        field: 'code',
        message: 'units.json, đơn vị thứ 3 (code 000.00.12.H44): code đã có ở đơn vị thứ 2; bỏ bản ghi này',
      },
    ])
  })

  it('rejects an unknown level and a parent that is not in the file', () => {
    const { units: parsed, issues } = parseUnits([
      province,
      { ...commune, level: 'ward' },
      { ...commune, code: '000.00.13.H44', parent: '000.00.99.H44' },
    ])
    expect(parsed.map((u) => u.code)).toEqual(['000.00.00.H44'])
    expect(issues.map((i) => [i.index, i.field, i.message])).toEqual([
      [2, 'level', 'units.json, đơn vị thứ 2 (code 000.00.12.H44): level "ward" không hợp lệ; giá trị cho phép: ministry, province, department, district, commune'],
      [3, 'parent', 'units.json, đơn vị thứ 3 (code 000.00.13.H44): parent 000.00.99.H44 không có trong units.json'],
    ])
  })

  it('rejects the units of a cycle and, in cascade, their descendants', () => {
    const { units: parsed, issues } = parseUnits([
      province,
      { code: 'A', name: 'Sở A', level: 'department', parent: 'B' },
      { code: 'B', name: 'Sở B', level: 'department', parent: 'A' },
      { code: 'C', name: 'Phòng C', level: 'department', parent: 'A' },
    ])
    expect(parsed.map((u) => u.code)).toEqual(['000.00.00.H44'])
    expect(issues.map((i) => [i.key, i.field])).toEqual([
      ['A', 'parent'],
      ['B', 'parent'],
      ['C', 'parent'],
    ])
    expect(issues[0].message).toContain('parent tạo thành vòng lặp (A → B → A)')
    expect(issues[2].message).toContain('đơn vị cha A bị từ chối')
  })

  it('rejects a unit that is its own parent', () => {
    const { issues } = parseUnits([{ ...province, parent: '000.00.00.H44' }])
    expect(issues[0]).toMatchObject({ index: 1, field: 'parent' })
  })

  it('requires code, name and level, and warns about unknown fields', () => {
    const { units: parsed, issues } = parseUnits([{ name: '', level: 'province', parentCode: null }])
    expect(parsed).toEqual([])
    expect(issues.map((i) => [i.severity, i.field])).toEqual([
      ['error', 'code'],
      ['warning', 'parentCode'],
      ['error', 'name'],
    ])
  })

  it('warns about an unknown field once per file, not once per record', () => {
    const { units: parsed, issues } = parseUnits([
      { ...province, tenVietTat: 'Phú Thọ' },
      { ...commune, tenVietTat: 'Hy Cương' },
    ])
    expect(parsed).toHaveLength(2)
    expect(issues).toEqual([
      {
        severity: 'warning',
        file: 'units.json',
        index: 1,
        key: '000.00.00.H44',
        field: 'tenVietTat',
        message: 'units.json, đơn vị thứ 1 (code 000.00.00.H44): trường tenVietTat không được hỗ trợ; bỏ qua trường này ở mọi bản ghi của tệp',
      },
    ])
  })

  it('warns when two units share a name', () => {
    const { units: parsed, issues } = parseUnits([province, commune, { ...commune, code: '000.00.13.H44' }])
    expect(parsed).toHaveLength(3)
    expect(issues).toMatchObject([{ severity: 'warning', index: 3, field: 'name' }])
  })

  it('reports a file that is not an array as a file-level error', () => {
    expect(parseUnits({ units: [] }).issues).toMatchObject([{ severity: 'error', index: null }])
  })
})

describe('parseProcedures', () => {
  it('reads the fixture procedures without issues', async () => {
    const { procedures, issues } = parseProcedures(await readFixture('procedures.json'), new Set(['000.00.03.H44']))
    expect(issues).toEqual([])
    expect(procedures[0].publication).toEqual({
      decisionDate: '2025-06-20',
      legalEffectiveDate: '2025-07-01',
      publicOnPortalDate: '2025-06-24',
      completeParts: 7,
    })
    expect(procedures[1].units).toEqual(['000.00.03.H44'])
  })

  it('requires JSON booleans, naming file, index, code and field, and keeps the other records', () => {
    const { procedures, issues } = parseProcedures(
      [procedure, { ...procedure, code: '1.001193', hasFee: 'false' }, { ...procedure, code: '2.000815' }],
      units
    )
    expect(procedures.map((p) => p.code)).toEqual(['1.000656', '2.000815'])
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'procedures.json',
        index: 2,
        key: '1.001193',
        field: 'hasFee',
        message: 'procedures.json, thủ tục thứ 2 (code 1.001193): hasFee "false" phải là true hoặc false (kiểu boolean của JSON)',
      },
    ])
  })

  it.each([
    ['a date that does not exist', { publication: { decisionDate: '2025-02-30' } }, 'publication.decisionDate'],
    ['a date in another format', { publication: { publicOnPortalDate: '20/06/2025' } }, 'publication.publicOnPortalDate'],
    ['completeParts above 7', { publication: { completeParts: 8 } }, 'publication.completeParts'],
    ['a fractional completeParts', { publication: { completeParts: 6.5 } }, 'publication.completeParts'],
    ['a local procedure code', { code: '1.000656.000.00.00.H44' }, 'code'],
    ['an unknown onlineLevel', { onlineLevel: 'level4' }, 'onlineLevel'],
    ['an unknown timeUnit', { timeUnit: 'month' }, 'timeUnit'],
    ['a department level', { level: 'department' }, 'level'],
    ['a negative maxTime', { maxTime: -1 }, 'maxTime'],
    ['a maxTime given as text', { maxTime: '5' }, 'maxTime'],
    ['a missing citizenSubject', { citizenSubject: undefined }, 'citizenSubject'],
    ['units that is not an array', { units: '000.00.12.H44' }, 'units'],
    ['an electronicCertification given as text', { electronicCertification: 'yes' }, 'electronicCertification'],
  ])('rejects %s', (_name, overrides, field) => {
    const { procedures, issues } = parseProcedures([{ ...procedure, ...overrides }], units)
    expect(procedures).toEqual([])
    expect(issues.filter((i) => i.severity === 'error').map((i) => [i.index, i.field])).toEqual([[1, field]])
  })

  it('rejects a duplicate code', () => {
    const { procedures, issues } = parseProcedures([procedure, procedure], units)
    expect(procedures).toHaveLength(1)
    expect(issues).toMatchObject([{ index: 2, key: '1.000656', field: 'code' }])
  })

  it('keeps unknown unit codes in units, with a warning', () => {
    const { procedures, issues } = parseProcedures([{ ...procedure, units: ['000.00.12.H44', '000.00.55.H44'] }], units)
    expect(procedures[0].units).toEqual(['000.00.12.H44', '000.00.55.H44'])
    expect(issues).toMatchObject([{ severity: 'warning', field: 'units' }])
    expect(issues[0].message).toContain('000.00.55.H44')
  })
})
