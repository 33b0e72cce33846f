/**
 * The store's shared test suite: {@link runStoreSuite} runs the same cases against any `Store`
 * (SQLite in `sqlite.test.ts`, PostgreSQL in `postgres.test.ts`), with skips recorded as
 * `{ reason, tests }`. Real records, real databases, real child processes: nothing is mocked.
 * The cases at the bottom of this file check, once, that the migrations of both dialects create
 * the columns `schema.ts` describes.
 */
import { fork } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findPackageRoot, loadWorkingCalendar } from '../calendar-file/load-calendar.js'
import { writeDemoData } from '../demo/demo-data.js'
import { loadPrepared } from '../import/load-prepared.js'
import { loadRuleSets } from '../rules-files/load-rules.js'
import { parsePeriod } from '../../engine/periods/period.js'
import type { PreparedData } from '../../engine/prepare/dossier-table.js'
import { scoreWithRuleSets } from '../../engine/score.js'
import { vnInstant } from '../../engine/time/time.js'
import {
  importDataDir,
  importDossierPayload,
  importDossiers,
  importPortalSnapshot,
  importProcedures,
  importStepPayload,
  importSteps,
  importUnits,
} from './import-run.js'
import { loadPreparedFromStore } from './load-prepared.js'
import { loadMigrations, type Dialect } from './migrations.js'
import { readDossier, readPortalSnapshots, readSteps } from './read-store.js'
import { DOSSIER_COLUMNS, HEADER_COLUMNS } from './rows.js'
import { TABLE_NAMES, TABLES, type ColumnValue } from './schema.js'
import { openStore, type Store } from './store.js'

/** Tests of the suite not run for one store, and why. */
export interface StoreSuiteSkip {
  reason: string
  /** Test titles, as in the suite. */
  tests: string[]
}

const cal = loadWorkingCalendar()
const ruleSets = loadRuleSets()
const asOf = Date.parse('2026-11-28T12:00:00+07:00')

/** Scores of every unit for a quarter and the year, as comparable data. */
function scores(p: PreparedData) {
  return ['2026-Q3', '2026'].map((period) =>
    scoreWithRuleSets(p, parsePeriod(period), ruleSets, { asOf }, cal).map((r) =>
      r.units.map((u) => ({
        code: u.unit.code,
        total: u.total,
        rank: u.rank,
        indicators: u.indicators.map((i) => [i.code, i.outcome.numerator, i.outcome.denominator, i.outcome.kind === 'scored' ? i.outcome.points : null]),
      }))
    )
  )
}

/** Every stored column of the dossiers that the import decides (not run ids or times), by MaHoSo. */
const COMPARED = [...DOSSIER_COLUMNS, ...HEADER_COLUMNS.filter((c) => c !== 'first_seen_run')]

async function dossierRows(store: Store): Promise<Map<string, ColumnValue[]>> {
  const out = new Map<string, ColumnValue[]>()
  await store.streamDossiers(COMPARED, (row) => out.set(String(row[0]), row))
  return out
}

function writeJson(dir: string, file: string, value: unknown): string {
  const path = join(dir, file)
  writeFileSync(path, JSON.stringify(value))
  return path
}

function writeLines(dir: string, file: string, lines: readonly string[]): string {
  const path = join(dir, file)
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}

/** A procedure of the demo catalogue (set once the demo data are written). */
let procedureCode = ''

/** A DongBoHoSoMC header of the demo province (Sở Tư pháp, a procedure of its catalogue). */
function header(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    MaHoSo: id,
    MaTTHC: procedureCode,
    KenhThucHien: '2',
    NgayNopHoSo: '20260805080000',
    NgayTiepNhan: '20260805090000',
    NgayHenTra: '20260815170000',
    TrangThaiHoSo: '4',
    DonViXuLy: 'Sở Tư pháp - Tỉnh Minh Sơn',
    DongBoDVCQG: '1',
    ...over,
  }
}

