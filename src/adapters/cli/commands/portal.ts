/**
 * `chiso portal rescore FILE.json`: recompute the portal's points from its published counts.
 */
import { parseArgs } from 'node:util'
import { runPortalRescore } from '../../portal/index.js'
import { CliError } from '../errors.js'

export async function runPortal(args: string[]): Promise<number> {
  const [sub, ...rest] = args
  if (sub !== 'rescore') throw new CliError('Dùng: chiso portal rescore TỆP.json [--format table|json] [--period KỲ | --date YYYY-MM-DD]')
  const { values, positionals } = parseArgs({ args: rest, options: { format: { type: 'string', default: 'table' }, period: { type: 'string' }, date: { type: 'string' } }, allowPositionals: true })
  if (positionals.length !== 1) throw new CliError('Cần đúng một tệp phản hồi của Cổng DVCQG: chiso portal rescore TỆP.json')
  if (values.format !== 'table' && values.format !== 'json') throw new CliError(`--format "${values.format}" không hợp lệ (table hoặc json).`)
  const { output, exitCode } = runPortalRescore(positionals[0], { format: values.format, period: values.period, date: values.date })
  const text = output.endsWith('\n') ? output : output + '\n'
  if (exitCode === 2) process.stderr.write(text)
  else process.stdout.write(text)
  return exitCode
}
