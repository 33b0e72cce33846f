#!/usr/bin/env node
/**
 * @module adapters/cli
 * `chiso` command line: score, explain, portal rescore, demo-data.
 */
import { parseArgs } from 'node:util'
import { runDemoData } from './commands/demo-data.js'
import { runExplain, runScore } from './commands/score.js'
import { runPortal } from './commands/portal.js'
import { runReport } from './commands/report.js'
import { runImportCommand } from './commands/import.js'
import { runFeedKey, runServe } from './commands/serve.js'
import { runBackup, runExport, runRestore } from './commands/backup.js'
import { runUser } from './commands/user.js'
import { runTarget } from './commands/target.js'
import { CliError } from './errors.js'

const USAGE = `chiso – Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)

Cách dùng:
  chiso score --data DIR --period KỲ [--unit MÃ] [--procedure MÃ_TTHC] [--format table|json|csv]
              [--detail] [--as-of YYYY-MM-DDTHH:mm] [--calendar TỆP] [--lenient]
  chiso explain --data DIR --period KỲ --unit MÃ --indicator 2.1 [--limit N] [--format table|json]
  chiso portal rescore TỆP.json [--format table|json]
  chiso import <units|procedures|dossiers|steps|petitions|ratings|sync-reports|portal|data> TỆP… [--db chiso.db|postgres://…]
  chiso score --db chiso.db|postgres://… --period KỲ …   (điểm tính từ kho dữ liệu thay cho --data)
  chiso serve [--db …] [--port 3000]       (nhận hồ sơ đẩy lên theo thời gian thực, API điểm)
  chiso feed-key add --name TÊN [--unit MÃ] | list | revoke ID [--db …]
  chiso user add --username TÊN --name "Họ tên" --role admin|officer|viewer [--unit MÃ] [--password MK] [--db …]
  chiso user list | passwd TÊN [--password MK] | disable TÊN | enable TÊN [--db …]
  chiso target add TỆP.yaml [--db …] | target list [--db …]   (chỉ tiêu chỉ đạo)
  chiso backup --db … --out TỆP [--schema S]  |  chiso restore TỆP --db … [--force]
  chiso export --db … --period KỲ --out THƯ_MỤC   (mọi bản ghi của một kỳ, theo định dạng tệp đầu vào)
  chiso demo-data --out DIR [--dossiers N] [--seed S] [--levels 2|3]
  chiso report letter --data DIR --period KỲ [--unit MÃ] [--profile TỆP] --out TỆP.docx|.pdf [--pdf] [--xlsx]
  chiso report appendix --data DIR --period KỲ [--unit MÃ] --out TỆP.xlsx
  chiso report profile --out DIR/office-profile.yaml

KỲ: 2026-08 (tháng), 2026-Q3 (quý), 2026 (năm), 2026-01-01..2026-03-15 (khoảng ngày).
`

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE)
    return command ? 0 : 2
  }
  switch (command) {
    case 'score':
      return runScore(rest)
    case 'explain':
      return runExplain(rest)
    case 'portal':
      return runPortal(rest)
    case 'demo-data':
      return runDemoData(rest)
    case 'report':
      return runReport(rest)
    case 'import':
      return runImportCommand(rest)
    case 'serve':
      return runServe(rest)
    case 'feed-key':
      return runFeedKey(rest)
    case 'user':
      return runUser(rest)
    case 'target':
      return runTarget(rest)
    case 'backup':
      return runBackup(rest)
    case 'restore':
      return runRestore(rest)
    case 'export':
      return runExport(rest)
    default:
      throw new CliError(`Lệnh "${command}" không tồn tại.\n\n${USAGE}`)
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    if (err instanceof Error && (err instanceof CliError || ['PeriodError', 'RuleFileError', 'DataDirError', 'CalendarDataError', 'TraceError', 'NoRuleSetError', 'PortalResponseError', 'StoreError', 'BackupError', 'TypeError'].includes(err.name))) {
      process.stderr.write(`Lỗi: ${err.message}\n`)
    } else {
      process.stderr.write(`Lỗi không mong đợi: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    }
    process.exitCode = 2
  }
)

export { parseArgs }
