/**
 * @module adapters/http/api/targets-api
 * Directive targets: CRUD, compliance, history. Owner: targets work.
 */
import type { FastifyInstance } from 'fastify'
import type { ApiContext } from '../context.js'

/** Register the routes on the app. (Being built: see docs/web-api.md.) */
export function registerTargetsApi(app: FastifyInstance, ctx: ApiContext): void {
  void app
  void ctx
}
