import { cli } from "./published-reference.js";

/** Health of the running containers with `label`, keyed by the value of `serviceLabel` (prefix dropped). */
export async function containerHealth(label: string, serviceLabel: string, prefix = ""): Promise<Map<string, string>> {
  const ids = (await cli("docker", ["ps", "-q", "--filter", `label=${label}`])).split("\n").filter(Boolean);
  if (ids.length === 0) return new Map();
  const lines = await cli("docker", ["inspect", "--format", `{{index .Config.Labels "${serviceLabel}"}} {{if .State.Health}}{{.State.Health.Status}}{{end}}`, ...ids]);
  return new Map(lines.split("\n").filter(Boolean).map((line) => line.slice(prefix.length).split(" ") as [string, string]));
}
