/** Entry point of the dashboard. */
import './styles.css'
import { start } from './app'
import { registerRoutes } from './router'
import { allRoutes } from './pages/index'

registerRoutes(allRoutes)
void start()
