/**
 * @module adapters/http/api/planner-api
 * What-if planner: best actions and the simulator. Owner: planner work.
 */
import type { FastifyInstance } from 'fastify'
import type { ApiContext } from '../context.js'

/** Register the routes on the app. (Being built: see docs/web-api.md.) */
export function registerPlannerApi(app: FastifyInstance, ctx: ApiContext): void {
  void app
  void ctx
}
