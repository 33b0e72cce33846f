/**
 * @module adapters/http/api/more-api
 * Meta, procedures view, official-vs-computed. Owner: exports work.
 */
import type { FastifyInstance } from 'fastify'
import type { ApiContext } from '../context.js'

/** Register the routes on the app. (Being built: see docs/web-api.md.) */
export function registerMoreApi(app: FastifyInstance, ctx: ApiContext): void {
  void app
  void ctx
}
