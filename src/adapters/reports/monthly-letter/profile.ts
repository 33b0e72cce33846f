/**
 * @module adapters/reports/monthly-letter/profile
 * The office profile (hồ sơ cơ quan): everything in the monthly letter that is not a number —
 * issuing agency and its superior, place name, document symbol and number, recipients, Nơi nhận,
 * signer, the targets the office tracks and the text templates. A YAML (or JSON) file,
 * `office-profile.yaml` in the data folder or given with `--profile`; nothing of it is hard-coded.
 * See `docs/letter.md` for the format and `demo-profile.yaml` for a complete example.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { INDICATOR_CODES, type IndicatorCode } from '../../../engine/rules/types.js'
import { findPackageRoot } from '../../calendar-file/load-calendar.js'
import { fieldsOf } from './template.js'

/** Store setting holding the office profile saved from the web application, as its YAML text. */
export const PROFILE_SETTING = 'officeProfile'

/** File name looked for in the data folder. */
export const PROFILE_FILE_NAMES = ['office-profile.yaml', 'office-profile.yml', 'office-profile.json'] as const

/** One target the office tracks: an indicator's ratio or a group's share of its maximum. */
export interface OfficeTarget {
  /** Legal code of the indicator (`3.3`), or absent for a group target. */
  indicator?: IndicatorCode
  /** Group id of the rule set (`4`), or absent for an indicator target. */
  group?: string
  /** Minimum ratio, 0…1 (0.52 = 52%). For a group: points ÷ maximum. */
  threshold: number
  /** Directive wording; `{threshold}`, `{current}`, `{gap}`… are filled by chiso. */
  text: string
  /** Wording used when the target is met (default: `text`). */
  textMet?: string
}

/** The text templates of the letter. */
export interface LetterTexts {
  /** "Căn cứ …" paragraphs before the result. */
  basis: string[]
  /** The result sentence: total, rank, source and time of the data. */
  intro: string
  /** The rank clause, added to `{rankClause}` when the unit has peers. */
  rank: string
  /** Note for a period not yet over, added to `{provisional}`. */
  provisional: string
  /** Source statement when the numbers are chiso's own. */
  sourceChiso: string
  /** Source statement when the numbers are quoted from the portal. */
  sourcePortal: string
  /** Comparison with the previous period. */
  comparison: string
  /** Said instead when the previous period has no data. */
  comparisonMissing: string
  /** Reference to the appendix, required by the decree. */
  appendixReference: string
  /** Sentence introducing the directives. */
  directivesIntro: string
  /** Last paragraph; chiso ends it with "./.". */
  closing: string
}

/** A validated office profile. */
export interface OfficeProfile {
  /** Where the profile was read from (for messages). */
  file: string
  /** Code of the unit the letter is about (may be given with `--unit` instead). */
  unit: string | null
  agency: {
    /** Cơ quan chủ quản trực tiếp, one line each; empty when none. */
    parent: string[]
    /** Tên cơ quan ban hành, one line each (upper case). */
    name: string[]
    /** Short name used in running text and in the appendix reference: `UBND huyện Gò Dầu`. */
    shortName: string
  }
  /** Địa danh: `Gò Dầu`. */
  place: string
  document: {
    /** Ký hiệu: `UBND-NC`. */
    symbol: string
    /** Số; empty to leave it blank for the văn thư. */
    number: string
    /** Trích yếu after "V/v " (template). */
    subject: string
  }
  /** Kính gửi. */
  recipients: string[]
  /** Nơi nhận, after "Như trên" is added by the office itself. */
  copiesTo: string[]
  /** What follows "Lưu:" in the last Nơi nhận line: `VT, NC`. */
  archive: string
  signer: {
    /** Authority lines: `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH` (may be empty). */
    authority: string[]
    /** Chức vụ: `CHỦ TỊCH`, `PHÓ CHỦ TỊCH`. */
    title: string
    /** Họ và tên. */
    name: string
  }
  /** How the unit's peers are called: `huyện, thị xã, thành phố`. */
  peersName: string
  targets: OfficeTarget[]
  texts: LetterTexts
  appendix: {
    /** Appendix title (template); printed in upper case. */
    title: string
  }
}

