/**
 * `chiso demo-data --out DIR`: write a reproducible synthetic province in the input formats.
 */
import { parseArgs } from 'node:util'
import { writeDemoData } from '../../demo/demo-data.js'
import { writeDemoPortalSnapshots } from '../../demo/portal-snapshot.js'
import { CliError } from '../errors.js'

export async function runDemoData(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { out: { type: 'string' }, dossiers: { type: 'string' }, seed: { type: 'string' }, levels: { type: 'string' }, year: { type: 'string' }, until: { type: 'string' }, format: { type: 'string' }, portal: { type: 'string' } },
    allowPositionals: false,
  })
  if (!values.out) throw new CliError('Thiếu tham số --out (thư mục ghi dữ liệu mẫu).')
  if (values.portal !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.portal)) throw new CliError(`--portal "${values.portal}" phải là một tháng YYYY-MM.`)
  const int = (v: string | undefined, flag: string, min: number) => {
    if (v === undefined) return undefined
    const n = Number(v.replace(/_/g, ''))
    if (!Number.isInteger(n) || n < min) throw new CliError(`--${flag} "${v}" phải là số nguyên ≥ ${min}.`)
    return n
  }
  const levels = int(values.levels, 'levels', 2)
  if (levels !== undefined && levels !== 2 && levels !== 3) throw new CliError('--levels chỉ nhận 2 (tỉnh → sở, xã; từ 1/7/2025) hoặc 3 (tỉnh → huyện → xã; trước 1/7/2025).')
  const total = int(values.dossiers, 'dossiers', 1)
  if (values.format !== undefined && values.format !== 'json' && values.format !== 'ndjson') throw new CliError('--format chỉ nhận json (một mảng) hoặc ndjson (mỗi dòng một hồ sơ).')
  const tty = process.stderr.isTTY
  const started = Date.now()
  const result = await writeDemoData(values.out, {
    dossiers: total,
    seed: int(values.seed, 'seed', 0),
    levels: levels as 2 | 3 | undefined,
    year: int(values.year, 'year', 2000),
    until: values.until,
    format: values.format as 'json' | 'ndjson' | undefined,
    onProgress: tty
      ? (done, all) => {
          const s = (Date.now() - started) / 1000
          const rate = done / Math.max(s, 0.001)
          process.stderr.write(`\rĐang tạo hồ sơ: ${done}/${all} (${Math.round(rate)} hồ sơ/giây, còn khoảng ${Math.round((all - done) / Math.max(rate, 1))} giây)   `)
        }
      : undefined,
  })
  if (tty) process.stderr.write('\n')
  process.stdout.write(`Đã ghi dữ liệu mẫu vào ${values.out}:\n`)
  for (const [k, v] of Object.entries(result.counts)) process.stdout.write(`  ${k}: ${v}\n`)
  if (values.portal !== undefined) {
    // Demo "portal" responses of one month (adapters/demo/portal-snapshot.ts), for `chiso import portal`.
    const files = await writeDemoPortalSnapshots(values.out, { period: values.portal })
    process.stdout.write(`  số liệu Cổng mẫu tháng ${values.portal}: ${files.length} tệp trong ${values.out}/portal (nhập bằng chiso import portal)\n`)
  }
  return 0
}
