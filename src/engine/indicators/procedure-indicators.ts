/**
 * @module engine/indicators/procedure-indicators
 * Indicators counted over procedures (TTHC) under a unit's authority, some of them marked by the
 * dossiers of the period:
 * - 3.1 TTHC cung cấp DVCTT — (partial + full online) / procedures under authority;
 * - 3.2 DVCTT có phát sinh hồ sơ — online services (unit × procedure) with an online dossier in the
 *   period / online services; summed over units, as the portal's onlineServiceTotal;
 * - 3.5a TTHC có nghĩa vụ tài chính được tích hợp thanh toán — fee procedures with a dossier
 *   carrying fee data / fee procedures;
 * - 3.5b TTHC có giao dịch thanh toán trực tuyến — fee procedures with a dossier paid online /
 *   fee procedures;
 * - 4.5a TTHC kết nối dữ liệu dân cư — citizen procedures with a dossier using population data /
 *   citizen procedures.
 * 3.2 and 3.5 fall back to the submission time when a dossier has no receipt time (spec §10.2).
 */
import type { Procedure } from '../model.js'
import { F } from '../prepare/dossier-table.js'
import type { IndicatorCode } from '../rules/types.js'

export interface ProcedureIndicator {
  code: IndicatorCode
  /** Bit set in the unit × procedure mark table by a dossier of the period (0: catalogue only). */
  markBit: number
  /** Whether a dossier of the period (by its flags) sets the mark. */
  marks(flags: number): boolean
  inDenominator(p: Procedure): boolean
  inNumerator(p: Procedure, marked: boolean): boolean
  /** `distinct`: procedures of the unit and its sub-units, once each; `sum`: unit × procedure pairs. */
  aggregation: 'distinct' | 'sum'
  /** Why a procedure of the denominator is not in the numerator. */
  reason(p: Procedure): string
}

export const MARK = { ONLINE: 1, FEE_DATA: 2, PAID: 4, POPULATION: 8 } as const

export const PROCEDURE_INDICATORS: readonly ProcedureIndicator[] = [
  {
    code: '3.1',
    markBit: 0,
    marks: () => false,
    inDenominator: () => true,
    inNumerator: (p) => p.onlineLevel !== 'none',
    aggregation: 'distinct',
    reason: (p) => (p.eligibleFullOnline ? 'Đủ điều kiện DVCTT toàn trình nhưng chưa cung cấp trực tuyến' : 'Chưa cung cấp dịch vụ công trực tuyến'),
  },
  {
    code: '3.2',
    markBit: MARK.ONLINE,
    marks: (f) => (f & F.ONLINE) !== 0,
    inDenominator: (p) => p.onlineLevel !== 'none',
    inNumerator: (_p, marked) => marked,
    aggregation: 'sum',
    reason: () => 'Dịch vụ công trực tuyến không phát sinh hồ sơ trực tuyến nào trong kỳ',
  },
  {
    code: '3.5a',
    markBit: MARK.FEE_DATA,
    marks: (f) => (f & F.FEE_DATA) !== 0,
    inDenominator: (p) => p.hasFee,
    inNumerator: (_p, marked) => marked,
    aggregation: 'distinct',
    reason: () => 'TTHC có phí, lệ phí nhưng không có hồ sơ nào trong kỳ có dữ liệu phí, lệ phí',
  },
  {
    code: '3.5b',
    markBit: MARK.PAID,
    marks: (f) => (f & F.PAID_ONLINE) !== 0,
    inDenominator: (p) => p.hasFee,
    inNumerator: (_p, marked) => marked,
    aggregation: 'distinct',
    reason: () => 'TTHC có phí, lệ phí nhưng không có hồ sơ nào được thanh toán trực tuyến trong kỳ',
  },
  {
    code: '4.5a',
    markBit: MARK.POPULATION,
    marks: (f) => (f & (F.POPULATION | F.RECEIVED)) === (F.POPULATION | F.RECEIVED),
    inDenominator: (p) => p.citizenSubject,
    inNumerator: (_p, marked) => marked,
    aggregation: 'distinct',
    reason: () => 'TTHC có đối tượng công dân nhưng không có hồ sơ nào trong kỳ sử dụng dữ liệu dân cư',
  },
]
