import { describe, expect, it } from 'vitest'
import type { GroupRule, IndicatorCode, IndicatorRule, PointsRule, RuleSet, ZeroDenominatorPolicy } from '../../engine/rules/types.js'
import { parsePortalResponse, type PortalResponse } from './portal-response.js'
import { DEFAULT_RULE_DATE, NoRuleSetError, RESCORE_TOLERANCE, rescorePortalResponse, ruleSetForResponse, type RescoreRow } from './rescore.js'

/** A hand-made rule set: the values here are the test's own, not chiso's rules. */
function rule(code: IndicatorCode, max: number, points: PointsRule, zeroDenominator: ZeroDenominatorPolicy, over: Partial<IndicatorRule> = {}): IndicatorRule {
  return {
    code,
    portalCode: null,
    name: `Chỉ tiêu ${code}`,
    description: '',
    max,
    points,
    zeroDenominator,
    commune: 'scored',
    scope: 'own-and-children',
    tracked: max === 0,
    effectiveFrom: '2025-07-01',
    reference: { act: 'x' },
    provenance: 'data',
    ...over,
    portalCodes: over.portalCodes ?? (over.portalCode ? [over.portalCode] : []),
  }
}
const prop: PointsRule = { kind: 'proportional' }
const thr = (threshold: number): PointsRule => ({ kind: 'threshold', threshold })

function ruleSet(id: string, groups: GroupRule[], rules: IndicatorRule[]): RuleSet {
  return {
    id,
    name: `Bộ ${id}`,
    effectiveFrom: id,
    effectiveTo: null,
    provenance: 'data',
    reference: { act: 'x' },
    groups,
    indicators: Object.fromEntries(rules.map((r) => [r.code, r])),
  }
}

const RULES = ruleSet(
  '2025-07-01',
  [
    { id: '1', name: 'Công khai', max: 10, indicators: ['1.1', '1.4'] },
    { id: '2', name: 'Tiến độ', max: 20, indicators: ['2.1', '2.2'] },
    { id: '3', name: 'Trực tuyến', max: 12, indicators: ['3.1', '3.2', '3.3'] },
    { id: '4', name: 'Thanh toán', max: 10, indicators: ['3.5a', '3.5b', '3.6'] },
    { id: '5', name: 'Hài lòng', max: 6, indicators: ['5.1', '5.2'] },
    { id: '6', name: 'Số hóa', max: 10, indicators: ['4.1', '4.3', '4.6'] },
  ],
  [
    rule('1.1', 4, prop, 'not-applicable', { portalCode: 'PUBLISH_ON_TIME', commune: 'not-applicable' }),
    rule('1.4', 6, prop, 'not-applicable', { portalCode: 'DOSSIER_SYNC' }),
    rule('2.1', 20, prop, 'zero'),
    rule('2.2', 0, prop, 'not-applicable'),
    rule('3.1', 2, thr(0.8), 'zero'),
    rule('3.2', 4, prop, 'zero'),
    rule('3.3', 6, thr(0.5), 'zero'),
    rule('3.5a', 2, thr(0.8), 'zero'),
    rule('3.5b', 2, thr(0.8), 'zero'),
    rule('3.6', 6, prop, 'zero'),
    rule('5.1', 0, prop, 'not-applicable'),
    rule('5.2', 6, prop, 'full', { portalCode: 'PETITION_PROCESSING_ON_TIME' }),
    rule('4.1', 4, prop, 'not-applicable', { portalCode: 'ORIGINAL_RESULT_AVAILABLE' }),
    rule('4.3', 4, thr(0.8), 'not-applicable', { portalCode: 'REUSED_DIGITIZED_DATA' }),
    rule('4.6', 2, prop, 'full', { portalCode: 'ELECTRONIC_CERTIFIED_COPY' }),
  ]
)

