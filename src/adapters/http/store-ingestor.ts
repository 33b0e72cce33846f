/**
 * @module adapters/http/store-ingestor
 * The feed's ingestor over the store: each push is one import run (committed before the reply),
 * and the canonical records it wrote are handed to the live scores.
 */
import { importDossierPayload, importStepPayload } from '../store/import-run.js'
import type { Store } from '../store/store.js'
import type { FeedIngestor } from './feed.js'
import { senderOfKey } from './feed-keys.js'

/** A feed ingestor writing to `store`. Pushes are serialized so that runs do not interleave. */
export function storeIngestor(store: Store): FeedIngestor {
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn)
    queue = next.catch(() => undefined)
    return next
  }
  return {
    sender: (key) => senderOfKey(store, key),
    dossiers: (payload, sender, context) =>
      serial(async () => {
        const r = await importDossierPayload(store, payload, {
          source: `DongBoHoSoMC (${sender.name})`,
          actor: `feed:${sender.name}`,
          envelopeUnit: context.envelopeUnit ?? sender.unitCode,
          ...(sender.unitCode ? { declaredUnit: sender.unitCode } : {}),
          collect: true,
        })
        return { runId: r.runId, stored: r.stored, unchanged: r.unchanged, stale: r.stale, issues: r.issues }
      }),
    steps: (payload, sender) =>
      serial(async () => {
        const r = await importStepPayload(store, payload, { source: `CapNhatTienDoHoSoMC (${sender.name})`, actor: `feed:${sender.name}`, collect: true })
        return { runId: r.runId, stored: r.stored, added: r.inserted, duplicates: r.unchanged, issues: r.issues }
      }),
  }
}
