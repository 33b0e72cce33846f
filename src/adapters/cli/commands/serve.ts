/**
 * `chiso serve [--db …] [--port 3000] [--host 127.0.0.1]`: the web application (dashboard, API with
 * accounts) and the real-time feed over the store. On a store without accounts it creates the first
 * administrator (`CHISO_ADMIN_USER`/`CHISO_ADMIN_PASSWORD`, else `quantri` with a printed random
 * password). `CHISO_TRUST_PROXY=1` behind an https reverse proxy.
 * `chiso feed-key add|list|revoke`: API keys of the senders.
 */
import { parseArgs } from 'node:util'
import { loadWorkingCalendar } from '../../calendar-file/load-calendar.js'
import { ensureFirstAdmin } from '../../http/auth/users.js'
import { isLoopbackHost } from '../../http/auth/sessions.js'
import { createFeedKey, listFeedKeys, revokeFeedKey } from '../../http/feed-keys.js'
import { buildServer } from '../../http/server.js'
import { storeIngestor } from '../../http/store-ingestor.js'
import { loadRuleSets } from '../../rules-files/load-rules.js'
import { loadPreparedFromStore } from '../../store/load-prepared.js'
import { openStore } from '../../store/store.js'
import { LiveData } from '../../../engine/live/live-data.js'
import { CliError } from '../errors.js'
import { storeTarget } from './import.js'

/** `chiso serve`. Resolves when the server stops (SIGINT/SIGTERM). */
export async function runServe(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' } }, allowPositionals: false })
  const port = Number(values.port ?? process.env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`Cổng "${values.port}" không hợp lệ.`)
  const store = await openStore(storeTarget(values.db))
  const firstAdmin = await ensureFirstAdmin(store, process.env)
  const trustProxy = /^(1|true|yes)$/i.test(process.env.CHISO_TRUST_PROXY ?? '')
  const calendar = loadWorkingCalendar()
  const started = Date.now()
  const { prepared } = await loadPreparedFromStore(store, calendar)
  const ruleSets = loadRuleSets()
  const live = new LiveData(prepared, calendar, ruleSets)
  const app = buildServer({ live, ingest: storeIngestor(store), calendar, ruleSets, store, trustProxy })
  await app.listen({ port, host: values.host })
  const address = app.server.address()
  const shown = typeof address === 'object' && address ? `http://${values.host}:${address.port}` : String(address)
  process.stdout.write(`chiso đang phục vụ tại ${shown} (kho: ${store.description}; ${prepared.table.n} hồ sơ nạp trong ${Date.now() - started} ms)\n`)
  process.stdout.write(`  Nhận hồ sơ: POST ${shown}/dvcqg/DongBoHoSoMC, POST ${shown}/dvcqg/CapNhatTienDoHoSoMC (tiêu đề X-API-Key)\n`)
  process.stdout.write(`  Trang điều hành: ${shown}/  (đăng nhập bằng tài khoản; API: ${shown}/api/openapi.json)\n`)
  const host = values.host.includes(':') && !values.host.startsWith('[') ? `[${values.host}]` : values.host
  if (!isLoopbackHost(host) && !trustProxy) {
    process.stdout.write(
      `  Cảnh báo: máy chủ nghe trên ${values.host} bằng http; khi truy cập bằng địa chỉ khác localhost, cookie phiên đăng nhập không có cờ Secure. ` +
        `Hãy đặt máy chủ sau một reverse proxy HTTPS và chạy với CHISO_TRUST_PROXY=1.\n`
    )
  }
  if (firstAdmin.created && firstAdmin.password !== undefined) {
    process.stdout.write(
      `\nĐã tạo tài khoản quản trị đầu tiên (chỉ hiển thị một lần):\n` +
        `  Địa chỉ:        ${shown}/\n  Tên đăng nhập:  ${firstAdmin.username}\n  Mật khẩu:       ${firstAdmin.password}\n` +
        `  Hãy đổi mật khẩu sau khi đăng nhập.\n\n`
    )
  } else if (firstAdmin.created) {
    process.stdout.write(`Đã tạo tài khoản quản trị đầu tiên ${firstAdmin.username} (mật khẩu lấy từ CHISO_ADMIN_PASSWORD).\n`)
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await app.close()
  await store.close()
  return 0
}

/** `chiso feed-key add --name TÊN [--unit MÃ] | list | revoke ID`. */
export async function runFeedKey(args: string[]): Promise<number> {
  const [sub, ...rest] = args
  const { values, positionals } = parseArgs({ args: rest, options: { db: { type: 'string' }, name: { type: 'string' }, unit: { type: 'string' } }, allowPositionals: true })
  const store = await openStore(storeTarget(values.db))
  try {
    if (sub === 'add') {
      if (!values.name) throw new CliError('Thiếu --name (tên hệ thống gửi hồ sơ, ví dụ "Hệ thống một cửa điện tử tỉnh").')
      if (values.unit) {
        const known = (await store.readTable('units', ['code'])).some((r) => r[0] === values.unit)
        if (!known) throw new CliError(`Không có đơn vị mã ${values.unit} trong kho.`)
      }
      const { id, key } = await createFeedKey(store, values.name, values.unit ?? null)
      process.stdout.write(`Khóa API #${id} cho "${values.name}" (chỉ hiển thị một lần, hãy lưu lại):\n${key}\n`)
      return 0
    }
    if (sub === 'list') {
      for (const k of await listFeedKeys(store)) process.stdout.write(`#${k.id}  ${k.name}  ${k.unitCode ?? '—'}  tạo ${k.createdAt} bởi ${k.createdBy}${k.revokedAt ? `  ĐÃ THU HỒI ${k.revokedAt} bởi ${k.revokedBy ?? '—'}` : ''}\n`)
      return 0
    }
    if (sub === 'revoke') {
      const id = Number(positionals[0])
      if (!Number.isInteger(id)) throw new CliError('Dùng: chiso feed-key revoke ID')
      if (!(await revokeFeedKey(store, id))) throw new CliError(`Không có khóa đang hoạt động #${id}.`)
      process.stdout.write(`Đã thu hồi khóa #${id}.\n`)
      return 0
    }
    throw new CliError('Dùng: chiso feed-key add --name TÊN [--unit MÃ] | list | revoke ID  [--db …]')
  } finally {
    await store.close()
  }
}
