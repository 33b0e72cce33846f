/**
 * Conformance with the portal's published numbers: every response under `../shared/data/` (found
 * at test time) is rescored with chiso's rules, and every row must be within 0.015 points of the
 * portal, unless `docs/conformance.md` lists it with its reason. The per-file figures of the doc
 * are checked too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readPortalResponse, rescorePortalResponse, ruleSetForResponse, RESCORE_TOLERANCE, GROUP_TOTAL, type RescoreResult } from '../../src/adapters/portal/index.js'
import { loadRuleSets } from '../../src/adapters/rules-files/load-rules.js'
import { covers, readExceptions, readFigures } from './conformance-doc.js'

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
/**
 * The portal's published responses (copied from ../shared/data into the repository, so a fresh
 * clone runs this suite; the copy is checked against ../shared/data below when that folder exists).
 */
const DATA_DIR = resolve(ROOT, 'tests/fixtures/portal-data')
const SHARED_DIR = resolve(ROOT, '../shared/data')
const DOC = join(ROOT, 'docs', 'conformance.md')

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith('.json') ? [path] : []
    })
}

if (!existsSync(DATA_DIR)) {
  throw new Error(`Thiếu thư mục số liệu Cổng ${DATA_DIR}: không thể kiểm tra đối chiếu.`)
}
const FILES = jsonFiles(DATA_DIR)
const key = (path: string) => relative(DATA_DIR, path).split(sep).join('/')
const doc = readFileSync(DOC, 'utf8')
const figures = readFigures(doc)
const exceptions = readExceptions(doc)
const sets = loadRuleSets(join(ROOT, 'rules'))

const results = new Map<string, RescoreResult>()
function rescored(file: string): RescoreResult {
  let r = results.get(file)
  if (!r) {
    const response = readPortalResponse(join(DATA_DIR, file), file)
    r = rescorePortalResponse(response, ruleSetForResponse(sets, response).ruleSet)
    results.set(file, r)
  }
  return r
}

describe('the copy of the portal data in tests/fixtures', () => {
  it.runIf(existsSync(SHARED_DIR))('is byte for byte the shared data it was copied from', () => {
    const shared = jsonFiles(SHARED_DIR).map((f) => relative(SHARED_DIR, f))
    expect(FILES.map((f) => relative(DATA_DIR, f))).toEqual(shared)
    for (const f of shared) expect(readFileSync(join(DATA_DIR, f)).equals(readFileSync(join(SHARED_DIR, f))), f).toBe(true)
  })
})

describe('conformance with the portal (tests/fixtures/portal-data, from ../shared/data)', () => {
  it('finds the published responses', () => {
    expect(FILES.length, `không có tệp .json nào trong ${DATA_DIR}`).toBeGreaterThan(0)
  })

  describe.each(FILES.map(key))('%s', (file) => {
    it('has every row within 0.015 points, or listed with its reason in docs/conformance.md', () => {
      const result = rescored(file)
      const unlisted = result.summary.unmatched.filter((row) => !exceptions.some((e) => covers(e, file, row)))
      expect(
        unlisted.map((r) => `${r.unitId} ${r.unitName} ${r.indicator}: Cổng ${r.officialScore}, chiso ${r.computedScore} (${r.status}${r.note ? `; ${r.note}` : ''})`),
        'dòng không khớp chưa được liệt kê trong docs/conformance.md'
      ).toEqual([])
      for (const row of result.rows) {
        if (row.status === 'match' && row.diff !== null) expect(row.diff).toBeLessThanOrEqual(RESCORE_TOLERANCE + 1e-9)
      }
    })

    it('checks each unpublished indicator row through its unit group total', () => {
      const result = rescored(file)
      const totals = new Map(result.rows.filter((r) => r.indicator === GROUP_TOTAL).map((r) => [r.unitId, r]))
      const unchecked = result.rows.filter((r) => r.status === 'not-published' && totals.get(r.unitId)?.status !== 'match')
      expect(unchecked.map((r) => `${r.unitName} ${r.indicator}`)).toEqual([])
    })

    it('matches the figures of docs/conformance.md', () => {
      const result = rescored(file)
      const f = figures.find((x) => x.file === file)
      expect(f, `docs/conformance.md chưa có số liệu của ${file}`).toBeDefined()
      expect({
        group: f!.group,
        rows: f!.rows,
        matched: f!.matched,
        notPublished: f!.notPublished,
        unmatched: f!.unmatched,
        largestDiff: f!.largestDiff,
      }).toEqual({
        group: result.group,
        rows: result.summary.rows,
        matched: result.summary.withinTolerance,
        notPublished: result.summary.notPublished,
        unmatched: result.summary.unmatched.length,
        largestDiff: result.summary.largestDiff.toFixed(3),
      })
    })
  })

  it('lists no stale exception: each covers exactly the rows it says', () => {
    const stale = exceptions
      .map((e) => {
        if (!FILES.map(key).includes(e.file)) return `${e.file}: tệp không còn`
        const n = rescored(e.file).summary.unmatched.filter((row) => covers(e, e.file, row)).length
        return n === e.rows ? null : `${e.file} / ${e.unit} / ${e.indicators.join(', ')}: ghi ${e.rows} dòng, thực tế ${n}`
      })
      .filter((x) => x !== null)
    expect(stale).toEqual([])
  })

  it('lists no figures for a file that is gone', () => {
    expect(figures.map((f) => f.file).filter((f) => !FILES.map(key).includes(f))).toEqual([])
  })
})
