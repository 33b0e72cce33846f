/** Vietnamese formatting of numbers, percentages, dates (Vietnam time) and period labels. */

const numberFormats = new Map<number, Intl.NumberFormat>()
const nf = (digits: number) => {
  let f = numberFormats.get(digits)
  if (!f) numberFormats.set(digits, (f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits, minimumFractionDigits: 0 })))
  return f
}

/** 82.5 → "82,5"; 1234 → "1.234"; null → "—". */
export function num(n: number | null | undefined, digits = 2): string {
  return n === null || n === undefined || Number.isNaN(n) ? '—' : nf(digits).format(n)
}

/** A ratio 0–1 as a percentage: 0.523 → "52,3%". */
export function pct(r: number | null | undefined): string {
  return r === null || r === undefined ? '—' : `${nf(1).format(r * 100)}%`
}

const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
})

function parts(iso: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const p of dateParts.formatToParts(new Date(iso))) out[p.type] = p.value
  return out
}

/** ISO instant → "dd/MM/yyyy HH:mm" in Vietnam time; null → "—". */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const p = parts(iso)
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`
}

/** ISO instant → "HH:mm dd/MM/yyyy" (how the province's letters say "as of"). */
export function timeDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  const p = parts(iso)
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`
}

/** "2024-01" → "Tháng 01/2024"; "2024-Q1" → "Quý 1/2024"; "2024" → "Năm 2024". */
export function periodName(label: string): string {
  let m = /^(\d{4})-(\d{2})$/.exec(label)
  if (m) return `Tháng ${m[2]}/${m[1]}`
  m = /^(\d{4})-Q([1-4])$/.exec(label)
  if (m) return `Quý ${m[2]}/${m[1]}`
  if (/^\d{4}$/.test(label)) return `Năm ${label}`
  return label
}

/** The month before "2024-01" → "2023-12". */
export function previousMonth(label: string): string {
  const [y, m] = label.split('-').map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** Vietnamese names of unit levels. */
export const LEVEL_NAMES: Record<string, string> = {
  ministry: 'Bộ, ngành',
  province: 'Tỉnh',
  department: 'Sở, ban, ngành',
  district: 'Huyện, thị xã, thành phố',
  commune: 'Xã, phường, thị trấn',
}

/** First letter in upper case ("tháng 11/2024" → "Tháng 11/2024"). */
export function cap(s: string): string {
  return s ? s.charAt(0).toLocaleUpperCase('vi') + s.slice(1) : s
}

/** The short code shown for an indicator: its number ("3.6"), not the portal's long identifier. */
export function indicatorCode(i: { id: string; code?: string }): string {
  return i.code && /^\d/.test(i.code) ? i.code : i.id
}
