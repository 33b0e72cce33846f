/**
 * Every page of the dashboard, in one place. To add a page: write `web/src/pages/<name>.ts`
 * exporting `routes: Route[]`, then add it here (see web/README.md).
 *
 * The pages a user needs first (login, overview, ranking, unit, drill-down, procedures) ship in the
 * main script; the heavier forms (directive targets, planner, administration) are loaded on first
 * use, like the trend chart, so a slow office PC parses less before the overview appears. Their
 * route list below (path, title, menu entry) must match the module's own `routes`: the lazy route
 * checks it when the module arrives and says so in the page if it does not.
 */
import type { Route, RouteContext } from '../router'
import { routes as login } from './login'
import { routes as overview } from './overview'
import { routes as procedures } from './procedures'
import { routes as ranking } from './ranking'
import { routes as trace } from './trace'
import { routes as unit } from './unit'

type RouteInfo = Omit<Route, 'render'>

/** Routes whose module is imported when one of them is first shown. */
function lazy(load: () => Promise<{ routes: Route[] }>, infos: RouteInfo[]): Route[] {
  let module: Promise<{ routes: Route[] }> | null = null
  return infos.map((info) => ({
    ...info,
    async render(ctx: RouteContext) {
      module ??= load()
      const real = (await module).routes.find((r) => r.path === info.path)
      if (!real || real.title !== info.title || real.nav !== info.nav || !!real.adminOnly !== !!info.adminOnly) {
        throw new Error(`Trang ${info.path} không khớp khai báo trong pages/index.ts`)
      }
      return real.render(ctx)
    },
  }))
}

const targets = lazy(() => import('./targets'), [
  { path: '/targets', title: 'Chỉ tiêu chỉ đạo', nav: 'targets' },
  { path: '/targets/:id', title: 'Chỉ tiêu chỉ đạo', nav: 'targets' },
])
const planner = lazy(() => import('./planner'), [{ path: '/plan/:code', title: 'Kế hoạch cải thiện', nav: 'plan' }])
// Not `adminOnly`: the page itself says "không có quyền" (and the API refuses anyway).
const admin = lazy(() => import('./admin'), [{ path: '/admin', title: 'Quản trị', nav: 'admin' }])

export const allRoutes: Route[] = [...login, ...overview, ...ranking, ...unit, ...trace, ...procedures, ...targets, ...planner, ...admin]
