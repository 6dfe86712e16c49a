import { cli } from "./published-reference.js";

/** What `docker swarm init` changes, so a test can put the engine back as it found it. */
export interface SwarmState {
  readonly wasActive: boolean;
  readonly hadGatewayBridge: boolean;
}

const GATEWAY_BRIDGE = "docker_gwbridge";

/** Makes this engine a one-node swarm (advertised on 127.0.0.1) unless it already is one. */
export async function joinSwarm(): Promise<SwarmState> {
  const wasActive = (await cli("docker", ["info", "--format", "{{.Swarm.LocalNodeState}}"])).trim() === "active";
  const hadGatewayBridge = await cli("docker", ["network", "inspect", GATEWAY_BRIDGE]).then(() => true, () => false);
  if (!wasActive) await cli("docker", ["swarm", "init", "--advertise-addr", "127.0.0.1"]);
  return { wasActive, hadGatewayBridge };
}

/**
 * Removes the stack and waits until its containers and networks are gone, removes its volumes,
 * then leaves the swarm and removes the bridge `swarm init` made, if this test made them.
 */
export async function removeStackAndLeave(stack: string, state: SwarmState | undefined): Promise<void> {
  const label = `com.docker.stack.namespace=${stack}`;
  await cli("docker", ["stack", "rm", stack]).catch(() => "");
  const deadline = Date.now() + 120_000;
  for (;;) {
    const left = (await cli("docker", ["ps", "-aq", "--filter", `label=${label}`])) + (await cli("docker", ["network", "ls", "-q", "--filter", `label=${label}`]));
    if (left.trim() === "" || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const volumes = (await cli("docker", ["volume", "ls", "-q", "--filter", `label=${label}`])).split("\n").filter(Boolean);
  if (volumes.length > 0) await cli("docker", ["volume", "rm", ...volumes]);
  if (state && !state.wasActive) {
    await cli("docker", ["swarm", "leave", "--force"]).catch(() => "");
    if (!state.hadGatewayBridge) await cli("docker", ["network", "rm", GATEWAY_BRIDGE]).catch(() => "");
  }
}
