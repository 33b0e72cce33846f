/**
 * @module adapters/http/auth/passwords
 * Password hashing with Node's scrypt (N=2^15, r=8, p=1, 16-byte salt, 64-byte key) stored as the
 * self-describing string `scrypt$N$r$p$salt$hash` (salt and hash in base64url), so the cost can
 * be raised later without breaking stored hashes. Comparison is constant-time.
 */
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** Cost parameters of new hashes. */
export const SCRYPT = { N: 2 ** 15, r: 8, p: 1, saltBytes: 16, keyBytes: 64 } as const

/** Shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10
/** Longest password accepted (scrypt takes any length; this only bounds the work). */
export const MAX_PASSWORD_LENGTH = 200

function derive(password: string, salt: Buffer, N: number, r: number, p: number, keyBytes: number): Promise<Buffer> {
  // 128·N·r bytes of memory; Node's default limit (32 MiB) is exactly that for N=2^15, r=8: raise it.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, keyBytes, options, (err, key) => (err ? reject(err) : resolve(key))))
}

/** Hash a password: `scrypt$32768$8$1$<salt>$<hash>`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltBytes)
  const key = await derive(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keyBytes)
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64url')}$${key.toString('base64url')}`
}

/** Does `password` match `stored`? False (never an exception) for a malformed stored string. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [N, r, p] = parts.slice(1, 4).map(Number)
  if (![N, r, p].every((x) => Number.isInteger(x) && x > 0) || N > 2 ** 20 || (N & (N - 1)) !== 0 || r > 32 || p > 16) return false
  const salt = Buffer.from(parts[4], 'base64url')
  const expected = Buffer.from(parts[5], 'base64url')
  if (salt.length === 0 || expected.length < 16) return false
  const key = await derive(password, salt, N, r, p, expected.length)
  return timingSafeEqual(key, expected)
}

/** A hash to compare against when the account does not exist, so both cases take the same time. */
let dummy: Promise<string> | null = null
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(randomBytes(16).toString('hex')))
}

/** Why a new password is refused (Vietnamese, naming the field), or null when it is acceptable. */
export function passwordProblem(password: unknown, field = 'password'): string | null {
  if (typeof password !== 'string') return `Trường ${field}: mật khẩu phải là một chuỗi ký tự`
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Trường ${field}: mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`
  if (password.length > MAX_PASSWORD_LENGTH) return `Trường ${field}: mật khẩu dài quá ${MAX_PASSWORD_LENGTH} ký tự`
  if (password.trim() !== password) return `Trường ${field}: mật khẩu không được bắt đầu hay kết thúc bằng khoảng trắng`
  return null
}

/** Letters and digits without look-alikes (0/O, 1/l/I). */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A random password of `length` characters (≈ 5.8 bits each). */
export function generatePassword(length = 16): string {
  let out = ''
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)]
  return out
}
