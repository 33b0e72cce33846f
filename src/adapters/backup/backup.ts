/**
 * @module adapters/backup
 * Backups of the store: SQLite's online backup API (consistent while imports run, WAL included)
 * and PostgreSQL's `pg_dump` custom format, restored with a file copy or `pg_restore`.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, rmSync } from 'node:fs'
import Database from 'better-sqlite3'

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i

/** A backup or restore that cannot be done; the message is Vietnamese and names the file. */
export class BackupError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'BackupError'
  }
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    p.stderr.on('data', (d) => (err += d))
    p.on('error', (e) => reject(new BackupError(`Không chạy được ${cmd} (cần gói postgresql-client): ${e.message}`, { cause: e })))
    p.on('close', (code) => (code === 0 ? resolve() : reject(new BackupError(`${cmd} thất bại (mã ${code}): ${err.trim()}`))))
  })
}

/** Back up the store at `target` (SQLite path or PostgreSQL URL) to `out`. */
export async function backupStore(target: string, out: string, options: { schema?: string } = {}): Promise<void> {
  if (POSTGRES_URL.test(target)) {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${out}`, ...(options.schema ? [`--schema=${options.schema}`] : []), target])
    return
  }
  if (!existsSync(target)) throw new BackupError(`Không có kho dữ liệu SQLite ${target}`)
  const db = new Database(target, { readonly: true, fileMustExist: true })
  try {
    // The online backup API copies a consistent snapshot page by page while writers go on.
    await db.backup(out)
  } finally {
    db.close()
  }
  const check = new Database(out, { readonly: true })
  try {
    const r = check.pragma('integrity_check', { simple: true })
    if (r !== 'ok') throw new BackupError(`Bản sao lưu ${out} không toàn vẹn: ${String(r)}`)
  } finally {
    check.close()
  }
}

/** Restore a backup made by {@link backupStore} into `target`; an existing SQLite file needs `force`. */
export async function restoreStore(file: string, target: string, options: { force?: boolean } = {}): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`Không có tệp sao lưu ${file}`)
  if (POSTGRES_URL.test(target)) {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${target}`, file])
    return
  }
  if (existsSync(target) && !options.force) throw new BackupError(`Kho ${target} đã tồn tại; thêm --force để ghi đè bằng bản sao lưu.`)
  for (const f of [`${target}-wal`, `${target}-shm`]) rmSync(f, { force: true })
  copyFileSync(file, target)
}
