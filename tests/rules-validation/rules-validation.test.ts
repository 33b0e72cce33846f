/**
 * The rules loader refuses malformed rule files with a message naming the file, the key and what
 * was expected; the shipped rules/ load into two dated rule sets.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findPackageRoot } from '../../src/adapters/calendar-file/load-calendar.js'
import { loadRuleSets } from '../../src/adapters/rules-files/load-rules.js'
import { ruleSetOn } from '../../src/engine/rules/build.js'

const rulesDir = join(findPackageRoot(), 'rules')

/** A copy of rules/ with one file edited. */
function broken(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-rules-'))
  cpSync(rulesDir, dir, { recursive: true })
  const path = join(dir, file)
  writeFileSync(path, edit(readFileSync(path, 'utf8')))
  return dir
}

describe('shipped rules', () => {
  const sets = loadRuleSets()
  it('give the five-group set before the switch and the six-group set after it', () => {
    expect(sets.map((s) => s.id)).toEqual(['2022-06-23', '2025-07-01'])
    expect(ruleSetOn(sets, '2024-01-31')!.groups.map((g) => g.max)).toEqual([18, 20, 22, 18, 22])
    expect(ruleSetOn(sets, '2026-08-01')!.groups.map((g) => g.max)).toEqual([18, 20, 12, 10, 18, 22])
  })
  it('mark the provisional switch date as inferred', () => {
    expect(ruleSetOn(sets, '2026-08-01')!.provenance).toBe('inferred')
    expect(sets[0].effectiveTo).toBe('2025-06-30')
  })
  it('add up to 100 points in both layouts, with Vietnamese group names', () => {
    for (const s of sets) expect(s.groups.reduce((a, g) => a + g.max, 0)).toBe(100)
    expect(sets[1].groups[0].name).toBe('Công khai, minh bạch')
  })
  it('carry a legal reference and provenance for every indicator', () => {
    for (const s of sets) for (const rule of Object.values(s.indicators)) {
      expect(rule!.reference.act).toBeTruthy()
      expect(['doc', 'data', 'inferred']).toContain(rule!.provenance)
    }
  })
  it('know nothing before Decision 766', () => {
    expect(ruleSetOn(sets, '2022-01-31')).toBeNull()
  })
})

describe('a malformed rules folder is refused with a message naming file and key', () => {
  const cases: { name: string; file: string; edit: (t: string) => string; message: RegExp }[] = [
    { name: 'a maximum that is not a number', file: 'indicators/2.1.yaml', edit: (t) => t.replace('max: 20', 'max: hai mươi'), message: /rules\/indicators\/2\.1\.yaml, khóa "values\."2022-06-23"\.max": cần một số/ },
    { name: 'an unknown points rule', file: 'indicators/3.1.yaml', edit: (t) => t.replace('kind: threshold', 'kind: step'), message: /3\.1\.yaml, khóa "values\."2022-06-23"\.points\.kind": cần một trong proportional, threshold/ },
    { name: 'a misspelt key', file: 'indicators/4.3.yaml', edit: (t) => t.replace('zeroDenominator:', 'zeroDenominatr:'), message: /4\.3\.yaml, khóa "values\."2022-06-23"\.zeroDenominatr": khóa không được hỗ trợ/ },
    { name: 'group maxima that do not add up', file: 'layouts/2025-07-01.yaml', edit: (t) => t.replace('max: 12,', 'max: 13,'), message: /2025-07-01\.yaml, khóa "groups \(nhóm 3\)\.max": tổng điểm tối đa các chỉ tiêu \(12\) khác điểm của nhóm \(13\)/ },
    { name: 'an unquoted name with a comma', file: 'layouts/2025-07-01.yaml', edit: (t) => t.replace('"Công khai, minh bạch"', 'Công khai, minh bạch'), message: /groups\[0\]\.minh bạch": khóa không được hỗ trợ/ },
    { name: 'an indicator in two groups', file: 'layouts/2022-06-23.yaml', edit: (t) => t.replace('["2.1", "2.2"]', '["2.1", "2.2", "1.1"]'), message: /chỉ tiêu 1\.1 nằm trong hai nhóm/ },
    { name: 'an impossible effective date', file: 'layouts/2025-07-01.yaml', edit: (t) => t.replace('effectiveFrom: "2025-07-01"', 'effectiveFrom: "2025-02-30"'), message: /khóa "effectiveFrom": cần một ngày dạng "YYYY-MM-DD" có thật/ },
    { name: 'a reference to an act that is not declared', file: 'indicators/5.4.yaml', edit: (t) => t.replace('act: qd-766-2022', 'act: qd-999'), message: /5\.4\.yaml, khóa "reference\.act": văn bản "qd-999" không có trong acts\.yaml/ },
  ]
  for (const c of cases) {
    it(`refuses ${c.name}`, () => {
      expect(() => loadRuleSets(broken(c.file, c.edit))).toThrow(c.message)
    })
  }
})
