import { Command, CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { addDashboardOptions, dashboardFlagsOf } from "./dashboard-flags.js";

function parse(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const command = addDashboardOptions(new Command("run").exitOverride().configureOutput({ writeErr: () => {} }));
  command.parse([...args], { from: "user" });
  return dashboardFlagsOf(command.opts(), env);
}

describe("run's dashboard flags", () => {
  it("serve the dashboard by default, secured, on the default port", () => {
    expect(parse([])).toEqual({ dashboard: true, dashboardUnsecured: false });
  });

  it("read --no-dashboard, --dashboard-port, --dashboard-unsecured and --dashboard-log-lines", () => {
    expect(parse(["--no-dashboard"]).dashboard).toBe(false);
    expect(parse(["--dashboard-port", "9000", "--dashboard-unsecured", "--dashboard-log-lines", "500"])).toEqual({ dashboard: true, dashboardPort: 9000, dashboardUnsecured: true, dashboardLogLines: 500 });
  });

  it("take BOSUN_DASHBOARD_PORT and BOSUN_DASHBOARD_UNSECURED from the environment, the flag first", () => {
    expect(parse([], { BOSUN_DASHBOARD_PORT: "9100", BOSUN_DASHBOARD_UNSECURED: "true" })).toMatchObject({ dashboardPort: 9100, dashboardUnsecured: true });
    expect(parse(["--dashboard-port", "9000"], { BOSUN_DASHBOARD_PORT: "9100" }).dashboardPort).toBe(9000);
    expect(() => parse([], { BOSUN_DASHBOARD_PORT: "http" })).toThrow("BOSUN_DASHBOARD_PORT takes a whole number from 0 to 65535, not 'http'");
  });

  it("refuse a port or line count that is not a whole number in range, naming the flag", () => {
    expect(() => parse(["--dashboard-port", "70000"])).toThrow(CommanderError);
    expect(() => parse(["--dashboard-port", "70000"])).toThrow("--dashboard-port takes a whole number from 0 to 65535, not '70000'");
    expect(() => parse(["--dashboard-log-lines", "0"])).toThrow("--dashboard-log-lines takes a whole number from 1");
  });
});
