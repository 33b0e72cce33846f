/** Entry point of the dashboard. */
import './styles.css'
// The forms' styles stay in the main stylesheet (some classes are shared with the first pages).
import './pages/extra.css'
import { start } from './app'
import { registerRoutes } from './router'
import { allRoutes } from './pages/index'

registerRoutes(allRoutes)
void start()
