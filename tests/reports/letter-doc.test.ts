/**
 * `docs/letter.md` documents every profile key, every text template and its fields, and shows a
 * committed PNG of page 1: this test keeps the page from drifting from the code.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findPackageRoot } from '../../src/adapters/calendar-file/load-calendar.js'
import { COMMON_FIELDS, DEFAULT_TEXTS, PROFILE_KEYS, RESULT_FIELDS, TARGET_FIELDS } from '../../src/adapters/reports/index.js'

const root = findPackageRoot()
const doc = readFileSync(join(root, 'docs/letter.md'), 'utf8')

describe('docs/letter.md', () => {
  it('names every profile key and text template', () => {
    for (const k of PROFILE_KEYS) expect(doc, k).toContain(`\`${k}`)
    for (const k of Object.keys(DEFAULT_TEXTS)) expect(doc, k).toContain(k)
  })

  it('lists every template field', () => {
    for (const f of [...COMMON_FIELDS, ...RESULT_FIELDS, ...TARGET_FIELDS, 'previousPeriod', 'previousTotal', 'change', 'rankChange']) expect(doc, f).toContain(`{${f}}`)
  })

  it('shows the committed PNG of page 1, kept small', () => {
    expect(doc).toContain('](letter-page1.png)')
    const png = join(root, 'docs/letter-page1.png')
    expect(existsSync(png)).toBe(true)
    expect(statSync(png).size).toBeLessThan(200_000)
  })
})
