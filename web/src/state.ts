/** What the whole app knows: who is signed in, the province, the months with data, the chosen period and unit. */
import { api, apiOptional, HttpError, type Meta, type Trend, type Unit, type User } from './api'

export const state = {
  /** Signed-in user; null before login. */
  user: null as User | null,
  /** The server has no session routes (built in parallel): pages work without login. */
  authMissing: false,
  meta: null as Meta | null,
  /** Units the user may see (from /api/units), in the server's order. */
  units: [] as Unit[],
  /** The period shown (label, e.g. "2024-01"). */
  period: '',
  /** The unit shown by the current page (for the switcher). */
  unit: '',
}

/** The unit a user starts at: their own unit, or the province for province-wide accounts. */
export function homeUnit(): string {
  return state.user?.unitCode ?? state.meta?.province.code ?? state.units[0]?.code ?? ''
}

export function unitName(code: string): string {
  return state.units.find((u) => u.code === code)?.name ?? code
}

/** Months with data, newest first. */
export function monthsWithData(): string[] {
  return [...(state.meta?.monthsWithData ?? [])].sort().reverse()
}

/**
 * Load what every page needs after login: `/api/meta` (or, while that route is missing, the same
 * facts from `/api/units` and the province's trend) and the units of the switcher.
 */
export async function loadMeta(): Promise<void> {
  const [meta, units] = await Promise.all([apiOptional<Meta>('/api/meta'), api<{ units: Unit[] }>('/api/units')])
  state.units = units.units
  if (meta) {
    state.meta = meta
  } else {
    const province = units.units.find((u) => u.parent === null || !units.units.some((p) => p.code === u.parent)) ?? units.units[0]
    let months: string[] = []
    if (province) {
      try {
        const trend = await api<Trend>(`/api/units/${encodeURIComponent(province.code)}/trend?periods=24`)
        months = trend.points.filter((p) => p.dossiers > 0 && p.total !== null).map((p) => p.period.label)
      } catch (e) {
        if (!(e instanceof HttpError)) throw e
      }
    }
    state.meta = { province, monthsWithData: months, defaultPeriod: months[months.length - 1] ?? '' }
  }
  if (!state.period) state.period = state.meta.defaultPeriod || state.meta.latestMonthWithData || monthsWithData()[0] || ''
}