function step(id: string, at: string, status: string, text = 'Xử lý'): Record<string, unknown> {
  return { MaHoSo: id, ThoiDiemXuLy: at, TrangThai: status, NoiDungXuLy: text, NguoiXuLy: 'Chuyên viên' }
}

/** A portal response of the `dossier-digitized` group for August 2026. */
function portalResponse(score: number): string {
  const codes = ['ORIGINAL_RESULT_AVAILABLE', 'SO_HOA_GIAY_TO_GIAI_QUYET', 'REUSED_DIGITIZED_DATA']
  const unit = (id: string, type: string) => ({
    departmentId: id,
    departmentName: `Đơn vị ${id}`,
    departmentType: type,
    totalScore: score,
    totalMaxScore: 10,
    metrics: codes.map((code) => ({ code, name: code, numerator: 1, denominator: 2, ratio: 50, score: 1, maxScore: 2 })),
  })
  return JSON.stringify({
    code: 'OK',
    message: 'OK',
    data: { period: { timeType: 'month', year: 2026, month: 8 }, overview: unit('root', 'PROVINCE'), evaluation: [unit('so', 'PROVINCIAL_DEPARTMENT')] },
  })
}

/**
 * Run the store suite against the stores `open` gives: each call must return a new, empty store
 * (and `store.location` must open the same store from another process).
 */
