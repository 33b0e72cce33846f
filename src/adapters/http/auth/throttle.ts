/**
 * @module adapters/http/auth/throttle
 * Login throttling: after {@link LOGIN_LIMIT} failed attempts for one user name, or from one IP
 * address, within {@link LOGIN_WINDOW_MS}, further attempts are refused (429) until the oldest of
 * those failures leaves the window. Kept in memory: a restart forgets it.
 */

/** Failed attempts allowed within the window. */
export const LOGIN_LIMIT = 5
/** The window, ms (15 minutes). */
export const LOGIN_WINDOW_MS = 15 * 60_000

/** Failed logins per key (`user:NAME`, `ip:ADDRESS`). */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly clock: () => number = Date.now,
    readonly limit = LOGIN_LIMIT,
    readonly windowMs = LOGIN_WINDOW_MS
  ) {}

  private recent(key: string, now: number): number[] {
    const list = this.failures.get(key)
    if (!list) return []
    const kept = list.filter((t) => now - t < this.windowMs)
    if (kept.length) this.failures.set(key, kept)
    else this.failures.delete(key)
    return kept
  }

  /** When the keys may try again (ms instant), or null when they may now. */
  blockedUntil(keys: readonly string[]): number | null {
    const now = this.clock()
    let until: number | null = null
    for (const k of keys) {
      const list = this.recent(k, now)
      if (list.length >= this.limit) {
        const t = list[list.length - this.limit] + this.windowMs
        until = until === null ? t : Math.max(until, t)
      }
    }
    return until
  }

  /** Count a failure against each key. */
  fail(keys: readonly string[]): void {
    const now = this.clock()
    if (this.failures.size > 50_000) for (const k of [...this.failures.keys()]) this.recent(k, now)
    for (const k of keys) this.failures.set(k, [...this.recent(k, now), now])
  }

  /** Forget the failures of a key (a user name after a successful login). */
  clear(key: string): void {
    this.failures.delete(key)
  }
}

/** "14:05" in Vietnam time (UTC+7, no daylight saving). */
export function vnClock(t: number): string {
  return new Date(t + 7 * 3_600_000).toISOString().slice(11, 16)
}

/** The Vietnamese refusal of a throttled login. */
export function throttledMessage(until: number, now: number): string {
  const minutes = Math.max(1, Math.ceil((until - now) / 60_000))
  return `Đăng nhập sai quá ${LOGIN_LIMIT} lần trong ${LOGIN_WINDOW_MS / 60_000} phút; hãy thử lại sau ${vnClock(until)} (khoảng ${minutes} phút nữa)`
}
