/**
 * `chiso user add|list|passwd|disable|enable`: accounts of the web application, in the store.
 * The same rules as the web API (`auth/users.ts`): field checks, officers need a unit, the last
 * active administrator stays; disabling or setting a password revokes the account's sessions.
 */
import { parseArgs } from 'node:util'
import { ROLE_NAMES } from '../../http/auth/access.js'
import { AccountError, createUser, listUsers, updateUser } from '../../http/auth/users.js'
import { generatePassword } from '../../http/auth/passwords.js'
import { openStore, type Store } from '../../store/store.js'
import { CliError } from '../errors.js'
import { storeTarget } from './import.js'

const USAGE = `Dùng:
  chiso user add --username TÊN --name "Họ tên" --role admin|officer|viewer [--unit MÃ] [--password MK] [--db …]
  chiso user list [--db …]
  chiso user passwd TÊN [--password MK] [--db …]
  chiso user disable TÊN [--db …]   |   chiso user enable TÊN [--db …]
Không có --password: một mật khẩu ngẫu nhiên 16 ký tự được tạo và in ra một lần.`

async function knownUnits(store: Store): Promise<(code: string) => boolean> {
  const codes = new Set((await store.readTable('units', ['code'])).map((r) => String(r[0])))
  return (code) => codes.has(code)
}

const one = (positionals: string[], sub: string): string => {
  if (positionals.length !== 1) throw new CliError(`Dùng: chiso user ${sub} TÊN_ĐĂNG_NHẬP [--db …]`)
  return positionals[0]
}

/** `chiso user …`. */
export async function runUser(args: string[]): Promise<number> {
  const [sub, ...rest] = args
  if (!sub || !['add', 'list', 'passwd', 'disable', 'enable'].includes(sub)) throw new CliError(USAGE)
  const { values, positionals } = parseArgs({
    args: rest,
    options: { db: { type: 'string' }, username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, unit: { type: 'string' }, password: { type: 'string' } },
    allowPositionals: true,
  })
  const store = await openStore(storeTarget(values.db))
  const out = (s: string) => process.stdout.write(s)
  try {
    const actor = store.actor
    if (sub === 'add') {
      if (positionals.length) throw new CliError(`Tham số thừa: ${positionals.join(' ')}\n${USAGE}`)
      if (!values.username) throw new CliError('Thiếu --username (tên đăng nhập).')
      if (!values.name) throw new CliError('Thiếu --name (họ tên người dùng).')
      if (!values.role) throw new CliError('Thiếu --role (admin, officer hoặc viewer).')
      const { user, password } = await createUser(store, { username: values.username, displayName: values.name, role: values.role, unitCode: values.unit, password: values.password }, actor, await knownUnits(store))
      out(`Đã tạo tài khoản ${user.username} (${ROLE_NAMES[user.role]}${user.unitCode ? `, đơn vị ${user.unitCode}` : ''}).\n`)
      if (password) out(`Mật khẩu (chỉ hiển thị một lần): ${password}\n`)
      return 0
    }
    if (sub === 'list') {
      if (positionals.length) throw new CliError(USAGE)
      const users = await listUsers(store)
      if (users.length === 0) out('Chưa có tài khoản nào (chiso serve tạo tài khoản quản trị đầu tiên).\n')
      for (const u of users) {
        const last = u.lastLoginAt === null ? 'chưa đăng nhập' : `đăng nhập lần cuối ${new Date(u.lastLoginAt).toISOString()}`
        out(`${u.username}\t${u.displayName}\t${ROLE_NAMES[u.role]} (${u.role})\t${u.unitCode ?? 'cả tỉnh'}\t${u.disabled ? 'ĐÃ KHÓA' : 'hoạt động'}\t${last}\n`)
      }
      return 0
    }
    const username = one(positionals, sub)
    if (sub === 'passwd') {
      const password = values.password ?? generatePassword(16)
      const { user } = await updateUser(store, username, { password }, actor, await knownUnits(store))
      out(`Đã đặt mật khẩu mới cho ${user.username}; các phiên đăng nhập của tài khoản này đã kết thúc.\n`)
      if (values.password === undefined) out(`Mật khẩu (chỉ hiển thị một lần): ${password}\n`)
      return 0
    }
    const { user } = await updateUser(store, username, { disabled: sub === 'disable' }, actor, await knownUnits(store))
    out(sub === 'disable' ? `Đã khóa tài khoản ${user.username}; các phiên đăng nhập của tài khoản này đã kết thúc.\n` : `Đã mở khóa tài khoản ${user.username}.\n`)
    return 0
  } catch (e) {
    if (e instanceof AccountError) {
      const flags: Record<string, string> = { username: '--username', displayName: '--name', role: '--role', unitCode: '--unit', password: '--password' }
      throw new CliError(e.message.replace(/^(Thiếu trường|Trường) (username|displayName|role|unitCode|password)\b/, (_m, head: string, f: string) => `${head === 'Thiếu trường' ? 'Thiếu' : 'Tham số'} ${flags[f]}`))
    }
    throw e
  } finally {
    await store.close()
  }
}
