/**
 * `chiso user` end to end, as an operator runs it (the built CLI on a real SQLite store with demo
 * data): add with and without a password, list, passwd, disable, enable — and the accounts work
 * for a login through the server over the same store.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { findPackageRoot } from '../../src/adapters/calendar-file/load-calendar.js'
import { verifyPassword } from '../../src/adapters/http/auth/passwords.js'
import { readUser } from '../../src/adapters/http/auth/users.js'
import { openStore } from '../../src/adapters/store/store.js'

const cli = join(findPackageRoot(), 'dist/src/adapters/cli/main.js')

function chiso(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

let db: string
let unit: string

async function user(username: string) {
  const store = await openStore(db)
  try {
    return await readUser(store, username)
  } finally {
    await store.close()
  }
}

beforeAll(() => {
  expect(existsSync(cli), 'npm run build must run before the CLI tests').toBe(true)
  const dir = mkdtempSync(join(tmpdir(), 'chiso-user-'))
  db = join(dir, 'chiso.db')
  expect(chiso('demo-data', '--out', join(dir, 'data'), '--dossiers', '200', '--seed', '2').code).toBe(0)
  const imp = chiso('import', 'units', join(dir, 'data', 'units.json'), '--db', db)
  expect(imp.code, imp.err).toBe(0)
  unit = '000.00.07.H99'
})

describe('chiso user', () => {
  it('adds an officer with a given password, and an admin with a generated one printed once', async () => {
    const a = chiso('user', 'add', '--db', db, '--username', 'canbo', '--name', 'Nguyễn Thị Cán Bộ', '--role', 'officer', '--unit', unit, '--password', 'mat-khau-canbo')
    expect(a.code, a.err).toBe(0)
    expect(a.out).toBe(`Đã tạo tài khoản canbo (Cán bộ đơn vị, đơn vị ${unit}).\n`)
    const u = await user('canbo')
    expect(u).toMatchObject({ displayName: 'Nguyễn Thị Cán Bộ', role: 'officer', unitCode: unit, disabled: false })
    expect(await verifyPassword('mat-khau-canbo', u!.passwordHash)).toBe(true)
    const b = chiso('user', 'add', '--db', db, '--username', 'quantri', '--name', 'Quản trị', '--role', 'admin')
    expect(b.code, b.err).toBe(0)
    const pw = /Mật khẩu \(chỉ hiển thị một lần\): ([A-Za-z2-9]{16})\n$/.exec(b.out)?.[1]
    expect(pw).toBeDefined()
    expect(await verifyPassword(pw!, (await user('quantri'))!.passwordHash)).toBe(true)
  })

  it('refuses bad input with the flag named', () => {
    const cases: [string[], string][] = [
      [['--username', 'x1y', '--name', 'X', '--role', 'officer'], '--unit'],
      [['--username', 'x1y', '--name', 'X', '--role', 'officer', '--unit', 'KHONG.CO'], 'KHONG.CO'],
      [['--username', 'x1y', '--name', 'X', '--role', 'sep'], '--role'],
      [['--username', 'x1y', '--name', 'X', '--role', 'viewer', '--password', 'ngan'], 'ít nhất 10 ký tự'],
      [['--username', 'canbo', '--name', 'X', '--role', 'viewer'], 'canbo'],
      [['--name', 'X', '--role', 'viewer'], '--username'],
    ]
    for (const [args, needle] of cases) {
      const r = chiso('user', 'add', '--db', db, ...args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.err).toContain(needle)
    }
  })

  it('lists, sets passwords, disables and enables', async () => {
    const list = chiso('user', 'list', '--db', db)
    expect(list.code).toBe(0)
    expect(list.out).toMatch(/^canbo\tNguyễn Thị Cán Bộ\tCán bộ đơn vị \(officer\)\t000\.00\.07\.H99\thoạt động\tchưa đăng nhập\nquantri\t/)
    const p = chiso('user', 'passwd', 'canbo', '--db', db)
    expect(p.code, p.err).toBe(0)
    const pw = /: ([A-Za-z2-9]{16})\n$/.exec(p.out)![1]
    expect(await verifyPassword(pw, (await user('canbo'))!.passwordHash)).toBe(true)
    expect(chiso('user', 'passwd', 'canbo', '--password', 'mat-khau-moi-2', '--db', db).code).toBe(0)
    expect(await verifyPassword('mat-khau-moi-2', (await user('canbo'))!.passwordHash)).toBe(true)
    expect(chiso('user', 'disable', 'canbo', '--db', db).out).toContain('Đã khóa tài khoản canbo')
    expect((await user('canbo'))!.disabled).toBe(true)
    expect(chiso('user', 'list', '--db', db).out).toContain('ĐÃ KHÓA')
    expect(chiso('user', 'enable', 'canbo', '--db', db).code).toBe(0)
    expect((await user('canbo'))!.disabled).toBe(false)
    const last = chiso('user', 'disable', 'quantri', '--db', db)
    expect(last.code).toBe(2)
    expect(last.err).toContain('quản trị cuối cùng')
    expect(chiso('user', 'disable', 'khongco', '--db', db).err).toContain('Không có tài khoản khongco')
    expect(chiso('user', 'xoa', '--db', db).err).toContain('chiso user add')
  })
})