export function runStoreSuite(name: string, open: () => Promise<Store>, skip: StoreSuiteSkip[] = []): void {
  const skipped = new Map<string, string>()
  for (const s of skip) for (const t of s.tests) skipped.set(t, s.reason)
  const test = (title: string, fn: () => Promise<void>, timeout?: number) => {
    const reason = skipped.get(title)
    if (reason !== undefined) it.skip(`${title} — bỏ qua: ${reason}`, fn)
    else it(title, fn, timeout)
  }

  describe(`store suite: ${name}`, () => {
    let work: string
    let demo: string
    let catalogue: { units: string; procedures: string }
    const stores: Store[] = []
    const fresh = async () => {
      const s = await open()
      stores.push(s)
      return s
    }
    const withCatalogue = async () => {
      const s = await fresh()
      await importUnits(s, catalogue.units)
      await importProcedures(s, catalogue.procedures)
      return s
    }
    let dirCount = 0
    const dir = () => {
      const d = join(work, `case-${++dirCount}`)
      mkdirSync(d)
      return d
    }

    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'chiso-store-suite-'))
      demo = join(work, 'demo')
      await writeDemoData(demo, { dossiers: 3000, seed: 11 })
      catalogue = { units: join(demo, 'units.json'), procedures: join(demo, 'procedures.json') }
      procedureCode = (JSON.parse(readFileSync(catalogue.procedures, 'utf8')) as { code: string }[])[0].code
    })

    afterAll(async () => {
      for (const s of stores) await s.close().catch(() => undefined)
      rmSync(work, { recursive: true, force: true })
    })

    test('applies the migrations once, recorded in schema_migrations, and reopening changes nothing', async () => {
      const store = await fresh()
      const names = loadMigrations(store.dialect).map((m) => m.name)
      const applied = await store.appliedMigrations()
      expect(applied.map((m) => m.name)).toEqual(names)
      expect(await store.migrate()).toEqual([])
      const again = await openStore(store.location.target, store.location.schema ? { schema: store.location.schema } : {})
      stores.push(again)
      expect(await again.appliedMigrations()).toEqual(applied)
      const log = await again.auditLog()
      expect(log.filter((e) => e.action === 'store.migrated')).toHaveLength(1)
      for (const table of TABLE_NAMES) expect(await again.count(table)).toBe(0)
    })

    test('looks rows up by key outside a transaction, as the transaction sees them', async () => {
      const store = await fresh()
      const cols = ['username', 'display_name', 'role', 'unit_code', 'password_hash', 'disabled', 'created_at', 'updated_at', 'last_login_at']
      const row = (username: string, role: string) => ({ username, display_name: `Tên ${username}`, role, unit_code: null, password_hash: 'scrypt$x', disabled: 0, created_at: 1, updated_at: 2, last_login_at: null })
      await store.transaction((tx) => tx.upsert('users', [row('an', 'admin'), row('binh', 'viewer')]))
      const got = await store.lookup('users', ['binh', 'khong-co', 'an'], ['username', 'role', 'disabled', 'updated_at'])
      expect([...got.keys()].sort()).toEqual(['an', 'binh'])
      expect(got.get('binh')!.map((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v))).toEqual(['binh', 'viewer', 0, 2])
      const inTx = await store.transaction((tx) => tx.get('users', ['binh', 'khong-co', 'an'], ['username', 'role', 'disabled', 'updated_at']))
      expect(got).toEqual(inTx)
      expect((await store.lookup('users', [], cols)).size).toBe(0)
    })

    test('imports a data folder: one run per file with its counts, status and audit entries', async () => {
      const store = await fresh()
      const result = await importDataDir(store, demo)
      expect(result.issues).toEqual([])
      const kinds = result.runs.map((r) => [r.kind, r.inserted, r.updated, r.unchanged, r.rejected, r.stale])
      const counts = JSON.parse(readFileSync(join(demo, 'dossiers.json'), 'utf8')).length
      expect(kinds).toEqual([
        ['units', 58, 0, 0, 0, 0],
        ['procedures', 1300, 0, 0, 0, 0],
        ['steps', expect.any(Number), 0, 0, 0, 0],
        ['dossiers', counts, 0, 0, 0, 0],
        ['petitions', expect.any(Number), 0, 0, 0, 0],
        ['ratings', expect.any(Number), 0, 0, 0, 0],
        ['sync-reports', expect.any(Number), 0, 0, 0, 0],
      ])
      expect(await store.count('dossiers')).toBe(counts)
      const runs = await store.listRuns()
      expect(runs.map((r) => [r.id, r.kind, r.status, r.inserted])).toEqual(result.runs.map((r) => [r.runId, r.kind, 'completed', r.inserted]))
      for (const run of runs) {
        expect(run.finishedAt).toBeGreaterThanOrEqual(run.startedAt)
        expect((await store.auditLog({ runId: run.id })).map((e) => e.action)).toEqual(['import.started', 'import.completed'])
      }
      // Steps came first: every one was pending until its dossier arrived, then used.
      expect(runs[2].details).toMatchObject({ pendingSteps: runs[2].inserted })
      expect(await store.getSetting('populationDatabaseCodes')).toEqual(['7'])
    })

    test('upserts by MaHoSo: a newer version replaces, an older one is stale, an identical one is a no-op, an equal version with another payload wins', async () => {
      const store = await withCatalogue()
      const d = dir()
      const id = '000.00.03.H99-260805-0001'
      const v1 = header(id)
      const v2 = header(id, { TrangThaiHoSo: '9', NgayKetThucXuLy: '20260812100000' })
      const v2b = { ...v2, KenhThucHien: '1' }
      const run = async (file: string, records: unknown[]) => importDossiers(store, [writeJson(d, file, records)])

      expect(await run('a.json', [v1])).toMatchObject({ inserted: 1, updated: 0, unchanged: 0, stale: 0, rejected: 0 })
      expect(await run('b.json', [v2])).toMatchObject({ inserted: 0, updated: 1 })
      expect((await readDossier(store, id))!.dossier).toMatchObject({ status: '9', finishedAt: vnInstant(2026, 8, 12, 10), channel: 'online' })

      const late = await run('c.json', [header('000.00.03.H99-260805-0002'), v1])
      expect(late).toMatchObject({ inserted: 1, updated: 0, stale: 1 })
      expect(late.issues).toEqual([
        expect.objectContaining({ severity: 'warning', file: 'c.json', index: 2, key: id, field: 'MaHoSo', message: expect.stringContaining('cũ hơn bản đã lưu') }),
      ])
      expect(late.issues[0].message).toMatch(/^c\.json, hồ sơ thứ 2 \(MaHoSo 000\.00\.03\.H99-260805-0001\): bản ghi cũ hơn/)
      const kept = (await readDossier(store, id))!
      expect(kept.dossier.status).toBe('9')
      expect(kept.sourceFile).toBe('b.json')

      const same = await run('b2.json', [v2])
      expect(same).toMatchObject({ inserted: 0, updated: 0, unchanged: 1, stale: 0 })
      expect((await readDossier(store, id))!.lastRun).toBe(kept.lastRun)

      expect(await run('d.json', [v2b])).toMatchObject({ updated: 1 })
      const now = (await readDossier(store, id))!
      expect(now.dossier.channel).toBe('in_person')
      expect(now.rawPayload).toBe(JSON.stringify(v2b))
      expect(now.version).toBe(vnInstant(2026, 8, 12, 10))
      expect(now.firstSeenRun).toBe(kept.firstSeenRun)

      // Within one file: the newer record wins whatever the order.
      const other = '000.00.03.H99-260805-0003'
      const r = await run('e.json', [header(other, { TrangThaiHoSo: '10', NgayTra: '20260813090000' }), header(other)])
      expect(r).toMatchObject({ inserted: 1, stale: 1 })
      expect((await readDossier(store, other))!.dossier.status).toBe('10')
    })

    test('merges steps append-only and normalizes the stored dossier again', async () => {
      const store = await withCatalogue()
      const d = dir()
      const id = '000.00.03.H99-260806-0001'
      await importDossiers(store, [writeJson(d, 'dossiers.json', [header(id, { NgayTiepNhan: '20260806090000' })])])
      expect((await readDossier(store, id))!.dossier).toMatchObject({ finishedAt: null, supplementRequests: [] })

      const first = [step(id, '20260806090000', '2', 'Tiếp nhận'), step(id, '20260807090000', '5', 'Yêu cầu bổ sung')]
      const r1 = await importSteps(store, [writeJson(d, 'steps-1.json', first)])
      expect(r1).toMatchObject({ inserted: 2, unchanged: 0, updated: 1 })
      expect((await readDossier(store, id))!.dossier.supplementRequests).toEqual([{ requestedAt: vnInstant(2026, 8, 7, 9), completedAt: null }])

      // A repeated, partial history: what is already stored is ignored; the rest is merged.
      const second = [first[1], step(id, '20260808140000', '4', 'Đã bổ sung'), step(id, '20260810160000', '9', 'Xong'), step(id, '20260810160000', '9', 'Xong')]
      const r2 = await importSteps(store, [writeJson(d, 'steps-2.json', second)])
      expect(r2).toMatchObject({ inserted: 2, unchanged: 2, updated: 1, rejected: 0 })
      const now = (await readDossier(store, id))!
      expect(now.dossier).toMatchObject({
        status: '4',
        finishedAt: vnInstant(2026, 8, 10, 16),
        endStatus: '9',
        supplementRequests: [{ requestedAt: vnInstant(2026, 8, 7, 9), completedAt: vnInstant(2026, 8, 8, 14) }],
      })
      expect((await readSteps(store, id)).map((s) => [s.status, s.text])).toEqual([
        ['2', 'Tiếp nhận'],
        ['5', 'Yêu cầu bổ sung'],
        ['4', 'Đã bổ sung'],
        ['9', 'Xong'],
      ])
      // The header's version is untouched by steps; replaying the steps changes nothing.
      expect(now.version).toBe(vnInstant(2026, 8, 6, 9))
      expect(await importSteps(store, [join(d, 'steps-2.json')])).toMatchObject({ inserted: 0, unchanged: 4, updated: 0 })
      expect(await store.count('dossier_steps')).toBe(4)
    })

    test('keeps steps of a dossier not yet stored and applies them when its header arrives', async () => {
      const store = await withCatalogue()
      const d = dir()
      const id = '000.00.03.H99-260807-0001'
      const steps = await importSteps(store, [writeJson(d, 'steps.json', [step(id, '20260807100000', '2'), step(id, '20260809110000', '10', 'Trả kết quả')])])
      expect(steps).toMatchObject({ inserted: 2, updated: 0, details: { pendingSteps: 2, pendingDossiers: 1 } })
      expect(steps.pending).toEqual([{ dossierId: id, steps: 2, file: 'steps.json' }])
      expect(steps.issues).toEqual([expect.objectContaining({ severity: 'warning', key: id, message: expect.stringContaining('được giữ lại') })])

      // The header has no status: it comes from the latest step, and so does the finish time.
      const r = await importDossiers(store, [writeJson(d, 'dossiers.json', [header(id, { TrangThaiHoSo: '', NgayTiepNhan: '20260807100000' })])])
      expect(r).toMatchObject({ inserted: 1, rejected: 0 })
      expect((await readDossier(store, id))!.dossier).toMatchObject({ status: '10', finishedAt: vnInstant(2026, 8, 9, 11), endStatus: '10' })
    })

    test('rejects a malformed record with its position, key and field, keeps the others and changes nothing stored', async () => {
      const store = await withCatalogue()
      const d = dir()
      const stored = '000.00.03.H99-260808-0001'
      await importDossiers(store, [writeJson(d, 'first.json', [header(stored)])])
      const before = await dossierRows(store)

      const bad = header(stored, { TrangThaiHoSo: '9', NgayKetThucXuLy: '20260810100000', NgayHenTra: '2026081' })
      const good = header('000.00.03.H99-260808-0002')
      const r = await importDossiers(store, [writeJson(d, 'second.json', [bad, good, 'không phải hồ sơ'])])
      expect(r).toMatchObject({ inserted: 1, updated: 0, rejected: 2 })
      const error = r.issues.find((i) => i.field === 'NgayHenTra')!
      expect(error).toMatchObject({ severity: 'error', file: 'second.json', index: 1, key: stored })
      expect(error.message).toBe(`second.json, hồ sơ thứ 1 (MaHoSo ${stored}): NgayHenTra "2026081" không đúng định dạng yyyyMMddHHmmss`)
      expect(r.issues.find((i) => i.index === 3)).toMatchObject({ severity: 'error', key: null, message: expect.stringContaining('không phải một đối tượng JSON') })
      expect((await dossierRows(store)).get(stored)).toEqual(before.get(stored))

      const saved = await store.runErrors(r.runId)
      expect(saved).toEqual(
        r.issues.map((i) => ({ runId: r.runId, severity: i.severity, file: i.file, position: i.index, line: i.line ?? null, key: i.key, field: i.field, message: i.message }))
      )
      expect(await store.getRun(r.runId)).toMatchObject({ status: 'completed', inserted: 1, rejected: 2 })
    })

    test('reads NDJSON with envelopes, reporting a line that is not a record with its line number', async () => {
      const store = await withCatalogue()
      const d = dir()
      const a = '000.00.03.H99-260809-0001'
      const b = '000.00.03.H99-260809-0002'
      const c = '000.00.03.H99-260809-0003'
      const file = writeLines(d, 'dossiers.ndjson', [
        JSON.stringify(header(a)),
        '{"MaHoSo": "hỏng',
        '',
        JSON.stringify({ service: 'DongBoHoSoMC', madonvi: '000.00.03.H99', data: [header(b, { DonViXuLy: '' }), header(c)] }),
      ])
      const r = await importDossiers(store, [file])
      expect(r).toMatchObject({ inserted: 3, rejected: 1 })
      expect(r.issues).toEqual([expect.objectContaining({ severity: 'error', file: 'dossiers.ndjson', line: 2, index: null })])
      const sb = (await readDossier(store, b))!
      expect(sb).toMatchObject({ envelopeUnit: '000.00.03.H99', sourceLine: 4, sourcePosition: 2 })
      expect(sb.dossier.unitCode).toBe('000.00.03.H99')
      expect((await readDossier(store, a))!.rawPayload).toBe(JSON.stringify(header(a)))
    })

    test('replaying the same file gives the same state, every record unchanged', async () => {
      const store = await withCatalogue()
      const file = join(demo, 'dossiers.json')
      const first = await importDossiers(store, [file])
      const state = await dossierRows(store)
      const again = await importDossiers(store, [file])
      expect(again).toMatchObject({ inserted: 0, updated: 0, stale: 0, rejected: 0, unchanged: first.inserted })
      expect(await dossierRows(store)).toEqual(state)
      expect((await store.listRuns()).filter((r) => r.kind === 'dossiers').map((r) => r.status)).toEqual(['completed', 'completed'])
    })

    test('imports a pushed body and returns the records stored', async () => {
      const store = await withCatalogue()
      const id = '000.00.03.H99-260810-0001'
      const body = { service: 'DongBoHoSoMC', madonvi: '000.00.03.H99', isUpdating: false, data: [header(id, { DonViXuLy: 'không rõ' })] }
      const r = await importDossierPayload(store, body, { collect: true })
      expect(r).toMatchObject({ inserted: 1, stored: [expect.objectContaining({ id, unitCode: '000.00.03.H99' })] })
      expect(await importDossierPayload(store, body, { collect: true })).toMatchObject({ unchanged: 1, stored: [] })
      const s = await importStepPayload(store, [step(id, '20260811080000', '9')], { collect: true })
      expect(s).toMatchObject({ inserted: 1, updated: 1, stored: [expect.objectContaining({ id, finishedAt: vnInstant(2026, 8, 11, 8) })] })
      expect((await store.getRun(s.runId))!.sources).toEqual(['CapNhatTienDoHoSoMC'])
    })

    test('runs concurrent imports of one process one batch at a time, losing nothing', async () => {
      const store = await withCatalogue()
      const id = (i: number) => `000.00.03.H99-260812-${String(i).padStart(4, '0')}`
      const pushes = Array.from({ length: 12 }, (_, k) =>
        importDossierPayload(store, [header(id(k)), header(id(100), { TrangThaiHoSo: '9', NgayKetThucXuLy: `202608${String(13 + k).padStart(2, '0')}080000` })])
      )
      const results = await Promise.all(pushes)
      expect(results.reduce((n, r) => n + r.inserted + r.updated + r.stale, 0)).toBe(24)
      expect(await store.count('dossiers')).toBe(13)
      // The newest of the twelve versions of one MaHoSo is the one kept, whatever the arrival order.
      expect((await readDossier(store, id(100)))!.dossier.finishedAt).toBe(vnInstant(2026, 8, 24, 8))
      expect((await store.listRuns()).filter((r) => r.status !== 'completed')).toEqual([])
    })

    test('stores a portal snapshot with its group and period, once', async () => {
      const store = await fresh()
      const d = dir()
      const body = portalResponse(7)
      const file = join(d, 'so-hoa-2026-08.json')
      writeFileSync(file, body)
      const r = await importPortalSnapshot(store, file, { capturedAt: vnInstant(2026, 9, 1, 8) })
      expect(r).toMatchObject({ inserted: 1, rejected: 0, details: { group: 'dossier-digitized', period: 'tháng 08/2026' } })
      expect(await importPortalSnapshot(store, file)).toMatchObject({ inserted: 0, unchanged: 1 })
      expect(await readPortalSnapshots(store)).toEqual([
        expect.objectContaining({ group: 'dossier-digitized', periodLabel: 'tháng 08/2026', periodFrom: '2026-08-01', periodTo: '2026-08-31', fileName: 'so-hoa-2026-08.json', capturedAt: vnInstant(2026, 9, 1, 8), body, runId: r.runId }),
      ])
      const bad = writeJson(d, 'loi.json', { code: 'UNAUTHORIZED', data: null, message: 'Hết phiên' })
      const rb = await importPortalSnapshot(store, bad)
      expect(rb).toMatchObject({ inserted: 0, rejected: 1 })
      expect((await store.runErrors(rb.runId))[0].message).toMatch(/^loi\.json: Cổng trả về mã lỗi "UNAUTHORIZED" \(Hết phiên\)/)
      expect(await store.count('portal_snapshots')).toBe(1)
    })

    test('scores from the store equal scores from the folder', async () => {
      const store = await fresh()
      await importDataDir(store, demo)
      const folder = await loadPrepared(demo, cal)
      const fromStore = await loadPreparedFromStore(store, cal)
      expect(fromStore.stats.dossiers).toBe(folder.prepared.table.n)
      expect(fromStore.prepared.table.ids).toEqual(folder.prepared.table.ids)
      expect(fromStore.prepared.dataset.petitions).toEqual(folder.prepared.dataset.petitions)
      expect(fromStore.prepared.dataset.ratings).toEqual(folder.prepared.dataset.ratings)
      expect(fromStore.prepared.dataset.syncReports).toEqual(folder.prepared.dataset.syncReports)
      expect(scores(fromStore.prepared)).toEqual(scores(folder.prepared))

      // Dossiers first, steps after (re-normalization) ends in the same scores.
      const other = await withCatalogue()
      await importDossiers(other, [join(demo, 'dossiers.json')], { populationDatabaseCodes: ['7'] })
      const s = await importSteps(other, [join(demo, 'steps.json')])
      expect(s.updated).toBeGreaterThan(0)
      await importDataDir(other, demo)
      expect(scores((await loadPreparedFromStore(other, cal)).prepared)).toEqual(scores(folder.prepared))
    })

    test('loads only the dossiers of a window, enough to score a period inside it', async () => {
      const store = await fresh()
      await importDataDir(store, demo)
      const q3 = parsePeriod('2026-Q3')
      const all = await loadPreparedFromStore(store, cal)
      const some = await loadPreparedFromStore(store, cal, { window: { from: q3.start, to: q3.end } })
      expect(some.stats.dossiers).toBeGreaterThan(0)
      expect(some.stats.dossiers).toBeLessThan(all.stats.dossiers)
      const q3Scores = (p: PreparedData) => scoreWithRuleSets(p, q3, ruleSets, { asOf }, cal)[0].units.map((u) => [u.unit.code, u.total])
      expect(q3Scores(some.prepared)).toEqual(q3Scores(all.prepared))
    })

    test(
      'survives a kill -9 mid-run: whole batches only, the run interrupted, a rerun completes to the clean state',
      async () => {
        const big = join(work, 'big')
        await writeDemoData(big, { dossiers: 20_000, seed: 12, format: 'ndjson' })
        const file = join(big, 'dossiers.ndjson')
        const batchSize = 500
        const clean = await withCatalogue()
        const total = (await importDossiers(clean, [file], { batchSize })).inserted
        const cleanRows = await dossierRows(clean)

        const store = await withCatalogue()
        const { target, schema } = store.location
        const child = fork(join(findPackageRoot(), 'node_modules', 'vite-node', 'vite-node.mjs'), [join(findPackageRoot(), 'src', 'adapters', 'store', 'testing', 'crash-child.ts')], {
          env: { ...process.env, CHISO_CRASH_TARGET: target, CHISO_CRASH_SCHEMA: schema ?? '', CHISO_CRASH_FILE: file, CHISO_CRASH_BATCH: String(batchSize) },
          stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        })
        let stderr = ''
        child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()))
        const killedAt = await new Promise<{ runId: number; batch: number }>((resolve, reject) => {
          child.on('message', (m: { runId?: number; batch?: number; done?: boolean }) => {
            if (m.done) reject(new Error('the child finished before it could be killed'))
            if (m.batch === 3) {
              child.kill('SIGKILL')
              resolve({ runId: m.runId!, batch: m.batch })
            }
          })
          child.on('exit', (code, signal) => {
            if (signal !== 'SIGKILL') reject(new Error(`the child exited (${code}) before being killed: ${stderr}`))
          })
        })
        await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)))

        // Before any recovery: the run is still `running`, its counters those of committed batches.
        const raw = await openStore(target, { ...(schema ? { schema } : {}), recoverRuns: false })
        stores.push(raw)
        const running = (await raw.getRun(killedAt.runId))!
        expect(running.status).toBe('running')
        const stored = await raw.count('dossiers')
        expect(stored).toBeGreaterThanOrEqual(killedAt.batch * batchSize)
        expect(stored).toBeLessThan(total)
        expect(stored % batchSize).toBe(0)
        expect(running.inserted).toBe(stored)

        // The next open marks it interrupted (PostgreSQL: once the server has dropped its session).
        let status = running.status
        for (let i = 0; i < 100 && status === 'running'; i++) {
          const s = await openStore(target, schema ? { schema } : {})
          stores.push(s)
          status = (await s.getRun(killedAt.runId))!.status
          if (status === 'running') await new Promise((r) => setTimeout(r, 100))
        }
        expect(status).toBe('interrupted')
        expect((await raw.auditLog({ runId: killedAt.runId })).map((e) => e.action)).toEqual(['import.started', 'import.interrupted'])

        // Every stored dossier is whole and equal to the clean import's version of it.
        const partial = await dossierRows(raw)
        expect(partial.size).toBe(stored)
        for (const [id, row] of partial) expect(row).toEqual(cleanRows.get(id))

        // A rerun completes to the clean state.
        const rerun = await importDossiers(raw, [file], { batchSize })
        expect(rerun).toMatchObject({ inserted: total - stored, unchanged: stored, updated: 0, stale: 0, rejected: 0 })
        expect(await dossierRows(raw)).toEqual(cleanRows)
      },
      120_000
    )
  })
}

