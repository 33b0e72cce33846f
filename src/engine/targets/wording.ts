/**
 * @module engine/targets/wording
 * What one "record" of each indicator is, in Vietnamese, for gap texts ("cần thêm 37 hồ sơ trực
 * tuyến") and planner actions ("thanh toán trực tuyến thêm 12 hồ sơ"), kept in one table keyed by
 * indicator code; and numbers written the Vietnamese way (decimal comma, dot between thousands).
 */
import type { IndicatorCode } from '../rules/types.js'
import { round2 } from '../scoring/points.js'

export interface RecordWording {
  /** What the numerator counts, after "cần thêm {k}". */
  gap: string
  /** The action that moves k records into the numerator. */
  action: (k: string) => string
}

/** One row per indicator code. */
export const RECORD_WORDING: Readonly<Record<IndicatorCode, RecordWording>> = {
  '1.1': { gap: 'TTHC công bố đúng hạn', action: (k) => `công bố đúng hạn thêm ${k} TTHC` },
  '1.2': { gap: 'TTHC cập nhật, công khai đúng hạn', action: (k) => `công khai đúng hạn thêm ${k} TTHC` },
  '1.3': { gap: 'TTHC công khai đầy đủ nội dung', action: (k) => `công khai đầy đủ nội dung thêm ${k} TTHC` },
  '1.4': { gap: 'hồ sơ đồng bộ lên Cổng DVCQG', action: (k) => `đồng bộ lên Cổng DVCQG thêm ${k} hồ sơ` },
  '2.1': { gap: 'hồ sơ xử lý đúng hạn', action: (k) => `xử lý đúng hạn thêm ${k} hồ sơ` },
  '2.2': { gap: 'hồ sơ đã giải quyết', action: (k) => `giải quyết thêm ${k} hồ sơ` },
  '3.1': { gap: 'TTHC cung cấp dịch vụ công trực tuyến', action: (k) => `cung cấp dịch vụ công trực tuyến thêm ${k} TTHC` },
  '3.2': { gap: 'dịch vụ công trực tuyến có phát sinh hồ sơ', action: (k) => `có hồ sơ trực tuyến ở thêm ${k} dịch vụ công trực tuyến` },
  '3.3': { gap: 'hồ sơ trực tuyến', action: (k) => `tiếp nhận trực tuyến thêm ${k} hồ sơ` },
  '3.5a': { gap: 'TTHC có phí được tích hợp thanh toán trực tuyến', action: (k) => `tích hợp thanh toán trực tuyến thêm ${k} TTHC có phí` },
  '3.5b': { gap: 'TTHC có phí có giao dịch thanh toán trực tuyến', action: (k) => `có giao dịch thanh toán trực tuyến ở thêm ${k} TTHC có phí` },
  '3.6': { gap: 'hồ sơ thanh toán trực tuyến', action: (k) => `thanh toán trực tuyến thêm ${k} hồ sơ` },
  '4.1': { gap: 'hồ sơ có kết quả điện tử', action: (k) => `trả kết quả điện tử thêm ${k} hồ sơ` },
  '4.2': { gap: 'hồ sơ được số hóa', action: (k) => `số hóa thêm ${k} hồ sơ` },
  '4.3': { gap: 'hồ sơ khai thác, sử dụng lại dữ liệu số hóa', action: (k) => `sử dụng lại dữ liệu số hóa thêm ${k} hồ sơ` },
  '4.4': { gap: 'hồ sơ lấy dữ liệu từ Kho dữ liệu của công dân', action: (k) => `lấy dữ liệu từ Kho dữ liệu của công dân thêm ${k} hồ sơ` },
  '4.5a': { gap: 'TTHC khai thác dữ liệu dân cư', action: (k) => `khai thác dữ liệu dân cư thêm ${k} TTHC` },
  '4.5b': { gap: 'hồ sơ sử dụng dữ liệu dân cư', action: (k) => `sử dụng dữ liệu dân cư thêm ${k} hồ sơ` },
  '4.6': { gap: 'hồ sơ chứng thực được cấp bản sao điện tử', action: (k) => `cấp bản sao điện tử thêm ${k} hồ sơ chứng thực` },
  '5.1': { gap: 'phản ánh kiến nghị được phân loại', action: (k) => `phân loại thêm ${k} phản ánh kiến nghị` },
  '5.2': { gap: 'phản ánh kiến nghị xử lý đúng hạn', action: (k) => `xử lý đúng hạn thêm ${k} phản ánh kiến nghị` },
  '5.3': { gap: 'phản ánh kiến nghị được xử lý hài lòng', action: (k) => `xử lý hài lòng thêm ${k} phản ánh kiến nghị` },
  '5.4': { gap: 'hồ sơ đúng hạn, không bị phản ánh', action: (k) => `giải quyết đúng hạn, không để bị phản ánh thêm ${k} hồ sơ` },
}

/** Dots between thousands: 12345 → "12.345". */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')
}

/**
 * A number the Vietnamese way, at most `decimals` decimals (rounded half away from zero), trailing
 * zeros dropped: 1.25 → "1,25", 0.8 → "0,8", 12345 → "12.345".
 */
export function viNumber(x: number, decimals = 2): string {
  const f = 10 ** decimals
  const r = decimals === 2 ? round2(x) : Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9) / f
  const neg = r < 0
  const [int, frac = ''] = Math.abs(r).toFixed(decimals).split('.')
  const trimmed = frac.replace(/0+$/, '')
  return `${neg ? '-' : ''}${groupThousands(int)}${trimmed ? ',' + trimmed : ''}`
}

/** A ratio 0…1 as a percentage: 0.52 → "52%", 0.4567 → "45,67%". */
export function viPercent(ratio: number): string {
  return `${viNumber(ratio * 100)}%`
}