/** Default text templates: a profile need only give the ones it changes. */
export const DEFAULT_TEXTS: Readonly<LetterTexts> = Object.freeze({
  basis: [],
  intro:
    'Căn cứ kết quả đánh giá {source}, {agency} thông báo kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp {period} như sau: tổng số điểm của {unitName} đạt {total}/{max} điểm{rankClause}.{provisional}',
  rank: ', xếp thứ {rank}/{peers} {peersName}',
  provisional: 'Kỳ đánh giá chưa kết thúc, số liệu là tạm tính và có thể thay đổi.',
  sourceChiso: 'theo số liệu chiso tính từ dữ liệu của đơn vị, tính đến {asOf}',
  sourcePortal: 'theo số liệu trên Cổng Dịch vụ công quốc gia (https://dichvucong.gov.vn), tính đến {asOf}',
  comparison: 'So với {previousPeriod} ({previousTotal} điểm), tổng số điểm {change}{rankChange}.',
  comparisonMissing: 'Chưa có số liệu {previousPeriod} để so sánh.',
  appendixReference: '(Có Phụ lục một số tiêu chí thành phần kèm theo)',
  directivesIntro: 'Qua xem xét, {agency} đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:',
  closing: 'Trên đây là kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp {periodLong} của {unitName}. Đề nghị các cơ quan, đơn vị nghiêm túc thực hiện.',
})

const DEFAULT_SUBJECT = 'công bố kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp {period}'
const DEFAULT_APPENDIX_TITLE = 'Kết quả một số tiêu chí thành phần Bộ chỉ số phục vụ người dân, doanh nghiệp {period}'

/** Fields every template may use. */
export const COMMON_FIELDS = ['period', 'periodLong', 'agency', 'unitName', 'place', 'peersName'] as const
/** Fields of the result sentence. */
export const RESULT_FIELDS = ['total', 'max', 'rank', 'peers', 'rankClause', 'source', 'asOf', 'provisional'] as const
/** Fields of a directive (target wording). */
export const TARGET_FIELDS = ['threshold', 'current', 'gap', 'name', 'code', 'below', 'units', 'belowList'] as const

/** Allowed and required fields of each template. */
const TEMPLATE_FIELDS: Record<string, { allowed: readonly string[]; required: readonly string[] }> = {
  'texts.basis': { allowed: COMMON_FIELDS, required: [] },
  'texts.intro': { allowed: [...COMMON_FIELDS, ...RESULT_FIELDS], required: ['total', 'source', 'provisional'] },
  'texts.rank': { allowed: [...COMMON_FIELDS, 'rank', 'peers'], required: ['rank', 'peers'] },
  'texts.provisional': { allowed: [...COMMON_FIELDS, 'asOf'], required: [] },
  'texts.sourceChiso': { allowed: [...COMMON_FIELDS, 'asOf'], required: ['asOf'] },
  'texts.sourcePortal': { allowed: [...COMMON_FIELDS, 'asOf'], required: ['asOf'] },
  'texts.comparison': {
    allowed: [...COMMON_FIELDS, 'total', 'previousPeriod', 'previousTotal', 'change', 'rankChange'],
    required: ['change'],
  },
  'texts.comparisonMissing': { allowed: [...COMMON_FIELDS, 'previousPeriod'], required: [] },
  'texts.appendixReference': { allowed: COMMON_FIELDS, required: [] },
  'texts.directivesIntro': { allowed: COMMON_FIELDS, required: [] },
  'texts.closing': { allowed: COMMON_FIELDS, required: [] },
  'document.subject': { allowed: COMMON_FIELDS, required: [] },
  'appendix.title': { allowed: COMMON_FIELDS, required: [] },
  target: { allowed: [...COMMON_FIELDS, ...TARGET_FIELDS], required: ['threshold'] },
}

