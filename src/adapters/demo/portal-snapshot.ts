/**
 * @module adapters/demo/portal-snapshot
 * DEMO DATA. What the national portal would have published for the fictional demo province
 * (`000.00.00.H99`) for one month, written as responses of the portal's evaluation API in the
 * format of the real files (`../shared/data/dvcqg-phutho-2026/`, see `adapters/portal`), so that
 * the real import path (`chiso import portal TỆP`) stores them and the dashboard can show "official
 * vs computed" for the demo too.
 *
 * How the numbers are made, honestly: the portal only sees the dossiers a unit synced to it
 * (`DongBoDVCQG = 1`), and it is captured once, early in the following month. So the demo's
 * "portal" scores the same data folder with only the synced dossiers, taken at the capture date
 * (default: the 5th of the following month, 09:00 Vietnam time), with chiso's own rule set. The
 * differences with chiso's numbers therefore come from unsynced dossiers (and from anything
 * received later), never from invented values. Each file says it is demo data (`message`,
 * `data.source`) and carries the request's period (`request`), which saved real responses may lack.
 * The capture time is also the file's modification time, which the import takes as `capturedAt`.
 */
import { createReadStream } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import type { WorkingTime } from '../../engine/calendar-port.js'
import type { Unit } from '../../engine/model.js'
import { parsePeriod, type Period } from '../../engine/periods/period.js'
import type { IndicatorCode, RuleSet } from '../../engine/rules/types.js'
import { scoreWithRuleSets, type UnitResult } from '../../engine/score.js'
import { round2 } from '../../engine/scoring/points.js'
import { loadWorkingCalendar } from '../calendar-file/load-calendar.js'
import { DATA_FILES } from '../import/data-dir.js'
import { loadPrepared } from '../import/load-prepared.js'
import { PORTAL_METRIC_CODES, type PortalGroup } from '../portal/portal-response.js'
import { loadRuleSets } from '../rules-files/load-rules.js'

/** Said in every demo response. */
export const DEMO_PORTAL_NOTE = 'DỮ LIỆU MẪU: tỉnh Minh Sơn là tỉnh hư cấu; số liệu Cổng mẫu này do chiso tạo từ các hồ sơ đã đồng bộ lên Cổng, không phải số liệu thật của Cổng DVCQG'

export interface DemoPortalOptions {
  /** Month, `YYYY-MM`. */
  period: string
  /** When the "portal" was read. @default the 5th of the following month, 09:00 Vietnam time */
  capturedAt?: number
  /** Folder of the response files. @default `<dataDir>/portal` */
  outDir?: string
  ruleSets?: RuleSet[]
  calendar?: WorkingTime
}

const METRIC_GROUPS: PortalGroup[] = ['transparency', 'handling-satisfaction', 'dossier-digitized']

const pad2 = (n: number) => String(n).padStart(2, '0')

/** The 5th of the month after `period`, 09:00 Vietnam time. */
export function defaultCaptureTime(period: Period): number {
  const [y, m] = [+period.label.slice(0, 4), +period.label.slice(5, 7)]
  const next = m === 12 ? `${y + 1}-01` : `${y}-${pad2(m + 1)}`
  return Date.parse(`${next}-05T09:00:00+07:00`)
}

function portalType(u: Unit): { departmentType: string; departmentLevel: string } {
  if (u.level === 'province') return { departmentType: 'PROVINCE', departmentLevel: 'PROVINCE' }
  if (u.level === 'commune') return { departmentType: 'COMMUNE_PEOPLE_COMMITTEE', departmentLevel: 'COMMUNE' }
  if (u.level === 'district') return { departmentType: 'DISTRICT_PEOPLE_COMMITTEE', departmentLevel: 'DISTRICT' }
  return { departmentType: 'PROVINCIAL_DEPARTMENT', departmentLevel: 'PROVINCE' }
}

/** Copy the dossiers file keeping only those synced to the portal (one record per line, as the demo writes). */
async function copySynced(from: string, to: string): Promise<number> {
  const lines = createInterface({ input: createReadStream(from, 'utf8'), crlfDelay: Infinity })
  const out: string[] = []
  let kept = 0
  for await (const raw of lines) {
    let line = raw.trim()
    if (line === '[' || line === ']' || line === '') continue
    if (line.endsWith(',')) line = line.slice(0, -1)
    const d = JSON.parse(line) as { DongBoDVCQG?: unknown }
    if (d.DongBoDVCQG !== '1' && d.DongBoDVCQG !== 1) continue
    out.push(line)
    kept++
  }
  await writeFile(to, out.length ? out.join('\n') + '\n' : '')
  return kept
}

