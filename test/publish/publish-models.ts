import path from "node:path";
import { createBuilder, expr, type DistributedApplication } from "bosun";
import { defineApp } from "../../apphost/app.js";
import { REPO_ROOT } from "../support/workspace-files.js";

/** The AppHost folder the publish tests' models live in (the reference AppHost's). */
export const APPHOST_DIRECTORY = path.join(REPO_ROOT, "apphost");

/** The reference e-commerce AppHost, named `shop` so files do not depend on the checkout's folder name. */
export function referenceApp(): DistributedApplication {
  const builder = createBuilder({ appHostDirectory: APPHOST_DIRECTORY, appName: "shop" });
  defineApp(builder);
  return builder.build();
}

/** A model using every feature publishing knows about, and some it cannot express. */
export function everyFeatureApp(): DistributedApplication {
  const builder = createBuilder({ appHostDirectory: APPHOST_DIRECTORY, appName: "features" });
  const region = builder.addParameter("region", { value: "eu-west-1" });
  const apiBase = builder.addParameter("api-base");
  const apiKey = builder.addParameter("api-key", { secret: true });
  const session = builder.addParameter("session-secret", { secret: true, generate: { minLength: 32 } });
  const crm = builder.addConnectionString("crm");
  const pg = builder.addPostgres("pg").withHostPort(15432).withContainerName("features-pg").withDataVolume().withInitFiles("./init");
  const db = pg.addDatabase("orders");
  pg.addDatabase("audit");
  const cache = builder.addRedis("cache").withDataVolume("cache-data");
  const broker = builder.addRabbitMQ("broker").withManagementPlugin(15673).withDataVolume();
  const migrate = builder.addContainer("migrate", "acme/migrate:1.2").withReference(db).waitFor(db).withArgs("up", "--to", expr`${region}`);
  const seed = builder.addContainer("seed", "acme/seed:1").waitForCompletion(migrate).withArgs("--key", apiKey);
  const web = builder
    .addContainer("web", "nginx:1.27")
    .withHttpEndpoint({ targetPort: 80, port: 8088 })
    .withVolume(undefined, "/var/cache/nginx")
    .withBindMount("./site", "/usr/share/nginx/html", { readOnly: true })
    .withEnvironment("PRICE", "costs $5")
    .withHealthCheck("warm", async () => {});
  const api = builder
    .addNodeApp("api", "../examples/ecommerce/auth-api", "src/index.ts")
    .withHttpEndpoint({ env: "PORT" })
    .withEndpoint({ name: "metrics", targetPort: 9464 })
    .withExternalHttpEndpoints()
    .withHttpHealthCheck("/health")
    .withReference(db)
    .withReference(cache)
    .withReference(broker)
    .withReference(crm)
    .withEnvironment("REGION", region)
    .withEnvironment("API_BASE", apiBase)
    .withEnvironment("API_KEY", apiKey)
    .withEnvironment("SESSION_SECRET", session)
    .waitFor(db)
    .waitFor(cache)
    .waitFor(broker)
    .waitForStart(web)
    .waitForCompletion(seed, 3);
  builder
    .addNpmApp("frontend", "../examples/ecommerce/frontend", "start")
    .withHttpEndpoint({ env: "PORT", port: 3000 })
    .withReference(api)
    .waitFor(api);
  // external too, on the container port api already publishes: the engine picks its host port
  builder.addNodeApp("worker", "../examples/ecommerce/gateway", "src/index.ts").withHttpEndpoint({ env: "PORT" }).withExternalHttpEndpoints();
  builder.addExecutable("docs", "make", ".", ["serve"]);
  return builder.build();
}
