/**
 * `chiso report letter|appendix|profile`: the monthly letter (công văn) with its appendix as
 * DOCX, PDF and XLSX, from chiso's numbers (`--data`) or from saved portal responses (`--portal`).
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { dirname, extname } from 'node:path'
import { parseArgs } from 'node:util'
import { parseLooseDateTime } from '../../import/parse-values.js'
import { PortalResponseError } from '../../portal/portal-response.js'
import { loadRuleSets } from '../../rules-files/load-rules.js'
import { PROVINCE_CODE_LETTERS } from '../../demo/units.js'
import {
  asOfText, buildLetterModel, demoProfilePath, findProfileInDataDir, findSoffice, INSTALL_HINT, LetterError, parseProfile, PdfError, PROFILE_SETTING, ProfileError, readProfile,
  snapshotsFromData, snapshotsFromPortal, TemplateFieldError, viDecimal, viPoints, writeLetterFiles,
  type LetterOutputs, type LetterSnapshots, type OfficeProfile,
} from '../../reports/index.js'
import { parsePeriod, periodTitle } from '../../../engine/periods/period.js'
import { dayNumberOf, vnDate } from '../../../engine/time/time.js'
import { CliError } from '../errors.js'
import { loadSource } from './source.js'
import { openStore } from '../../store/store.js'

/** Usage of `chiso report`, in Vietnamese. */
export const REPORT_USAGE = `chiso report – công văn công bố kết quả Bộ chỉ số và phụ lục (Nghị định 30/2020/NĐ-CP)

Cách dùng:
  chiso report letter --data DIR|--db KHO --period KỲ [--unit MÃ] [--profile TỆP.yaml] --out TỆP.docx|TỆP.pdf
                      [--pdf [TỆP.pdf]] [--xlsx [TỆP.xlsx]] [--date YYYY-MM-DD] [--as-of YYYY-MM-DDTHH:mm]
                      [--calendar TỆP] [--population-db MÃ] [--lenient]
  chiso report letter --portal TỆP.json… --portal-as-of YYYY-MM-DDTHH:mm [--portal-previous TỆP.json…]
                      --period KỲ --unit MÃ --profile TỆP.yaml --out TỆP.docx [--pdf] [--xlsx]
  chiso report appendix (cùng nguồn số liệu như trên) --out TỆP.xlsx
  chiso report profile --out TỆP.yaml      (ghi hồ sơ cơ quan mẫu để sửa)

  --pdf, --xlsx không kèm tên tệp: cùng tên với --out (TỆP.pdf, TỆP-phu-luc.xlsx).
  Hồ sơ cơ quan: --profile, hoặc hồ sơ lưu trong kho --db (trang Quản trị), hoặc office-profile.yaml trong thư mục --data (xem docs/letter.md).
  --date: ngày ký công văn (mặc định hôm nay); --as-of: thời điểm lấy số liệu (mặc định bây giờ).
`

const OPTIONS = {
  data: { type: 'string' },
  db: { type: 'string' },
  period: { type: 'string' },
  unit: { type: 'string' },
  profile: { type: 'string' },
  out: { type: 'string' },
  pdf: { type: 'string' },
  xlsx: { type: 'string' },
  date: { type: 'string' },
  'as-of': { type: 'string' },
  calendar: { type: 'string', multiple: true },
  'population-db': { type: 'string', multiple: true },
  lenient: { type: 'boolean', default: false },
  portal: { type: 'string', multiple: true },
  'portal-previous': { type: 'string', multiple: true },
  'portal-as-of': { type: 'string' },
  force: { type: 'boolean', default: false },
} as const

/**
 * Rewrite the arguments so that parseArgs reads them: `--pdf`/`--xlsx` without a file name get an
 * empty value (the name is derived from `--out`), and `--portal a.json b.json` becomes one
 * `--portal` per file.
 */
export function normalizeReportArgs(args: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    const next = args[i + 1]
    const isValue = next !== undefined && !next.startsWith('--')
    if (a === '--pdf' || a === '--xlsx') {
      const ext = a === '--pdf' ? '.pdf' : '.xlsx'
      if (isValue && next.toLowerCase().endsWith(ext)) {
        out.push(`${a}=${next}`)
        i++
      } else out.push(`${a}=`)
      continue
    }
    if (a === '--portal' || a === '--portal-previous') {
      let j = i + 1
      while (j < args.length && !args[j].startsWith('--')) out.push(`${a}=${args[j++]}`)
      if (j === i + 1) out.push(a)
      i = j - 1
      continue
    }
    out.push(a)
  }
  return out
}

