// npm run build (after tsc -b): bundles the dashboard's page into packages/hosting/dashboard-ui/.
import { fileURLToPath } from "node:url";
import { buildDashboardUi } from "./lib/build-dashboard-ui.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
console.log(`dashboard ui: ${await buildDashboardUi(ROOT)}`);
