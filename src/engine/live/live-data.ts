/**
 * @module engine/live
 * Real-time updates without a rebuild: dossiers pushed after the table was prepared go into a
 * small delta table swept after the main one, and the main rows they replace are masked. Scores
 * are cached per period and only the periods that contain a pushed dossier's dates are
 * recomputed. Pure and synchronous: the HTTP feed calls `upsert` after the store commits.
 */
import type { WorkingTime } from '../calendar-port.js'
import type { Dossier, Instant } from '../model.js'
import type { Period } from '../periods/period.js'
import { badFeedbackIds, DossierTableBuilder, type PreparedData } from '../prepare/dossier-table.js'
import type { RuleSet } from '../rules/types.js'
import { scoreWithRuleSets, type ScoreOptions, type ScoreReport } from '../score.js'

interface CacheEntry {
  period: Period
  procedureCode: string | undefined
  asOf: Instant
  reports: ScoreReport[]
}

export class LiveData {
  private delta: DossierTableBuilder
  private deltaSlot = new Map<string, number>()
  private mainRow: Map<string, number> | null = null
  private dead: Uint8Array
  private view: PreparedData
  private dirty = false
  private readonly cache = new Map<string, CacheEntry>()
  /** Dossiers upserted since {@link beginRebase}, applied again by {@link rebase}. */
  private sinceRebase: Dossier[] | null = null
  /** Number of dossiers upserted since the base table was prepared. */
  pushed = 0
  /**
   * Grows by one at every change of the data (a dossier upserted, a new base): pages compare it
   * to tell their user that newer numbers are available.
   */
  version = 0

  constructor(
    private base: PreparedData,
    private readonly cal: WorkingTime,
    private readonly ruleSets: RuleSet[]
  ) {
    this.delta = new DossierTableBuilder(base.units, base.procedures, base.procIndex, cal)
    this.dead = new Uint8Array(base.table.n)
    this.view = base
  }

  /**
   * Announce that a new base is being prepared (e.g. read again from the store after an import):
   * dossiers upserted from now on are kept and applied again on it by {@link rebase}, so a push
   * committed while the new base was read is never lost.
   */
  beginRebase(): void {
    this.sinceRebase = []
  }

  /**
   * Replace the base data (prepared after {@link beginRebase}): the delta, the masks and the score
   * cache start over, then the dossiers upserted meanwhile are applied again (applying a dossier
   * the new base already holds only replaces it by the same record).
   */
  rebase(base: PreparedData): void {
    const again = this.sinceRebase ?? []
    this.sinceRebase = null
    this.base = base
    this.delta = new DossierTableBuilder(base.units, base.procedures, base.procIndex, this.cal)
    this.deltaSlot = new Map()
    this.mainRow = null
    this.dead = new Uint8Array(base.table.n)
    this.view = base
    this.dirty = false
    this.cache.clear()
    this.pushed = 0
    this.version++
    for (const d of again) this.upsert(d)
  }

  /** Apply a new or newer dossier; returns the instants whose periods must be recomputed. */
  upsert(d: Dossier): Instant[] {
    this.sinceRebase?.push(d)
    if (this.mainRow === null) {
      this.mainRow = new Map()
      const ids = this.base.table.ids
      for (let i = 0; i < ids.length; i++) this.mainRow.set(ids[i], i)
    }
    const touched: Instant[] = []
    const at = d.receivedAt ?? d.submittedAt
    if (at !== null) touched.push(at)
    const row = this.mainRow.get(d.id)
    if (row !== undefined) {
      this.dead[row] = 1
      touched.push(this.base.table.at[row])
    }
    let slot = this.deltaSlot.get(d.id)
    if (slot === undefined) {
      slot = this.delta.size
      this.deltaSlot.set(d.id, slot)
    }
    this.delta.put(slot, d)
    this.pushed++
    this.version++
    this.dirty = true
    // Invalidate only the cached periods that contain a touched instant.
    for (const [key, e] of this.cache) {
      if (touched.some((t) => t >= e.period.start && t < e.period.end)) this.cache.delete(key)
    }
    return touched
  }

  /** The prepared data including every push so far. */
  current(): PreparedData {
    if (this.dirty) {
      const warnings: string[] = []
      const delta = this.delta.build(badFeedbackIds(this.base.dataset), warnings)
      this.view = { ...this.base, delta, dead: this.dead, warnings: [...this.base.warnings, ...warnings] }
      this.dirty = false
    }
    return this.view
  }

  /** Scores of a period, from the cache unless a push touched it (or the data time moved). */
  score(period: Period, options: ScoreOptions): ScoreReport[] {
    const key = `${period.label}|${options.procedureCode ?? ''}`
    const hit = this.cache.get(key)
    // An open period depends on the time the data are taken at; a closed one does not.
    if (hit && (hit.asOf === options.asOf || (hit.asOf >= period.end && options.asOf >= period.end))) return hit.reports
    const reports = scoreWithRuleSets(this.current(), period, this.ruleSets, options, this.cal)
    this.cache.set(key, { period, procedureCode: options.procedureCode, asOf: options.asOf, reports })
    return reports
  }
}