type Values = ReturnType<typeof parse>['values']

/** Where the command writes its messages (the process's streams by default; tests pass their own). */
export interface ReportIo {
  out: (text: string) => void
  err: (text: string) => void
}

const PROCESS_IO: ReportIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }

function parse(args: string[]) {
  return parseArgs({ args: normalizeReportArgs(args), options: OPTIONS, allowPositionals: false })
}

function need(v: string | undefined, flag: string): string {
  if (!v) throw new CliError(`Thiếu tham số --${flag}.\n\n${REPORT_USAGE}`)
  return v
}

function instantFrom(v: string, flag: string): number {
  const t = parseLooseDateTime(v.length === 10 ? `${v} 23:59:59` : v)
  if (t === null || t === 'malformed') throw new CliError(`--${flag} "${v}" không hợp lệ (dạng YYYY-MM-DD hoặc YYYY-MM-DDTHH:mm).`)
  return t
}

const DEMO_PROVINCE = `000.00.00.${PROVINCE_CODE_LETTERS}`

/** The office profile saved in the store from the web application (Quản trị → Hồ sơ cơ quan), if any. */
async function storedProfile(values: Values): Promise<OfficeProfile | null> {
  const target = values.data ? undefined : values.db ?? process.env.DATABASE_URL
  if (!target || (!/^postgres(ql)?:\/\//i.test(target) && !existsSync(target))) return null
  const store = await openStore(target)
  try {
    const text = await store.getSetting(PROFILE_SETTING)
    return typeof text === 'string' ? parseProfile(text, `hồ sơ cơ quan lưu trong kho ${store.description}`) : null
  } finally {
    await store.close()
  }
}

function chooseProfile(values: Values, dataUnits: Set<string> | null, io: ReportIo, stored: OfficeProfile | null = null): OfficeProfile {
  if (values.profile) return readProfile(values.profile)
  if (stored) return stored
  if (values.data) {
    const found = findProfileInDataDir(values.data)
    if (found) return readProfile(found)
  }
  if (dataUnits?.has(DEMO_PROVINCE)) {
    io.err(`Lưu ý: ${values.data ?? values.db ?? 'kho dữ liệu'} không có office-profile.yaml; dùng hồ sơ cơ quan mẫu của tỉnh Minh Sơn (${demoProfilePath()}).\n`)
    return readProfile(demoProfilePath())
  }
  const where = values.data ? `${values.data}/office-profile.yaml` : 'office-profile.yaml'
  throw new CliError(`Chưa có hồ sơ cơ quan (tên cơ quan, địa danh, ký hiệu, nơi nhận, người ký…): tạo ${where} từ mẫu (chiso report profile --out ${where}) rồi sửa lại, hoặc dùng --profile TỆP.`)
}

interface Prepared {
  snapshots: LetterSnapshots
  profile: OfficeProfile
  exitCode: number
}

async function loadSources(values: Values, io: ReportIo): Promise<Prepared> {
  const period = parsePeriod(need(values.period, 'period'))
  // A profile given by name is checked before the (possibly long) loading of the data.
  const given = values.profile ? readProfile(values.profile) : null
  const ruleSets = loadRuleSets()
  const portalFiles = values.portal ?? []
  if (portalFiles.length) {
    if (values.data || values.db) throw new CliError('Chỉ dùng một nguồn số liệu: --data/--db (chiso tự tính) hoặc --portal (số liệu Cổng), không dùng cả hai.')
    const asOf = instantFrom(need(values['portal-as-of'], 'portal-as-of'), 'portal-as-of')
    const snapshots = snapshotsFromPortal(portalFiles, values['portal-previous'] ?? [], period, ruleSets, asOf)
    return { snapshots, profile: given ?? chooseProfile(values, null, io), exitCode: 0 }
  }
  if (values['portal-previous']?.length || values['portal-as-of']) throw new CliError('--portal-previous và --portal-as-of chỉ dùng cùng --portal.')
  const { prepared, calendar, exitCode } = await loadSource(values, io.err)
  const asOf = values['as-of'] ? instantFrom(values['as-of'], 'as-of') : Date.now()
  const snapshots = snapshotsFromData(prepared, period, ruleSets, asOf, calendar)
  for (let y = +period.firstDay.slice(0, 4); y <= +period.lastDay.slice(0, 4); y++) {
    const w = calendar.coverageWarning(y)
    if (w) snapshots.current.warnings.push(w)
  }
  const profile = given ?? chooseProfile(values, new Set(prepared.units.units.map((u) => u.code)), io, await storedProfile(values))
  return { snapshots, profile, exitCode }
}

function outputsFor(values: Values, command: 'letter' | 'appendix'): LetterOutputs {
  const out = need(values.out, 'out')
  const ext = extname(out).toLowerCase()
  const base = out.slice(0, out.length - ext.length)
  if (command === 'appendix') {
    if (ext !== '.xlsx') throw new CliError(`--out "${out}" phải là tệp .xlsx (phụ lục dạng bảng tính).`)
    return { xlsx: out }
  }
  if (ext !== '.docx' && ext !== '.pdf') throw new CliError(`--out "${out}" phải là tệp .docx hoặc .pdf.`)
  const outputs: LetterOutputs = ext === '.docx' ? { docx: out } : { pdf: out }
  if (values.pdf !== undefined) outputs.pdf = values.pdf || `${base}.pdf`
  if (values.xlsx !== undefined) outputs.xlsx = values.xlsx || `${base}-phu-luc.xlsx`
  if (outputs.xlsx && extname(outputs.xlsx).toLowerCase() !== '.xlsx') throw new CliError(`--xlsx "${outputs.xlsx}" phải là tệp .xlsx.`)
  return outputs
}

function letterDate(v: string | undefined): string {
  if (!v) return vnDate(Date.now())
  if (dayNumberOf(v) === null) throw new CliError(`--date "${v}" không hợp lệ (dạng YYYY-MM-DD).`)
  return v
}

async function runLetter(command: 'letter' | 'appendix', args: string[], io: ReportIo): Promise<number> {
  const { values } = parse(args)
  const outputs = outputsFor(values, command)
  if (outputs.pdf && !findSoffice()) throw new PdfError(`Không tìm thấy LibreOffice (lệnh soffice) để xuất PDF. ${INSTALL_HINT}`)
  const date = letterDate(values.date)
  const { snapshots, profile, exitCode } = await loadSources(values, io)
  const unitCode = values.unit ?? profile.unit
  if (!unitCode) throw new CliError(`Chưa biết công văn nói về đơn vị nào: dùng --unit MÃ hoặc trường "unit" trong hồ sơ cơ quan ${profile.file}.`)
  const model = buildLetterModel({ profile, current: snapshots.current, previous: snapshots.previous, unitCode, date })
  for (const w of model.warnings) io.err(`Cảnh báo: ${w}\n`)
  const written = await writeLetterFiles(model, outputs)
  const f = model.facts
  const rank = f.peers > 1 ? `, xếp thứ ${f.rank}/${f.peers}` : ''
  const source = f.source === 'portal' ? 'số liệu Cổng DVCQG' : 'số liệu chiso'
  io.out(
    `${model.facts.unitName} – ${periodTitle(snapshots.current.period)}: tổng điểm ${viDecimal(f.total)}/${viPoints(f.max)}${rank} (${source} tính đến ${asOfText(f.asOf)}${f.provisional ? ', tạm tính' : ''}).\n`
  )
  for (const p of written) io.out(`Đã ghi: ${p}\n`)
  return exitCode
}

function runProfile(args: string[], io: ReportIo): number {
  const { values } = parse(args)
  const out = need(values.out, 'out')
  if (existsSync(out) && !values.force) throw new CliError(`Tệp ${out} đã có; dùng --force để ghi đè.`)
  mkdirSync(dirname(out), { recursive: true })
  copyFileSync(demoProfilePath(), out)
  io.out(`Đã ghi hồ sơ cơ quan mẫu vào ${out}: sửa tên cơ quan, địa danh, ký hiệu, nơi nhận, người ký và các chỉ tiêu theo dõi.\n`)
  return 0
}

/**
 * Run `chiso report …`. Errors of the profile, the letter, the portal files or the PDF are usage
 * errors (`CliError`).
 * @param io where messages go (default: stdout and stderr)
 * @returns the exit code: 0, or 1 when records of the data folder were rejected (see `--lenient`)
 */
export async function runReport(args: string[], io: ReportIo = PROCESS_IO): Promise<number> {
  const [sub, ...rest] = args
  try {
    switch (sub) {
      case 'letter':
      case 'appendix':
        return await runLetter(sub, rest, io)
      case 'profile':
        return runProfile(rest, io)
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(REPORT_USAGE)
        return sub ? 0 : 2
      default:
        throw new CliError(`Lệnh "report ${sub}" không tồn tại.\n\n${REPORT_USAGE}`)
    }
  } catch (e) {
    if (e instanceof ProfileError || e instanceof LetterError || e instanceof PdfError || e instanceof PortalResponseError || e instanceof TemplateFieldError) {
      throw new CliError(e.message)
    }
    throw e
  }
}