function metricRow(u: UnitResult, set: RuleSet, group: PortalGroup, root: boolean) {
  const metrics = []
  for (const i of u.indicators) {
    const rule = set.indicators[i.code as IndicatorCode]
    if (!rule) continue
    for (const code of rule.portalCodes) {
      if (PORTAL_METRIC_CODES[code]?.group !== group) continue
      const o = i.outcome
      const scored = o.kind === 'scored' && !rule.tracked
      metrics.push({
        code,
        name: rule.name,
        numerator: o.numerator,
        denominator: o.denominator,
        ratio: o.kind === 'scored' && o.ratio !== null ? Math.round(o.ratio * 10000) / 100 : null,
        score: scored ? round2(o.points) : null,
        maxScore: rule.max,
      })
    }
  }
  const scores = metrics.map((m) => m.score).filter((s): s is number => s !== null)
  const max = metrics.reduce((a, m) => a + m.maxScore, 0)
  const total = round2(scores.reduce((a, b) => a + b, 0))
  return {
    departmentId: u.unit.code,
    departmentName: u.unit.name,
    ...portalType(u.unit),
    agencyLevel: root ? 'level_1' : 'level_2',
    totalScore: total,
    totalMaxScore: max,
    ratio: max > 0 ? Math.round((total / max) * 10000) / 100 : null,
    scoreDelta: null,
    metrics,
  }
}

function progressRow(u: UnitResult, set: RuleSet, root: boolean) {
  const i21 = u.indicators.find((i) => i.code === '2.1')
  const i22 = u.indicators.find((i) => i.code === '2.2')
  const o = i21?.outcome
  const received = o?.denominator ?? 0
  const onTime = o?.numerator ?? 0
  const points = o && o.kind === 'scored' ? round2(o.points) : null
  const max = set.indicators['2.1']?.max ?? 0
  const base = {
    departmentId: u.unit.code,
    departmentName: u.unit.name,
    departmentCode: u.unit.code,
    ...(root ? {} : { level: portalType(u.unit).departmentLevel }),
    totalReceived: received,
    totalOnTime: onTime,
    totalOverdue: received - onTime,
    avgProcessingDays: i22?.value == null ? null : round2(i22.value),
    ratio: received > 0 ? Math.round((onTime / received) * 10000) / 100 : null,
  }
  return root ? { ...base, totalScore: points, totalMaxScore: max } : { ...base, score: points, maxScore: max, scoreDelta: null }
}

/**
 * Write the demo "portal" responses of one month for the data folder `dataDir` (written by
 * `writeDemoData`): three metric-shaped groups and the progress tree. Returns the files written.
 */
export async function writeDemoPortalSnapshots(dataDir: string, options: DemoPortalOptions): Promise<string[]> {
  const period = parsePeriod(options.period)
  if (period.kind !== 'month') throw new Error(`Kỳ của số liệu Cổng mẫu phải là một tháng YYYY-MM (nhận được ${options.period})`)
  const capturedAt = options.capturedAt ?? defaultCaptureTime(period)
  const calendar = options.calendar ?? loadWorkingCalendar()
  const ruleSets = options.ruleSets ?? loadRuleSets()
  const outDir = options.outDir ?? join(dataDir, 'portal')

  // The folder as the portal sees it: every file but the dossiers, and only the synced dossiers.
  const tmp = await mkdtemp(join(tmpdir(), 'chiso-demo-portal-'))
  let reports
  try {
    const names = await readdir(dataDir)
    for (const n of names) {
      if (n === DATA_FILES.dossiersJson || n === DATA_FILES.dossiersNdjson) await copySynced(join(dataDir, n), join(tmp, DATA_FILES.dossiersNdjson))
      else if (Object.values(DATA_FILES).includes(n as never)) await symlink(resolve(dataDir, n), join(tmp, n))
    }
    const { prepared } = await loadPrepared(tmp, calendar)
    reports = scoreWithRuleSets(prepared, period, ruleSets, { asOf: capturedAt }, calendar)
  } finally {
    await rm(tmp, { recursive: true, force: true })
  }
  if (reports.length !== 1) throw new Error(`Kỳ ${period.label} trải qua nhiều bộ quy tắc`)
  const report = reports[0]
  const set = report.ruleSet
  const rootIndex = report.units.findIndex((u) => u.unit.parent === null)
  if (rootIndex < 0) throw new Error('Dữ liệu mẫu không có đơn vị gốc (tỉnh)')
  const root = report.units[rootIndex]
  const others = report.units.filter((_, i) => i !== rootIndex)
  const [year, month] = [+period.label.slice(0, 4), +period.label.slice(5, 7)]
  const request = { timeType: 'month', year, month, rootDepartmentId: root.unit.code }
  const captured = new Date(capturedAt + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
  const message = `${DEMO_PORTAL_NOTE} (chụp lúc ${captured})`

  await mkdir(outDir, { recursive: true })
  const files: string[] = []
  const write = async (group: PortalGroup, data: Record<string, unknown>) => {
    const file = join(outDir, `${group}-${period.label}.json`)
    await writeFile(file, JSON.stringify({ code: 'OK', message, request, data }, null, 1) + '\n')
    const at = new Date(capturedAt)
    await utimes(file, at, at)
    files.push(file)
  }
  for (const group of METRIC_GROUPS) {
    const evaluation = others.map((u, k) => ({ stt: k + 2, ...metricRow(u, set, group, false) }))
    if (evaluation.every((e) => e.metrics.length === 0)) continue
    await write(group, {
      overview: { stt: 1, ...metricRow(root, set, group, true) },
      monthlyChart: [],
      evaluation,
      pagination: { total: evaluation.length, currentPage: 1, pageSize: 200, totalPages: 1 },
      source: DEMO_PORTAL_NOTE,
    })
  }
  await write('dvc-progress-tree', { parent: progressRow(root, set, true), children: others.map((u) => progressRow(u, set, false)), monthlyChart: [] })
  return files
}
