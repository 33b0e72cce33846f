/**
 * @module adapters/http/export/register-exports
 * ?format=csv|xlsx on every table route. Owner: exports work.
 */
import type { FastifyInstance } from 'fastify'
import type { ApiContext } from '../context.js'

/** Register the routes on the app. (Being built: see docs/web-api.md.) */
export function registerExports(app: FastifyInstance, ctx: ApiContext): void {
  void app
  void ctx
}
