/**
 * @module adapters/rules-files
 * Reads `rules/` (acts, layouts, indicators) from disk and builds the rule sets.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { buildRuleSets, RuleFileError, type ParsedFile } from '../../engine/rules/build.js'
import type { RuleSet } from '../../engine/rules/types.js'
import { findPackageRoot } from '../calendar-file/load-calendar.js'

function readYaml(path: string, label: string): ParsedFile {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    throw new RuleFileError(label, '(tệp)', 'không đọc được tệp')
  }
  try {
    return { file: label, data: parse(text) }
  } catch (e) {
    throw new RuleFileError(label, '(cú pháp)', `YAML không hợp lệ: ${(e as Error).message}`)
  }
}

/** Load every rule set from a rules folder (default: the package's `rules/`). */
export function loadRuleSets(rulesDir = join(findPackageRoot(), 'rules')): RuleSet[] {
  const yamls = (dir: string) => readdirSync(join(rulesDir, dir)).filter((f) => f.endsWith('.yaml')).sort()
  return buildRuleSets({
    acts: readYaml(join(rulesDir, 'acts.yaml'), 'rules/acts.yaml'),
    layouts: yamls('layouts').map((f) => readYaml(join(rulesDir, 'layouts', f), `rules/layouts/${f}`)),
    indicators: yamls('indicators').map((f) => readYaml(join(rulesDir, 'indicators', f), `rules/indicators/${f}`)),
  })
}
