/**
 * `chiso import <kind> FILE… [--db PATH|URL]`: import files into the store as one run each, with
 * counts, every rejected record (file, position, key, field) and, on a terminal, progress.
 */
import { statSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { formatIssue } from '../../import/issues.js'
import {
  importDataDir,
  importDossiers,
  importPortalSnapshot,
  importSteps,
  RECORD_IMPORTERS,
  type BatchProgress,
  type ImportResult,
} from '../../store/import-run.js'
import { openStore, type Store } from '../../store/store.js'
import { CliError } from '../errors.js'

const KINDS = ['units', 'procedures', 'dossiers', 'steps', 'petitions', 'ratings', 'sync-reports', 'portal', 'data'] as const
type Kind = (typeof KINDS)[number]

/** The store named by `--db`, `DATABASE_URL`, or `chiso.db` in the current folder. */
export function storeTarget(db: string | undefined): string {
  return db ?? process.env.DATABASE_URL ?? 'chiso.db'
}

const KIND_VI: Record<string, string> = { units: 'đơn vị', procedures: 'thủ tục', dossiers: 'hồ sơ', steps: 'bước xử lý', petitions: 'PAKN', ratings: 'đánh giá', 'sync-reports': 'số liệu đồng bộ', portal: 'số liệu Cổng' }

/** Progress on a terminal: records per second and, from the files' size, an estimated end. */
function progress(files: string[]) {
  if (!process.stderr.isTTY) return undefined
  const started = Date.now()
  const bytes = files.reduce((s, f) => s + (statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0)
  return (p: BatchProgress) => {
    const done = p.counts.inserted + p.counts.updated + p.counts.unchanged + p.counts.rejected + p.counts.stale
    const secs = (Date.now() - started) / 1000
    const rate = done / Math.max(secs, 0.001)
    // About 1.8 KB per DongBoHoSoMC record: a rough total from the file size.
    const total = Math.max(done, Math.round(bytes / 1800))
    const eta = rate > 0 ? Math.round((total - done) / rate) : 0
    process.stderr.write(`\rĐợt ${p.batch}: ${done} bản ghi, ${Math.round(rate)} bản ghi/giây, còn khoảng ${eta} giây   `)
  }
}

function summary(r: ImportResult): string {
  return `Lần nhập #${r.runId} (${KIND_VI[r.kind] ?? r.kind}): thêm mới ${r.inserted}, cập nhật ${r.updated}, không đổi ${r.unchanged}, cũ hơn bản đã lưu ${r.stale}, bị từ chối ${r.rejected}.`
}

/** `chiso import`. */
export async function runImportCommand(args: string[]): Promise<number> {
  const [kind, ...rest] = args
  if (!kind || !(KINDS as readonly string[]).includes(kind)) throw new CliError(`Dùng: chiso import <loại> TỆP… [--db ĐƯỜNG_DẪN|postgres://…]; loại là một trong: ${KINDS.join(', ')}.`)
  const { values, positionals } = parseArgs({
    args: rest,
    options: { db: { type: 'string' }, unit: { type: 'string' }, mapping: { type: 'string' }, 'population-db': { type: 'string', multiple: true }, 'batch-size': { type: 'string' }, 'captured-at': { type: 'string' }, lenient: { type: 'boolean', default: false } },
    allowPositionals: true,
  })
  if (positionals.length === 0) throw new CliError(`Thiếu tệp cần nhập: chiso import ${kind} TỆP…`)
  const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size'])
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) throw new CliError('--batch-size phải là số nguyên dương.')
  const store: Store = await openStore(storeTarget(values.db))
  const onBatch = progress(positionals)
  const common = { ...(batchSize ? { batchSize } : {}), ...(onBatch ? { onBatch } : {}) }
  let results: ImportResult[]
  try {
    switch (kind as Kind) {
      case 'data': {
        if (positionals.length !== 1) throw new CliError('chiso import data nhận đúng một thư mục dữ liệu.')
        results = (await importDataDir(store, positionals[0], { ...common, declaredUnit: values.unit, populationDatabaseCodes: values['population-db'] })).runs
        break
      }
      case 'dossiers':
        results = [await importDossiers(store, positionals, { ...common, declaredUnit: values.unit, populationDatabaseCodes: values['population-db'], mappingFile: values.mapping })]
        break
      case 'steps':
        results = [await importSteps(store, positionals, common)]
        break
      default: {
        const one = RECORD_IMPORTERS[kind as keyof typeof RECORD_IMPORTERS]
        results = []
        for (const file of positionals) {
          if (kind === 'portal') {
            const capturedAt = values['captured-at'] ? Date.parse(values['captured-at'].length <= 16 ? `${values['captured-at']}:00+07:00` : values['captured-at']) : undefined
            if (capturedAt !== undefined && Number.isNaN(capturedAt)) throw new CliError('--captured-at phải có dạng YYYY-MM-DDTHH:mm (giờ Việt Nam).')
            results.push(await importPortalSnapshot(store, file, { ...common, ...(capturedAt !== undefined ? { capturedAt } : {}) }))
          } else results.push(await one(store, file, common))
        }
      }
    }
  } finally {
    if (onBatch) process.stderr.write('\n')
    await store.close()
  }
  let errors = 0
  for (const r of results) {
    const errs = r.issues.filter((i) => i.severity === 'error')
    const warns = r.issues.filter((i) => i.severity === 'warning')
    errors += errs.length
    for (const i of errs.slice(0, 50)) process.stderr.write(`${formatIssue(i)}\n`)
    if (errs.length > 50) process.stderr.write(`… và ${errs.length - 50} lỗi khác (xem bảng import_errors của lần nhập #${r.runId}).\n`)
    for (const i of warns.slice(0, 10)) process.stderr.write(`${formatIssue(i)}\n`)
    if (warns.length > 10) process.stderr.write(`… và ${warns.length - 10} cảnh báo khác.\n`)
    process.stdout.write(summary(r) + '\n')
  }
  return errors > 0 && !values.lenient ? 1 : 0
}
