/**
 * @module adapters/http/auth/auth-routes
 * Sessions (login/logout), the session hook that sets Access on every /api request, CSRF check, accounts, audit, imports and feed-key routes. Owner: accounts work.
 */
import type { FastifyInstance } from 'fastify'
import type { ApiContext } from '../context.js'

/** Register the routes on the app. (Being built: see docs/web-api.md.) */
export function registerAuth(app: FastifyInstance, ctx: ApiContext): void {
  void app
  void ctx
}
