/**
 * @module adapters/http/web/register-web
 * The dashboard's static files at /. Owner: dashboard work.
 */
import type { FastifyInstance } from 'fastify'
import type { ApiContext } from '../context.js'

/** Register the routes on the app. (Being built: see docs/web-api.md.) */
export function registerWeb(app: FastifyInstance, ctx: ApiContext): void {
  void app
  void ctx
}