// ---------------------------------------------------------------------------------------------
// The migrations of both dialects against `schema.ts` (no database needed).

/** Tables and their column names as the migrations of a dialect create them. */
function migratedColumns(dialect: Dialect): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const m of loadMigrations(dialect)) {
    for (const [, table, body] of m.sql.matchAll(/CREATE TABLE (\w+) \(\n([\s\S]*?)\n\)/g)) {
      const cols = body
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('--') && !/^(PRIMARY|UNIQUE|CHECK|FOREIGN)\b/.test(l))
        .map((l) => l.split(/\s+/)[0])
      out.set(table, cols)
    }
  }
  return out
}

describe('store migrations', () => {
  it('ship the same numbered migrations for SQLite and PostgreSQL', () => {
    expect(loadMigrations('sqlite').map((m) => m.name)).toEqual(loadMigrations('postgres').map((m) => m.name))
  })

  it.each(['sqlite', 'postgres'] as const)('create in %s exactly the columns schema.ts describes', (dialect) => {
    const tables = migratedColumns(dialect)
    for (const name of TABLE_NAMES) {
      const spec = TABLES[name].columns.map((c) => c.name)
      // Insertion order (`seq`) and generated ids are not written by the import.
      const generated = dialect === 'postgres' ? ['seq', 'id'] : ['id']
      const cols = (tables.get(name) ?? []).filter((c) => spec.includes(c) || !generated.includes(c))
      expect(cols, name).toEqual(spec)
    }
    for (const table of ['import_runs', 'import_errors', 'audit_log', 'settings']) expect(tables.has(table), table).toBe(true)
  })
})