const env = (data: unknown) => JSON.stringify({ code: 'OK', data, message: 'OK' })
const m = (code: string, numerator: number | null, denominator: number | null, score: number | null, maxScore: number, extra: object = {}) => ({
  code,
  name: code,
  numerator,
  denominator,
  ratio: null,
  score,
  maxScore,
  ...extra,
})
const unit = (id: string, level: 'PROVINCE' | 'COMMUNE', totalScore: number | null, totalMaxScore: number, metrics: object[]) => ({
  departmentId: id,
  departmentName: `Đơn vị ${id}`,
  departmentType: level === 'COMMUNE' ? 'COMMUNE_PEOPLE_COMMITTEE' : 'PROVINCIAL_DEPARTMENT',
  departmentLevel: level,
  totalScore,
  totalMaxScore,
  ratio: null,
  scoreDelta: null,
  metrics,
})
const parse = (data: unknown): PortalResponse => parsePortalResponse(env(data), 'test.json')
const find = (rows: RescoreRow[], unitId: string, indicator: string) => rows.find((r) => r.unitId === unitId && r.indicator === indicator)!

describe('rescorePortalResponse, metric-shaped', () => {
  it('recomputes dossier-digitized rows from the rule set: threshold, full points without data, N/A, total', () => {
    const response = parse({
      overview: unit('root', 'PROVINCE', 6.5, 10, [
        m('ORIGINAL_RESULT_AVAILABLE', 50, 100, 2, 4),
        m('REUSED_DIGITIZED_DATA', 30, 100, 1.5, 4),
        m('ELECTRONIC_CERTIFIED_COPY', null, null, 2, 2),
      ]),
      evaluation: [unit('u', 'PROVINCE', 2, 10, [m('ORIGINAL_RESULT_AVAILABLE', 0, 0, null, 4), m('REUSED_DIGITIZED_DATA', 0, 0, null, 4), m('ELECTRONIC_CERTIFIED_COPY', null, null, 2, 2)])],
    })
    expect(response.group).toBe('dossier-digitized')
    const result = rescorePortalResponse(response, RULES)
    expect(result.group).toBe('dossier-digitized')
    expect(result.ruleSetId).toBe('2025-07-01')
    expect(result.rows).toHaveLength(8)
    expect(find(result.rows, 'root', '4.1')).toMatchObject({ portalCode: 'ORIGINAL_RESULT_AVAILABLE', computedScore: 2, officialScore: 2, diff: 0, status: 'match' })
    // 30% under an 80% threshold with max 4: 4 × 0.3 / 0.8 = 1.5
    expect(find(result.rows, 'root', '4.3').computedScore).toBeCloseTo(1.5, 10)
    expect(find(result.rows, 'root', '4.6')).toMatchObject({ computedScore: 2, status: 'match' })
    expect(find(result.rows, 'root', '4.6').note).toContain('Cổng không công bố tử số/mẫu số')
    expect(find(result.rows, 'root', 'total')).toMatchObject({ computedScore: 5.5, officialScore: 6.5, status: 'mismatch' })
    expect(find(result.rows, 'u', '4.1')).toMatchObject({ computedScore: null, officialScore: null, diff: 0, status: 'match' })
    expect(find(result.rows, 'u', 'total')).toMatchObject({ computedScore: 2, officialScore: 2, status: 'match' })
    expect(result.summary).toMatchObject({ rows: 8, withinTolerance: 7, notPublished: 0, tolerance: RESCORE_TOLERANCE })
    expect(result.summary.unmatched.map((r) => [r.unitId, r.indicator])).toEqual([['root', 'total']])
    expect(result.summary.largestDiff).toBeCloseTo(1, 10)
  })

  it('compares within 0.015 points of the 2-decimal published score', () => {
    // 1.4: 6 × 2/3 = 4 exactly; 1.4 published as 4.01 is within, 3.98 is not.
    const response = parse({
      overview: unit('root', 'PROVINCE', 4.01, 10, [m('DOSSIER_SYNC', 2, 3, 4.01, 6)]),
      evaluation: [unit('u', 'PROVINCE', 3.98, 10, [m('DOSSIER_SYNC', 2, 3, 3.98, 6)])],
    })
    const rows = rescorePortalResponse(response, RULES).rows
    expect(find(rows, 'root', '1.4').status).toBe('match')
    expect(find(rows, 'u', '1.4').status).toBe('mismatch')
    expect(find(rows, 'u', '1.4').diff).toBeCloseTo(0.02, 10)
  })

  it('treats N/A as null, never 0, and applies the commune policy', () => {
    const response = parse({
      overview: unit('root', 'PROVINCE', 0, 10, [m('PUBLISH_ON_TIME', 0, 0, 0, 4), m('DOSSIER_SYNC', 0, 0, null, 6, { dataQualityStatus: 'NO_NATIONAL_REPORT_DATA', dataQualityMessage: 'Không có dữ liệu báo cáo tổng hợp.' })]),
      evaluation: [unit('xa', 'COMMUNE', 6, 10, [m('PUBLISH_ON_TIME', 3, 4, null, 4), m('DOSSIER_SYNC', 5, 5, 6, 6)])],
    })
    const rows = rescorePortalResponse(response, RULES).rows
    // Portal 0 where the rule says N/A: a mismatch, shown as such.
    expect(find(rows, 'root', '1.1')).toMatchObject({ computedScore: null, officialScore: 0, diff: null, status: 'mismatch' })
    expect(find(rows, 'root', '1.4')).toMatchObject({ computedScore: null, status: 'match', dataQualityStatus: 'NO_NATIONAL_REPORT_DATA', dataQualityMessage: 'Không có dữ liệu báo cáo tổng hợp.' })
    expect(find(rows, 'root', '1.4').note).toContain('NO_NATIONAL_REPORT_DATA')
    expect(find(rows, 'root', 'total')).toMatchObject({ computedScore: null, officialScore: 0, status: 'mismatch' })
    // A commune: 1.1 does not apply whatever the counts.
    expect(find(rows, 'xa', '1.1')).toMatchObject({ computedScore: null, status: 'match', note: 'Không áp dụng cho cấp xã (N/A)' })
    expect(find(rows, 'xa', 'total')).toMatchObject({ computedScore: 6, status: 'match' })
  })

  it('maps codes the rule set does not declare through the spec table, and tracked indicators give no points', () => {
    const response = parse({
      overview: unit('root', 'PROVINCE', 6, 6, [m('PETITION_CLASSIFICATION_TTHC', 3, 4, null, 0), m('PETITION_PROCESSING_ON_TIME', 0, 0, 6, 6), m('PETITION_CLASSIFICATION_STAFF', 1, 4, 0, 0)]),
      evaluation: [],
    })
    const rows = rescorePortalResponse(response, RULES).rows
    const tracked = find(rows, 'root', '5.1')
    expect(tracked).toMatchObject({ portalCode: 'PETITION_CLASSIFICATION_TTHC', computedScore: null, officialScore: null, diff: 0, status: 'match' })
    expect(tracked.note).toContain('chưa khai báo trong rules/indicators/5.1.yaml')
    expect(tracked.note).toContain('Chỉ tiêu chỉ theo dõi, không tính điểm')
    expect(rows.find((r) => r.portalCode === 'PETITION_CLASSIFICATION_STAFF')).toMatchObject({ officialScore: 0, computedScore: null, status: 'match' })
    // No petition: full points (policy `full`).
    expect(find(rows, 'root', '5.2')).toMatchObject({ computedScore: 6, status: 'match', note: 'Mẫu số bằng 0: được điểm tối đa' })
    expect(find(rows, 'root', 'total')).toMatchObject({ computedScore: 6, status: 'match' })
  })

  it('reports a differing maximum and a metric without rule as unmatched, never dropped', () => {
    const response = parse({
      overview: unit('root', 'PROVINCE', 3, 10, [m('ORIGINAL_RESULT_AVAILABLE', 1, 2, 3, 6), m('SO_HOA_GIAY_TO_GIAI_QUYET', 1, 2, 2, 4)]),
      evaluation: [],
    })
    const rows = rescorePortalResponse(response, RULES).rows
    expect(find(rows, 'root', '4.1')).toMatchObject({ computedScore: 2, status: 'mismatch' })
    expect(find(rows, 'root', '4.1').note).toContain('Điểm tối đa: Cổng 6,00, bộ quy tắc 4,00')
    expect(find(rows, 'root', '4.2')).toMatchObject({ computedScore: null, status: 'not-recomputable' })
    expect(find(rows, 'root', '4.2').note).toContain('không có chỉ tiêu 4.2')
    expect(find(rows, 'root', 'total')).toMatchObject({ status: 'not-recomputable', computedScore: null })
  })

  it('keeps a metric the portal adds later as a row that cannot be recomputed', () => {
    const response = parse({ overview: unit('root', 'PROVINCE', 2, 10, [m('DOSSIER_SYNC', 1, 3, 2, 6), m('NEW_PORTAL_METRIC', 1, 1, 1, 1)]), evaluation: [unit('u', 'PROVINCE', 0, 10, [])] })
    const rows = rescorePortalResponse(response, RULES).rows
    expect(rows.map((r) => [r.unitId, r.indicator, r.status])).toEqual([
      ['root', '1.4', 'match'],
      ['root', 'NEW_PORTAL_METRIC', 'not-recomputable'],
      ['root', 'total', 'not-recomputable'],
      ['u', 'total', 'not-recomputable'],
    ])
    expect(rows[1].note).toContain('mã chỉ số NEW_PORTAL_METRIC không có trong bộ quy tắc')
    expect(rows[3].note).toContain('không có chỉ số nào')
  })
})

