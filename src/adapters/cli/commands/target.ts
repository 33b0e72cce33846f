/**
 * `chiso target add FILE… | list`: directive targets (chỉ tiêu chỉ đạo) from a file, the same
 * definitions as `POST /api/targets` (docs/web-api.md), checked by the same rules
 * (`engine/targets/target.ts`), written with their history and audit entry.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { parse as parseYaml } from 'yaml'
import { checkTarget, type TargetDefinition } from '../../../engine/targets/target.js'
import { createTarget, listTargets } from '../../http/targets-store.js'
import { loadRuleSets } from '../../rules-files/load-rules.js'
import { openStore } from '../../store/store.js'
import { CliError } from '../errors.js'
import { storeTarget } from './import.js'

const USAGE = `Dùng:
  chiso target add TỆP.yaml|TỆP.json [--db …]   (danh sách chỉ tiêu như POST /api/targets, xem docs/web-api.md; "defaults:" cho các trường chung)
  chiso target list [--db …]`

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * Read a file holding one definition, a list of them, or `{ defaults, targets }` where `defaults`
 * (units, period range, source…) fill what each target leaves out. YAML or JSON.
 */
function readDefinitions(file: string): unknown[] {
  let doc: unknown
  try {
    doc = parseYaml(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new CliError(`Không đọc được tệp chỉ tiêu ${file}: ${(e as Error).message}`)
  }
  let defaults: Record<string, unknown> = {}
  if (isObject(doc) && 'targets' in doc) {
    if (doc.defaults !== undefined && !isObject(doc.defaults)) throw new CliError(`Tệp ${file}: "defaults" phải là một bảng trường: giá trị`)
    defaults = (doc.defaults as Record<string, unknown> | undefined) ?? {}
    doc = doc.targets
  }
  return (Array.isArray(doc) ? doc : [doc]).map((t) => (isObject(t) ? { ...defaults, ...t } : t))
}

/** `chiso target …`. */
export async function runTarget(args: string[]): Promise<number> {
  const [sub, ...rest] = args
  if (sub !== 'add' && sub !== 'list') throw new CliError(USAGE)
  const { values, positionals } = parseArgs({ args: rest, options: { db: { type: 'string' } }, allowPositionals: true })
  const store = await openStore(storeTarget(values.db))
  const out = (s: string) => process.stdout.write(s)
  try {
    if (sub === 'list') {
      if (positionals.length) throw new CliError(USAGE)
      for (const t of await listTargets(store)) {
        const d = t.definition
        const subject = d.subject.kind === 'total' ? 'tổng điểm' : `${d.subject.kind === 'group' ? 'nhóm' : 'chỉ tiêu'} ${d.subject.code}`
        out(`${t.id}  ${d.name}  (${subject}, mức ${d.threshold}, ${d.from}…${d.to ?? ''}, ${d.units.length} đơn vị${d.includeSubUnits ? ' và cấp dưới' : ''})  ${d.source}\n`)
      }
      return 0
    }
    if (!positionals.length) throw new CliError(USAGE)
    const codes = new Set((await store.readTable('units', ['code'])).map((r) => String(r[0])))
    const ruleSets = loadRuleSets()
    // Check every definition of every file first: nothing is written unless all are valid.
    const checked: TargetDefinition[] = []
    const problems: string[] = []
    for (const file of positionals) {
      readDefinitions(file).forEach((input, i) => {
        const { definition, errors } = checkTarget(input, codes, ruleSets)
        if (definition) checked.push(definition)
        for (const e of errors) problems.push(`${file}, chỉ tiêu thứ ${i + 1}: ${e}`)
      })
    }
    if (problems.length) throw new CliError(`Không thêm chỉ tiêu nào:\n${problems.map((p) => `  ${p}`).join('\n')}`)
    for (const d of checked) {
      const t = await createTarget(store, d, store.actor, Date.now())
      out(`Đã thêm chỉ tiêu ${t.id}: ${d.name}\n`)
    }
    return 0
  } finally {
    await store.close()
  }
}
