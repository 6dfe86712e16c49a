// The large model the model and publish benches share: groups of a PostgreSQL server and database,
// a Redis, a container and Node apps that use them and the previous group's apps (a DAG).
import type { AppBuilder } from "bosun";

const APPS_PER_GROUP = 4;
/** Resources one group adds: postgres password + server + database, redis password + server, a container, the Node apps. */
const RESOURCES_PER_GROUP = 3 + 2 + 1 + APPS_PER_GROUP;

type NodeAppBuilder = ReturnType<AppBuilder["addNodeApp"]>;

/** Adds `resourceCount` resources (a multiple of 10) to the builder; `appSource(i)` is the i-th app's folder. */
export function addLargeModel(builder: AppBuilder, resourceCount: number, appSource: (app: number) => string): void {
  let previous: NodeAppBuilder[] = [];
  for (let group = 0; group < resourceCount / RESOURCES_PER_GROUP; group += 1) previous = addGroup(builder, group, previous, appSource);
  if (builder.resources.length !== resourceCount) throw new Error(`built ${builder.resources.length} resources, expected ${resourceCount}`);
}

function addGroup(builder: AppBuilder, group: number, previousApps: readonly NodeAppBuilder[], appSource: (app: number) => string): NodeAppBuilder[] {
  const db = builder.addPostgres(`pg-${group}`).withDataVolume().addDatabase(`db-${group}`);
  const cache = builder.addRedis(`cache-${group}`).withHostPort(20_000 + group);
  const search = builder.addContainer(`search-${group}`, "opensearchproject/opensearch:2").withHttpEndpoint({ targetPort: 9200 });
  return Array.from({ length: APPS_PER_GROUP }, (_, i) => {
    const app = builder
      .addNodeApp(`api-${group}-${i}`, appSource(i), "src/index.ts")
      .withHttpEndpoint({ env: "PORT" })
      .withHttpHealthCheck("/health")
      .withReference(db)
      .withReference(cache)
      .withReference(search)
      .waitFor(db)
      .waitFor(cache)
      .waitForStart(search);
    const upstream = previousApps[i];
    if (upstream) app.withReference(upstream).waitFor(upstream);
    return app;
  });
}
