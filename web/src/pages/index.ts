/**
 * Every page of the dashboard, in one place. To add a page: write `web/src/pages/<name>.ts`
 * exporting `routes: Route[]`, then add it here (see web/README.md).
 */
import type { Route } from '../router'
import { routes as admin } from './admin'
import { routes as login } from './login'
import { routes as overview } from './overview'
import { routes as planner } from './planner'
import { routes as procedures } from './procedures'
import { routes as ranking } from './ranking'
import { routes as targets } from './targets'
import { routes as trace } from './trace'
import { routes as unit } from './unit'

export const allRoutes: Route[] = [...login, ...overview, ...ranking, ...unit, ...trace, ...procedures, ...targets, ...planner, ...admin]
