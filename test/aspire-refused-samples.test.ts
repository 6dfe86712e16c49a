import { aspireApiDecision } from "bosun/aspire";
import { describe, expect, it } from "vitest";
import { runSample, sampleEnvironment } from "./support/aspire-sample.js";

// Aspire's playground TypeScript AppHosts that use what bosun cannot honour (test/fixtures/aspire,
// see each NOTICE), run unchanged but for their import line with `npx tsx apphost.ts`: each stops
// at its first such call, with the message that names the Aspire API, the reason and what to use
// instead, before anything starts (so no engine is needed).

/** Each sample and the first call of it that bosun refuses. */
const REFUSED: readonly (readonly [string, string])[] = [
  ["Aspire.Hosting.Azure.AppConfiguration", "addAzureAppConfiguration"],
  ["Aspire.Hosting.Azure.AppContainers", "addAzureContainerAppEnvironment"],
  ["Aspire.Hosting.Azure.AppService", "addAzureApplicationInsights"],
  ["Aspire.Hosting.Azure.ApplicationInsights", "addAzureApplicationInsights"],
  ["Aspire.Hosting.Azure.CognitiveServices", "addAzureOpenAI"],
  ["Aspire.Hosting.Azure.ContainerRegistry", "addAzureContainerRegistry"],
  ["Aspire.Hosting.Azure.CosmosDB", "addAzureCosmosDB"],
  ["Aspire.Hosting.Azure.EventHubs", "addAzureEventHubs"],
  ["Aspire.Hosting.Azure.Functions", "addAzureFunctionsProject"],
  ["Aspire.Hosting.Azure.KeyVault", "addAzureKeyVault"],
  ["Aspire.Hosting.Azure.Kusto", "addAzureKustoCluster"],
  ["Aspire.Hosting.Azure.OperationalInsights", "addAzureLogAnalyticsWorkspace"],
  ["Aspire.Hosting.Azure.PostgreSQL", "addAzurePostgresFlexibleServer"],
  ["Aspire.Hosting.Azure.Redis", "addAzureKeyVault"],
  ["Aspire.Hosting.Azure.Search", "addAzureSearch"],
  ["Aspire.Hosting.Azure.ServiceBus", "addAzureServiceBus"],
  ["Aspire.Hosting.Azure.SignalR", "addAzureSignalR"],
  ["Aspire.Hosting.Azure.Sql", "addAzureStorage"],
  ["Aspire.Hosting.Azure.Storage", "addAzureStorage"],
  ["Aspire.Hosting.Azure.WebPubSub", "addAzureWebPubSub"],
  ["Aspire.Hosting.Azure", "addAzureProvisioning"],
  ["Aspire.Hosting.DevTunnels", "addDevTunnel"],
  ["Aspire.Hosting.Docker", "withProperties"],
  ["Aspire.Hosting.Foundry", "addFoundry"],
  ["Aspire.Hosting.Garnet", "addGarnet"],
  ["Aspire.Hosting.GitHub.Models", "addGitHubModel"],
  ["Aspire.Hosting.Kafka", "addKafka"],
  ["Aspire.Hosting.Keycloak", "addKeycloak"],
  ["Aspire.Hosting.Kubernetes", "addKubernetesEnvironment"],
  ["Aspire.Hosting.Maui", "addMauiProject"],
  ["Aspire.Hosting.Milvus", "addMilvus"],
  ["Aspire.Hosting.MongoDB", "addMongoDB"],
  ["Aspire.Hosting.MySql", "addMySql"],
  ["Aspire.Hosting.Nats", "addNats"],
  ["Aspire.Hosting.OpenAI", "addOpenAI"],
  ["Aspire.Hosting.Oracle", "addOracle"],
  ["Aspire.Hosting.Python", "withVirtualEnvironment"],
  ["Aspire.Hosting.Qdrant", "addQdrant"],
  ["Aspire.Hosting.Seq", "addSeq"],
  ["Aspire.Hosting.SqlServer", "addSqlServer"],
  ["Aspire.Hosting.Valkey", "addValkey"],
  ["Aspire.Hosting.Yarp", "addParameterFromConfiguration"],
  ["Aspire.Hosting", "addDockerfile"],
  ["RpsArena", "addCSharpApp"],
  ["AzureFunctionsSample", "addAzureStorage"],
];

describe.concurrent("samples that use what bosun cannot run", () => {
  it.each(REFUSED)("%s stops at %s, naming it, the reason and what to use instead", { timeout: 60_000 }, async (sample, api) => {
    const decision = aspireApiDecision(api);
    if (decision?.status !== "refused") throw new Error(`${api} is not refused in the catalog`);
    const run = runSample(sample, ["run", "--no-dashboard"], sampleEnvironment());
    expect(await run.exited, run.output()).toBe(1);
    expect(run.output()).toContain(`error: Aspire's ${api}() is not supported by bosun: ${decision.reason}; ${decision.instead}\n`);
    expect(run.output()).not.toContain("resources healthy");
  });

  it("Aspire.Hosting.PostgreSQL stops at withDataBindMount's isReadOnly option (after withPgWeb and the other data mounts)", { timeout: 60_000 }, async () => {
    const run = runSample("Aspire.Hosting.PostgreSQL", ["run", "--no-dashboard"], sampleEnvironment());
    expect(await run.exited, run.output()).toBe(1);
    expect(run.output()).toContain(
      "error: Aspire's withDataBindMount(…, { isReadOnly: true }) is not supported by bosun: a server's data folder is written to; leave isReadOnly out, or use withBindMount(source, target, { isReadOnly: true }) for other files\n",
    );
  });

  it("Aspire.Hosting.Orleans stops at addConnectionString's environmentVariableName option", { timeout: 60_000 }, async () => {
    const run = runSample("Aspire.Hosting.Orleans", ["run", "--no-dashboard"], sampleEnvironment());
    expect(await run.exited, run.output()).toBe(1);
    expect(run.output()).toContain(
      "error: Aspire's addConnectionString(…, { environmentVariableName }) is not supported by bosun: bosun reads ConnectionStrings__<name>; set ConnectionStrings__<name> in the environment\n",
    );
  });
});
