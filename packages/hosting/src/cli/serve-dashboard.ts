import type { DistributedApplication } from "../app/distributed-application.js";
import type { RunningApp } from "../app/running-app.js";
import { DEFAULT_DASHBOARD_PORT } from "../dashboard/dashboard-defaults.js";
import type { LogStore } from "../dashboard/log-store.js";
import { startDashboard, type Dashboard } from "../dashboard/server/dashboard-server.js";
import { describeError } from "../errors/describe-error.js";
import type { DashboardFlags } from "./dashboard-flags.js";

/**
 * Starts the dashboard for `run` and says where it is; a dashboard that cannot start is reported
 * and the app runs on without it.
 */
export async function serveDashboard(
  application: DistributedApplication,
  app: RunningApp,
  store: LogStore,
  flags: DashboardFlags,
  say: (message: string) => void,
): Promise<Dashboard | undefined> {
  const asked = flags.dashboardPort ?? DEFAULT_DASHBOARD_PORT;
  try {
    const dashboard = await startDashboard({ app, model: application.resources, store, port: asked, unsecured: flags.dashboardUnsecured === true });
    if (dashboard.fellBack) say(`dashboard: port ${asked} is taken, serving on ${dashboard.port} instead (choose one with --dashboard-port)`);
    if (flags.dashboardUnsecured) say("dashboard: WARNING: unsecured (--dashboard-unsecured): any program or user on this machine can see secrets and stop resources");
    say(`dashboard: ${dashboard.loginUrl}`);
    return dashboard;
  } catch (error) {
    say(`dashboard: could not start (${describeError(error)}); the app runs without it (--dashboard-port N picks another port)`);
    return undefined;
  }
}

