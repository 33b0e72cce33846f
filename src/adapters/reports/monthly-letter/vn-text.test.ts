import { describe, expect, it } from 'vitest'
import { vnInstant } from '../../../engine/time/time.js'
import { parsePeriod } from '../../../engine/periods/period.js'
import { asOfText, dateInWords, documentNumberLine, listItems, periodLong, placeAndDate, viPercent, viThreshold, withFinalMark } from './vn-text.js'

describe('dates as Nghị định 30/2020 writes them', () => {
  it('pads days below 10 and months 1 and 2 with a zero, and no other month', () => {
    expect(dateInWords('2024-02-06')).toBe('ngày 06 tháng 02 năm 2024')
    expect(dateInWords('2020-01-05')).toBe('ngày 05 tháng 01 năm 2020')
    expect(dateInWords('2019-06-29')).toBe('ngày 29 tháng 6 năm 2019')
    expect(dateInWords('2026-09-05')).toBe('ngày 05 tháng 9 năm 2026')
    expect(dateInWords('2026-12-10')).toBe('ngày 10 tháng 12 năm 2026')
  })

  it('puts the place name and a comma before the date', () => {
    expect(placeAndDate('Gò Dầu', '2024-02-06')).toBe('Gò Dầu, ngày 06 tháng 02 năm 2024')
  })

  it('writes the time the data are taken at in Vietnam time', () => {
    expect(asOfText(vnInstant(2024, 2, 5, 16, 30))).toBe('16 giờ 30 phút ngày 05/02/2024')
    expect(asOfText(vnInstant(2026, 9, 5, 8, 5))).toBe('08 giờ 05 phút ngày 05/09/2026')
  })

  it('words periods for running text', () => {
    expect(periodLong(parsePeriod('2024-01'))).toBe('tháng 01 năm 2024')
    expect(periodLong(parsePeriod('2026-Q3'))).toBe('quý III năm 2026')
    expect(periodLong(parsePeriod('2026'))).toBe('năm 2026')
  })
})

describe('the "Số" line', () => {
  it('leaves the number blank with spaces before "/" for the văn thư', () => {
    expect(documentNumberLine('', 'UBND-NC')).toBe('Số:      /UBND-NC')
  })

  it('pads numbers below 10 with a zero', () => {
    expect(documentNumberLine('5', 'BNV-VP')).toBe('Số: 05/BNV-VP')
    expect(documentNumberLine('12', 'UBND-VX')).toBe('Số: 12/UBND-VX')
  })
})

describe('lists and numbers', () => {
  it('starts list items with "- ", ends them with ";" and the last with "."', () => {
    expect(listItems(['Như trên', 'LĐVP;', '- Lưu: VT, NC.'])).toEqual(['- Như trên;', '- LĐVP;', '- Lưu: VT, NC.'])
  })

  it('ends the last paragraph with "./." once', () => {
    expect(withFinalMark('thực hiện nghiêm túc.')).toBe('thực hiện nghiêm túc./.')
    expect(withFinalMark('xong./.')).toBe('xong./.')
  })

  it('uses the decimal comma', () => {
    expect(viPercent(0.4696)).toBe('46,96%')
    expect(viThreshold(0.52)).toBe('52%')
    expect(viThreshold(0.925)).toBe('92,5%')
    expect(viThreshold(1)).toBe('100%')
  })
})
