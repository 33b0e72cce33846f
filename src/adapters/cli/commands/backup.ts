/**
 * `chiso backup`, `chiso restore`, `chiso export`: copies of the store and one period as files.
 */
import { parseArgs } from 'node:util'
import { backupStore, restoreStore } from '../../backup/backup.js'
import { exportPeriod } from '../../backup/export-period.js'
import { openStore } from '../../store/store.js'
import { parsePeriod } from '../../../engine/periods/period.js'
import { CliError } from '../errors.js'
import { storeTarget } from './import.js'

/** `chiso backup --db … --out FILE [--schema S]`. */
export async function runBackup(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, out: { type: 'string' }, schema: { type: 'string' } } })
  if (!values.out) throw new CliError('Thiếu --out (tệp sao lưu).')
  const target = storeTarget(values.db)
  await backupStore(target, values.out, { schema: values.schema })
  process.stdout.write(`Đã sao lưu ${target.replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@')} vào ${values.out}.\n`)
  return 0
}

/** `chiso restore FILE --db … [--force]`. */
export async function runRestore(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { db: { type: 'string' }, force: { type: 'boolean', default: false } }, allowPositionals: true })
  if (positionals.length !== 1) throw new CliError('Dùng: chiso restore TỆP_SAO_LƯU --db ĐÍCH [--force]')
  await restoreStore(positionals[0], storeTarget(values.db), { force: values.force })
  process.stdout.write(`Đã khôi phục ${positionals[0]}.\n`)
  return 0
}

/** `chiso export --db … --period KỲ --out DIR`. */
export async function runExport(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' } } })
  if (!values.period || !values.out) throw new CliError('Dùng: chiso export --db KHO --period KỲ --out THƯ_MỤC')
  const period = parsePeriod(values.period)
  const store = await openStore(storeTarget(values.db))
  try {
    const c = await exportPeriod(store, period, values.out)
    process.stdout.write(`Đã xuất kỳ ${period.label} vào ${values.out}: ${c.dossiers} hồ sơ, ${c.steps} bước xử lý, ${c.petitions} PAKN, ${c.ratings} đánh giá, ${c.units} đơn vị, ${c.procedures} thủ tục, ${c.syncReports} số liệu đồng bộ.\n`)
  } finally {
    await store.close()
  }
  return 0
}
