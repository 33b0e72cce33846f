/**
 * @module adapters/demo/petitions
 * Petitions (PAKN) and monthly sync reports of the demo province. Petitions come from seeds made
 * while the dossiers were streamed (those about a dossier) plus as many about the units in
 * general; each gets a handling history: most answered within 15 working days, some late, some
 * rejected within 2 days, some still open at the end of the data.
 */
import type { Instant } from '../../engine/model.js'
import { DAY_MS, dayNumberStart, vnDayNumber } from '../../engine/time/time.js'
import type { DossierContext, DossierStreamResult, PetitionSeed } from './dossiers.js'
import { isoVn } from './format.js'
import { WeightedSampler, type Random } from './random.js'
import type { DemoUnit } from './units.js'

/** `petitions.json` record. */
export interface PetitionRecord {
  id: string
  unitCode: string
  sentAt: string
  forwardedAt?: string
  answeredAt?: string
  rejectedAt?: string
  supplementRequestedAt?: string
  publishedAt?: string
  category?: 'procedure' | 'staff' | 'other'
  likes: number
  dislikes: number
  repeatedComplaint: boolean
  dossierId?: string
}

/** `sync-reports.json` record. */
export interface SyncReportRecord {
  unitCode: string
  month: string
  receivedNationalReport: number
  receivedPortal: number
}

/** Period facts the petitions need: the same as the dossier stream's. */
export type PetitionContext = DossierContext

/**
 * All petitions, sorted by time: the linked `seeds` plus about as many unlinked ones, spread over
 * the units that get petitions (in proportion to their volume and petition factor).
 */
export function buildPetitions(ctx: PetitionContext, units: DemoUnit[], seeds: PetitionSeed[]): PetitionRecord[] {
  const { rng } = ctx
  const all = seeds.slice()
  const candidates = units.map((u, i) => [u, i] as const).filter(([u]) => u.profile.petitionFactor > 0 && u.volume > 0)
  if (candidates.length > 0) {
    const sampler = new WeightedSampler(candidates.map(([, i]) => i), candidates.map(([u]) => u.volume * u.profile.petitionFactor))
    const span = ctx.untilEnd - dayNumberStart(ctx.firstDay)
    for (let k = 0; k < seeds.length; k++) {
      all.push({ unitIndex: sampler.draw(rng), sentAt: dayNumberStart(ctx.firstDay) + Math.floor(rng.next() * span) })
    }
  }
  all.sort((a, b) => a.sentAt - b.sentAt || a.unitIndex - b.unitIndex || compareText(a.dossierId ?? '', b.dossierId ?? ''))
  return all.map((seed, n) => makePetition(ctx, units[seed.unitIndex], seed, n + 1))
}

/** Code-unit order, independent of the locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function makePetition(ctx: PetitionContext, unit: DemoUnit, seed: PetitionSeed, n: number): PetitionRecord {
  const { rng, calendar: cal, untilEnd } = ctx
  const p = unit.profile
  const office = (day: number, after: Instant): Instant => {
    let d = day
    while (!cal.isWorkingDay(d)) d++
    let at = dayNumberStart(d) + (8 * 3600 + rng.int(0, 9 * 3600)) * 1000
    if (at <= after) at = after + rng.int(10, 180) * 60_000
    return at
  }
  const sentAt = seed.sentAt
  const rec: PetitionRecord = { id: `PAKN-${ctx.year}-${String(n).padStart(6, '0')}`, unitCode: unit.code, sentAt: isoVn(sentAt), likes: 0, dislikes: 0, repeatedComplaint: false }
  let start = sentAt
  if (rng.chance(0.15)) {
    const forwarded = office(cal.addWorkingDays(vnDayNumber(sentAt), rng.int(1, 4)), sentAt)
    if (forwarded <= untilEnd) {
      rec.forwardedAt = isoVn(forwarded)
      start = forwarded
    }
  }
  const startDay = vnDayNumber(start)
  if (rng.chance(0.08)) {
    const rejected = office(cal.addWorkingDays(startDay, rng.chance(0.85) ? rng.int(0, 2) : rng.int(3, 6)), start)
    if (rejected <= untilEnd) rec.rejectedAt = isoVn(rejected)
  } else {
    let cursor = start
    if (rng.chance(0.06)) {
      const asked = office(cal.addWorkingDays(startDay, rng.chance(0.85) ? rng.int(1, 5) : rng.int(6, 10)), start)
      if (asked <= untilEnd) {
        rec.supplementRequestedAt = isoVn(asked)
        cursor = asked
      }
    }
    const late = rng.chance(p.petitionLate)
    const answered = office(cal.addWorkingDays(startDay, late ? rng.int(16, 35) : rng.int(2, 15)), cursor)
    if (answered <= untilEnd) {
      rec.answeredAt = isoVn(answered)
      if (rng.chance(0.85)) {
        const published = office(cal.addWorkingDays(vnDayNumber(answered), rng.chance(0.85) ? rng.int(0, 2) : rng.int(3, 8)), answered)
        if (published <= untilEnd) rec.publishedAt = isoVn(published)
      }
    }
  }
  const category = rng.weightedIndex([55, 15, 20, 10])
  if (category < 3) rec.category = (['procedure', 'staff', 'other'] as const)[category]
  const likes = rng.int(0, 12)
  rec.likes = likes
  rec.dislikes = rng.chance(p.petitionDislike) ? likes + rng.int(1, 5) : rng.int(0, likes)
  rec.repeatedComplaint = rng.chance(0.03 + (1 - p.quality) * 0.07)
  if (seed.dossierId) rec.dossierId = seed.dossierId
  return rec
}

/**
 * Monthly counts per unit: the portal's count is the unit's synced dossiers; the national report's
 * is its dossiers, a little more for some units. Units without reports, and a few missing months,
 * leave the 1.4 fallback something to do.
 */
export function buildSyncReports(
  rng: Random, units: DemoUnit[], stream: DossierStreamResult, year: number, untilDay: number
): SyncReportRecord[] {
  const lastMonth = new Date(untilDay * DAY_MS).getUTCMonth()
  const out: SyncReportRecord[] = []
  units.forEach((u, i) => {
    if (!u.profile.hasSyncReports || u.volume <= 0) return
    for (let m = 0; m <= lastMonth; m++) {
      if (rng.chance(0.03)) continue
      const received = stream.receivedByMonth[i][m]
      const excess = u.profile.nationalReportExcess
      out.push({
        unitCode: u.code,
        month: `${year}-${String(m + 1).padStart(2, '0')}`,
        receivedNationalReport: received + (excess > 0 && received > 0 ? Math.max(1, Math.round(received * excess)) : 0),
        receivedPortal: stream.syncedByMonth[i][m],
      })
    }
  })
  return out
}