const treeUnit = (id: string, level: string | undefined, extra: object) => ({ departmentId: id, departmentName: `Đơn vị ${id}`, ...(level ? { level } : {}), ...extra })

describe('rescorePortalResponse, tree-shaped', () => {
  it('progress: 2.1 is the group, compared with the published score; zero received gives 0', () => {
    const response = parse({
      parent: treeUnit('p', undefined, { totalReceived: 200, totalOnTime: 150, totalScore: 15, totalMaxScore: 20 }),
      children: [treeUnit('a', 'PROVINCE', { totalReceived: 0, totalOnTime: 0, totalOverdue: 0, score: 0, maxScore: 20 }), treeUnit('b', 'COMMUNE', { totalReceived: 3, totalOnTime: 2, score: 13.33, maxScore: 20 })],
    })
    const result = rescorePortalResponse(response, RULES)
    expect(result.rows).toHaveLength(6)
    expect(find(result.rows, 'p', '2.1')).toMatchObject({ numerator: 150, denominator: 200, computedScore: 15, officialScore: 15, status: 'match' })
    expect(find(result.rows, 'a', '2.1')).toMatchObject({ computedScore: 0, status: 'match', note: expect.stringContaining('Mẫu số bằng 0: 0 điểm') })
    expect(find(result.rows, 'b', 'total')).toMatchObject({ officialScore: 13.33, status: 'match' })
    expect(find(result.rows, 'b', 'total').computedScore).toBeCloseTo(40 / 3, 10)
    expect(result.summary.withinTolerance).toBe(6)
  })

  it('online services: per-indicator rows are not published; children without parameters are not recomputable', () => {
    const response = parse({
      parent: treeUnit('p', undefined, { authorityCount: 10, partialCount: 3, fullCount: 3, onlineDossierCount: 1, onlineServiceTotal: 4, channelOnlineSum: 1, channelTotalSum: 4, totalScore: 5.5, totalMaxScore: 12 }),
      children: [treeUnit('c', 'COMMUNE', { totalScore: 7.09, totalMaxScore: 12 })],
    })
    const result = rescorePortalResponse(response, RULES)
    // 3.1: 60% / 80% × 2 = 1.5; 3.2: 4 × 0.25 = 1; 3.3: 25% / 50% × 6 = 3 → 5.5
    expect(find(result.rows, 'p', '3.1')).toMatchObject({ numerator: 6, denominator: 10, officialScore: null, diff: null, status: 'not-published' })
    expect(find(result.rows, 'p', '3.1').computedScore).toBeCloseTo(1.5, 10)
    expect(find(result.rows, 'p', '3.1').note).toContain('(partialCount + fullCount) / authorityCount')
    expect(find(result.rows, 'p', 'total')).toMatchObject({ officialScore: 5.5, status: 'match' })
    expect(find(result.rows, 'p', 'total').computedScore).toBeCloseTo(5.5, 10)
    for (const code of ['3.1', '3.2', '3.3', 'total']) expect(find(result.rows, 'c', code).status).toBe('not-recomputable')
    expect(find(result.rows, 'c', '3.2').note).toContain('onlineDossierCount, onlineServiceTotal')
    expect(find(result.rows, 'c', 'total')).toMatchObject({ officialScore: 7.09, computedScore: null })
    expect(result.summary).toMatchObject({ rows: 8, withinTolerance: 1, notPublished: 3 })
    expect(result.summary.unmatched).toHaveLength(4)
  })

  it('payment: the group total follows the published formula (components rounded to 0.1 %)', () => {
    // 3.6: 1/3 → 6/3 = 2 points = 20 % of 10 → 20.0; 3.5b: 1/3 / 0.8 × 2 = 0.8333 → 8.3 %;
    // 3.5a: 0 → 0. Ratio 28.3 %, points 2.83 (unrounded sum 2.8333).
    const response = parse({
      parent: treeUnit('p', undefined, {
        totalDossierOnlinePaymentSuccess: 1,
        totalDossierFinancialObligation: 3,
        totalDossierOnlineFormalityPaymentSuccess: 1,
        totalFeeDossierFormalityDistinct: 3,
        totalFeeDossierFormality: 0,
        totalFeeFormality: 3,
        ratio: 28.3,
        totalScore: 2.83,
        totalMaxScore: 10,
      }),
      children: [],
    })
    const rows = rescorePortalResponse(response, RULES).rows
    expect(rows.map((r) => r.indicator)).toEqual(['3.5a', '3.5b', '3.6', 'total'])
    expect(find(rows, 'p', '3.5b').computedScore).toBeCloseTo(5 / 6, 10)
    const total = find(rows, 'p', 'total')
    expect(total.computedScore).toBeCloseTo(2.83, 10)
    expect(total.status).toBe('match')
    expect(total.note).toContain('tỷ lệ nhóm 28,3%')
    expect(total.note).toContain('tổng điểm chưa làm tròn 2,833')
  })

  it('flags a rule-set group that does not match the published group', () => {
    const fiveGroups = ruleSet('2022-06-23', [{ id: '3', name: 'Dịch vụ trực tuyến', max: 22, indicators: ['3.1', '3.2', '3.3', '3.5a', '3.5b', '3.6'] }], Object.values(RULES.indicators) as IndicatorRule[])
    const response = parse({
      parent: treeUnit('p', undefined, { authorityCount: 10, partialCount: 8, fullCount: 0, onlineDossierCount: 4, onlineServiceTotal: 4, channelOnlineSum: 1, channelTotalSum: 2, totalScore: 12, totalMaxScore: 12 }),
      children: [],
    })
    const total = find(rescorePortalResponse(response, fiveGroups).rows, 'p', 'total')
    expect(total).toMatchObject({ computedScore: 12, status: 'mismatch' })
    expect(total.note).toContain('còn có chỉ tiêu 3.5a, 3.5b, 3.6')
    expect(total.note).toContain('Điểm tối đa của nhóm: Cổng 12,00, bộ quy tắc 2022-06-23 22,00')
  })
})

describe('ruleSetForResponse', () => {
  const older = ruleSet('2022-06-23', [], [])
  const sets = [older, RULES]

  it('defaults to the rule set in force on 2026-08-01 and says so', () => {
    const c = ruleSetForResponse(sets, {})
    expect(c).toMatchObject({ date: DEFAULT_RULE_DATE, ruleSet: { id: '2025-07-01' } })
    expect(c.warnings[0]).toContain('không ghi kỳ đánh giá')
  })

  it('uses the first day of the period, and warns when the period straddles two rule sets', () => {
    const c = ruleSetForResponse(sets, {}, { period: { kind: 'year', from: '2025-01-01', to: '2025-12-31', label: 'năm 2025', source: 'option' } })
    expect(c.ruleSet.id).toBe('2022-06-23')
    expect(c.warnings[0]).toContain('nằm trên hai bộ quy tắc')
  })

  it('lets a date override the period, and fails before the first rule set', () => {
    expect(ruleSetForResponse(sets, {}, { date: '2024-01-31' }).ruleSet.id).toBe('2022-06-23')
    expect(() => ruleSetForResponse(sets, {}, { date: '2020-01-01' })).toThrowError(NoRuleSetError)
  })
})
