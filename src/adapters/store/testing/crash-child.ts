/**
 * @module adapters/store/testing/crash-child
 * The child process of the store's crash test (`store.case.test.ts`): imports one dossier file
 * into a store and reports each committed batch to its parent over IPC, so that the parent can
 * kill it (SIGKILL) in the middle of the run. Not part of chiso's API.
 *
 * Environment: `CHISO_CRASH_TARGET` (path or URL), `CHISO_CRASH_SCHEMA` (PostgreSQL schema, may be
 * empty), `CHISO_CRASH_FILE` (the dossier file), `CHISO_CRASH_BATCH` (records per batch).
 */
import { importDossiers } from '../import-run.js'
import { openStore } from '../store.js'

const env = process.env
const target = env.CHISO_CRASH_TARGET
const file = env.CHISO_CRASH_FILE
if (!target || !file || typeof process.send !== 'function') {
  throw new Error('crash-child: CHISO_CRASH_TARGET and CHISO_CRASH_FILE must be set, and an IPC channel open')
}
const send = process.send.bind(process)
const store = await openStore(target, env.CHISO_CRASH_SCHEMA ? { schema: env.CHISO_CRASH_SCHEMA } : {})
send({ started: true })
const result = await importDossiers(store, [file], {
  batchSize: Number(env.CHISO_CRASH_BATCH ?? 1000),
  onBatch: (p) => send({ runId: p.runId, batch: p.batch, inserted: p.counts.inserted }),
})
send({ done: true, runId: result.runId })
await store.close()
process.disconnect()