/** A profile that cannot be used. The message names the file and every field at fault. */
export class ProfileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[]
  ) {
    super(`Hồ sơ cơ quan ${file} không dùng được:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ProfileError'
  }
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Collects problems while reading one profile. */
class Reader {
  readonly problems: string[] = []

  constructor(private readonly file: string) {}

  fail(path: string, what: string): void {
    this.problems.push(`trường "${path}": ${what}`)
  }

  known(o: Obj, path: string, keys: readonly string[]): void {
    for (const k of Object.keys(o)) {
      if (!keys.includes(k)) this.fail(path ? `${path}.${k}` : k, `không có trường này (các trường được dùng: ${keys.join(', ')})`)
    }
  }

  obj(v: unknown, path: string, required: boolean): Obj {
    if (v === undefined || v === null) {
      if (required) this.fail(path, 'bắt buộc, chưa có')
      return {}
    }
    if (!isObj(v)) {
      this.fail(path, 'phải là một nhóm trường (khóa: giá trị)')
      return {}
    }
    return v
  }

  str(v: unknown, path: string, required: boolean, fallback = ''): string {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      if (required) this.fail(path, 'bắt buộc, chưa có hoặc để trống')
      return fallback
    }
    if (typeof v === 'number') return String(v)
    if (typeof v !== 'string') {
      this.fail(path, 'phải là một chuỗi chữ')
      return fallback
    }
    return v.trim()
  }

  /** A string or a list of strings (one per line). */
  lines(v: unknown, path: string, required: boolean): string[] {
    if (typeof v === 'string') return v.trim() === '' ? this.lines(undefined, path, required) : [v.trim()]
    if (v === undefined || v === null) {
      if (required) this.fail(path, 'bắt buộc, chưa có')
      return []
    }
    if (!Array.isArray(v)) {
      this.fail(path, 'phải là một chuỗi hoặc một danh sách chuỗi')
      return []
    }
    const out: string[] = []
    v.forEach((x, i) => {
      if (typeof x !== 'string' || x.trim() === '') this.fail(`${path}[${i}]`, 'phải là một chuỗi không rỗng')
      else out.push(x.trim())
    })
    if (required && out.length === 0 && v.length === 0) this.fail(path, 'danh sách không được rỗng')
    return out
  }

  template(text: string, path: string, kind: string): void {
    const spec = TEMPLATE_FIELDS[kind]
    const used = fieldsOf(text)
    for (const f of used) {
      if (!spec.allowed.includes(f)) this.fail(path, `mẫu câu dùng trường {${f}} không có; các trường dùng được: ${spec.allowed.map((x) => `{${x}}`).join(', ')}`)
    }
    for (const f of spec.required) {
      if (!used.includes(f)) this.fail(path, `mẫu câu phải có trường {${f}} (chiso điền số liệu vào đó)`)
    }
    const stray = text.replace(/\{[A-Za-z][A-Za-z0-9]*\}/g, '')
    if (/[{}]/.test(stray)) this.fail(path, 'có dấu ngoặc nhọn lẻ; trường điền số liệu viết dạng {tenTruong}')
  }

  done<T>(value: T): T {
    if (this.problems.length) throw new ProfileError(this.file, this.problems)
    return value
  }
}

/** Top-level keys of a profile. */
export const PROFILE_KEYS = ['unit', 'agency', 'place', 'document', 'recipients', 'copiesTo', 'archive', 'signer', 'peersName', 'targets', 'texts', 'appendix'] as const
const TEXT_KEYS = Object.keys(DEFAULT_TEXTS) as (keyof LetterTexts)[]

/**
 * Validate a parsed profile.
 * @param raw the parsed YAML/JSON document
 * @param file the file name, used in messages
 * @throws ProfileError listing every problem, each with its field path
 */
export function validateProfile(raw: unknown, file: string): OfficeProfile {
  const r = new Reader(file)
  if (!isObj(raw)) {
    r.problems.push('nội dung phải là một nhóm trường (agency, place, document, recipients, signer…)')
    return r.done(null as never)
  }
  r.known(raw, '', PROFILE_KEYS)

  const unit = raw.unit === undefined || raw.unit === null ? null : r.str(raw.unit, 'unit', false) || null

  const agencyRaw = r.obj(raw.agency, 'agency', true)
  r.known(agencyRaw, 'agency', ['parent', 'name', 'shortName'])
  const agency = {
    parent: r.lines(agencyRaw.parent, 'agency.parent', false),
    name: r.lines(agencyRaw.name, 'agency.name', true),
    shortName: r.str(agencyRaw.shortName, 'agency.shortName', true),
  }

  const place = r.str(raw.place, 'place', true)

  const docRaw = r.obj(raw.document, 'document', true)
  r.known(docRaw, 'document', ['symbol', 'number', 'subject'])
  const symbol = r.str(docRaw.symbol, 'document.symbol', true)
  if (symbol && !/^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/u.test(symbol)) {
    r.fail('document.symbol', `ký hiệu "${symbol}" phải viết in hoa, các nhóm chữ viết tắt nối bằng "-" không có dấu cách (ví dụ UBND-NC)`)
  }
  const number = r.str(docRaw.number, 'document.number', false)
  if (number && !/^\d+$/.test(number)) r.fail('document.number', `số văn bản "${number}" phải là chữ số (để trống nếu văn thư điền khi phát hành)`)
  const subject = r.str(docRaw.subject, 'document.subject', false, DEFAULT_SUBJECT).replace(/^V\/v\s*/i, '')
  r.template(subject, 'document.subject', 'document.subject')

  const recipients = r.lines(raw.recipients, 'recipients', true)
  const copiesTo = r.lines(raw.copiesTo, 'copiesTo', false)
  const archive = r.str(raw.archive, 'archive', true).replace(/^Lưu:\s*/i, '').replace(/[.;]+$/, '')

  const signerRaw = r.obj(raw.signer, 'signer', true)
  r.known(signerRaw, 'signer', ['authority', 'title', 'name'])
  const signer = {
    authority: r.lines(signerRaw.authority, 'signer.authority', false),
    title: r.str(signerRaw.title, 'signer.title', true),
    name: r.str(signerRaw.name, 'signer.name', true),
  }

  const peersName = r.str(raw.peersName, 'peersName', false, 'đơn vị cùng cấp')

  const targets: OfficeTarget[] = []
  if (raw.targets !== undefined && raw.targets !== null) {
    if (!Array.isArray(raw.targets)) r.fail('targets', 'phải là một danh sách chỉ tiêu')
    else {
      raw.targets.forEach((t, i) => {
        const path = `targets[${i}]`
        const o = r.obj(t, path, true)
        r.known(o, path, ['indicator', 'group', 'threshold', 'text', 'textMet'])
        const hasInd = o.indicator !== undefined && o.indicator !== null
        const hasGroup = o.group !== undefined && o.group !== null
        if (hasInd === hasGroup) r.fail(path, 'cần đúng một trong hai trường "indicator" (mã chỉ tiêu, ví dụ "3.3") hoặc "group" (mã nhóm, ví dụ "4")')
        const target: OfficeTarget = { threshold: 0, text: '' }
        if (hasInd) {
          const code = String(o.indicator)
          if (!(INDICATOR_CODES as readonly string[]).includes(code)) r.fail(`${path}.indicator`, `mã chỉ tiêu "${code}" không có; các mã: ${INDICATOR_CODES.join(', ')}`)
          else target.indicator = code as IndicatorCode
        }
        if (hasGroup) target.group = String(o.group)
        if (typeof o.threshold !== 'number' || !(o.threshold > 0 && o.threshold <= 1)) {
          r.fail(`${path}.threshold`, `phải là một số từ 0 đến 1 (0.52 nghĩa là 52%), nhận được ${JSON.stringify(o.threshold)}`)
        } else target.threshold = o.threshold
        target.text = r.str(o.text, `${path}.text`, true)
        if (target.text) r.template(target.text, `${path}.text`, 'target')
        if (o.textMet !== undefined) {
          target.textMet = r.str(o.textMet, `${path}.textMet`, true)
          if (target.textMet) r.template(target.textMet, `${path}.textMet`, 'target')
        }
        targets.push(target)
      })
    }
  }

  const textsRaw = r.obj(raw.texts, 'texts', false)
  r.known(textsRaw, 'texts', TEXT_KEYS)
  const texts: LetterTexts = { ...DEFAULT_TEXTS, basis: [...DEFAULT_TEXTS.basis] }
  for (const key of TEXT_KEYS) {
    const v = textsRaw[key]
    if (v === undefined || v === null) continue
    if (key === 'basis') texts.basis = r.lines(v, 'texts.basis', false)
    else texts[key] = r.str(v, `texts.${key}`, true, DEFAULT_TEXTS[key])
  }
  for (const key of TEXT_KEYS) {
    if (key === 'basis') texts.basis.forEach((b, i) => r.template(b, `texts.basis[${i}]`, 'texts.basis'))
    else r.template(texts[key], `texts.${key}`, `texts.${key}`)
  }

  const appendixRaw = r.obj(raw.appendix, 'appendix', false)
  r.known(appendixRaw, 'appendix', ['title'])
  const appendix = { title: r.str(appendixRaw.title, 'appendix.title', false, DEFAULT_APPENDIX_TITLE) }
  r.template(appendix.title, 'appendix.title', 'appendix.title')

  return r.done({ file, unit, agency, place, document: { symbol, number, subject }, recipients, copiesTo, archive, signer, peersName, targets, texts, appendix })
}

/**
 * Parse the text of a profile (YAML or JSON).
 * @throws ProfileError on a syntax error or an invalid field
 */
export function parseProfile(text: string, file: string): OfficeProfile {
  let raw: unknown
  try {
    raw = parseYaml(text)
  } catch (e) {
    throw new ProfileError(file, [`không đọc được cú pháp YAML/JSON: ${(e as Error).message}`])
  }
  return validateProfile(raw, file)
}

/**
 * Read and validate a profile file.
 * @throws ProfileError when the file cannot be read or is invalid
 */
export function readProfile(file: string): OfficeProfile {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new ProfileError(file, [`không đọc được tệp (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`])
  }
  return parseProfile(text, file)
}

/** Path of the example profile of the demo province (UBND tỉnh Minh Sơn), shipped with chiso. */
export function demoProfilePath(): string {
  return join(findPackageRoot(), 'src', 'adapters', 'reports', 'monthly-letter', 'demo-profile.yaml')
}

/** `office-profile.yaml` (or `.yml`, `.json`) of a data folder, or null when there is none. */
export function findProfileInDataDir(dir: string): string | null {
  for (const name of PROFILE_FILE_NAMES) {
    const p = join(dir, name)
    if (existsSync(p)) return p
  }
  return null
}
