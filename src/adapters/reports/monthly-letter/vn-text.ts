/**
 * @module adapters/reports/monthly-letter/vn-text
 * Vietnamese wording of dates, times, numbers and document numbers as Nghị định 30/2020/NĐ-CP
 * writes them: `ngày 06 tháng 02 năm 2024` (day below 10 and months 1–2 with a leading zero),
 * `Số:      /UBND-NC`, decimal comma.
 */
import type { Instant } from '../../../engine/model.js'
import type { Period } from '../../../engine/periods/period.js'
import { round2 } from '../../../engine/scoring/points.js'
import { VN_OFFSET_MS } from '../../../engine/time/time.js'

/** Spaces left before "/" when the number is to be filled in by the văn thư at issue. */
export const BLANK_NUMBER = '     '

const ROMAN = ['I', 'II', 'III', 'IV']

/** Day as the decree writes it: `05`, `29`. */
export function dayText(day: number): string {
  return day < 10 ? `0${day}` : String(day)
}

/** Month as the decree writes it in a full date: `01`, `02`, then `3` … `12` (no leading zero). */
export function monthText(month: number): string {
  return month <= 2 ? `0${month}` : String(month)
}

/**
 * A date in words: `ngày 06 tháng 02 năm 2024`, `ngày 29 tháng 6 năm 2019`.
 * @param date `YYYY-MM-DD`
 */
export function dateInWords(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `ngày ${dayText(d)} tháng ${monthText(m)} năm ${y}`
}

/** Place and date line (ô số 4): `Gò Dầu, ngày 06 tháng 02 năm 2024`. */
export function placeAndDate(place: string, date: string): string {
  return `${place.trim()}, ${dateInWords(date)}`
}

/** Vietnam wall-clock parts of an instant. */
function parts(at: Instant): { y: number; mo: number; d: number; h: number; mi: number } {
  const t = new Date(at + VN_OFFSET_MS)
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes() }
}

const p2 = (n: number) => String(n).padStart(2, '0')

/** Time the data are taken at: `16 giờ 30 phút ngày 05/02/2024` (Vietnam time). */
export function asOfText(at: Instant): string {
  const { y, mo, d, h, mi } = parts(at)
  return `${p2(h)} giờ ${p2(mi)} phút ngày ${p2(d)}/${p2(mo)}/${y}`
}

/** Long period wording for running text: `tháng 01 năm 2024`, `quý III năm 2026`, `năm 2026`. */
export function periodLong(p: Period): string {
  const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`
  switch (p.kind) {
    case 'month':
      return `tháng ${p.label.slice(5, 7)} năm ${p.label.slice(0, 4)}`
    case 'quarter':
      return `quý ${ROMAN[+p.label.slice(6) - 1]} năm ${p.label.slice(0, 4)}`
    case 'year':
      return `năm ${p.label}`
    case 'range':
      return `từ ngày ${dmy(p.firstDay)} đến ngày ${dmy(p.lastDay)}`
  }
}

/** `82,50` (2 decimals, decimal comma). */
export function viDecimal(x: number, digits = 2): string {
  return round2(x).toFixed(digits).replace('.', ',')
}

/** Points: `82,50`; whole maxima without decimals: `100`. */
export function viPoints(x: number): string {
  return Number.isInteger(x) ? String(x) : viDecimal(x)
}

/** A ratio 0…1 as a percentage with 2 decimals: `47,30%`. */
export function viPercent(ratio: number): string {
  return `${viDecimal(ratio * 100)}%`
}

/** A threshold 0…1 as a short percentage: `52%`, `92,5%`. */
export function viThreshold(ratio: number): string {
  const pct = Math.round(ratio * 100 * 100) / 100
  return `${String(pct).replace('.', ',')}%`
}

/**
 * The "Số" line (ô số 3): `Số: 05/UBND-NC`, or `Số:      /UBND-NC` when the number is left blank
 * for the văn thư. Numbers below 10 get a leading zero.
 */
export function documentNumberLine(number: string, symbol: string): string {
  const n = number.trim()
  const shown = n === '' ? BLANK_NUMBER : /^\d+$/.test(n) && +n < 10 ? `0${+n}` : n
  return `Số: ${shown}/${symbol.trim()}`
}

/** Document reference inside running text: `05/UBND-NC`, or `     /UBND-NC` when blank. */
export function documentReference(number: string, symbol: string): string {
  return documentNumberLine(number, symbol).slice('Số: '.length)
}

/** Vietnamese upper case (`ỦY BAN NHÂN DÂN`). */
export function upperVi(s: string): string {
  return s.toLocaleUpperCase('vi')
}

/**
 * A list item of "Kính gửi" or "Nơi nhận": `- text;`, the last one `- text.`.
 * Punctuation the profile already has at the end is replaced.
 */
export function listItems(items: string[]): string[] {
  return items.map((raw, i) => {
    const t = raw.trim().replace(/^[-–]\s*/, '').replace(/[;.,]+$/, '')
    return `- ${t}${i === items.length - 1 ? '.' : ';'}`
  })
}

/** Ensure a closing paragraph ends with the decree's "./.". */
export function withFinalMark(text: string): string {
  const t = text.trimEnd()
  if (t.endsWith('./.')) return t
  return `${t.replace(/[.;,:]+$/, '')}./.`
}
