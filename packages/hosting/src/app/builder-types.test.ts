import { describe, expectTypeOf, it } from "vitest";
import type { ConnectionStringResource } from "../model/connection-string-resource.js";
import type { ContainerResource } from "../model/container-resource.js";
import type { EndpointReference } from "../model/endpoint-reference.js";
import type { ExecutableResource } from "../model/executable-resource.js";
import type { NodeAppResource } from "../model/node-app-resource.js";
import type { ParameterResource } from "../model/parameter-resource.js";
import type { ResourceBuilder } from "../model/resource-builder.js";
import { defineExtension, type BuilderExtension } from "./builder-extension.js";
import { createBuilder, type DistributedApplicationBuilder } from "./distributed-application-builder.js";
import type { DistributedApplication } from "./distributed-application.js";

// Type tests: the `@ts-expect-error` lines are checked by `tsc -p tsconfig.json --noEmit`; the
// closures holding them are never called, so nothing runs against a half-built model.
const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
const container = builder.addContainer("web", "nginx").withHttpEndpoint({ targetPort: 80 });
const node = builder.addNodeApp("api", "../api", "src/index.ts").withHttpEndpoint({ env: "PORT" });
const executable = builder.addExecutable("worker", "python3", "../worker", ["main.py"]);
const npm = builder.addNpmApp("frontend", "../frontend", "dev");
const parameter = builder.addParameter("key", { secret: true });
const external = builder.addConnectionString("crm");

describe("the core builder's types", () => {
  it("returns a builder typed with the resource each add* method creates", () => {
    expectTypeOf(createBuilder).returns.toEqualTypeOf<DistributedApplicationBuilder>();
    expectTypeOf(container).toEqualTypeOf<ResourceBuilder<ContainerResource>>();
    expectTypeOf(node).toEqualTypeOf<ResourceBuilder<NodeAppResource>>();
    expectTypeOf(executable).toEqualTypeOf<ResourceBuilder<ExecutableResource>>();
    expectTypeOf(npm).toEqualTypeOf<ResourceBuilder<ExecutableResource>>();
    expectTypeOf(parameter).toEqualTypeOf<ResourceBuilder<ParameterResource>>();
    expectTypeOf(external).toEqualTypeOf<ResourceBuilder<ConnectionStringResource>>();
    expectTypeOf(builder.build()).toEqualTypeOf<DistributedApplication>();
  });

  it("keeps the concrete builder type through fluent calls", () => {
    expectTypeOf(node.withEnvironment("A", "1").withReference(container).waitFor(container)).toEqualTypeOf<ResourceBuilder<NodeAppResource>>();
    expectTypeOf(container.withImageTag("1").withVolume("v", "/v").withLifetime("persistent")).toEqualTypeOf<ResourceBuilder<ContainerResource>>();
    expectTypeOf(node.getEndpoint("http")).toEqualTypeOf<EndpointReference>();
  });

  it("accepts only the listed render-time values and lifetimes", () => {
    expectTypeOf(container.withLifetime).parameter(0).toEqualTypeOf<"session" | "persistent">();
    expectTypeOf(node.waitForCompletion).parameter(1).toEqualTypeOf<number | undefined>();
  });

  it("refuses calls a resource cannot honour", () => {
    const refused = () => {
      // @ts-expect-error a parameter has no environment
      parameter.withEnvironment("X", "1");
      // @ts-expect-error a parameter cannot wait for anything
      parameter.waitFor(container);
      // @ts-expect-error an external connection string has no environment
      external.withEnvironment("X", "1");
      // @ts-expect-error a parameter has neither connection string nor endpoint to reference
      node.withReference(parameter);
      // @ts-expect-error nor has the bare parameter resource
      node.withReference(parameter.resource);
      // @ts-expect-error a Node app has no image
      node.withImageTag("20-alpine");
      // @ts-expect-error a Node app has no image
      node.withImage("node:20");
      // @ts-expect-error an executable has no image registry
      executable.withImageRegistry("mirror.example.com");
      // @ts-expect-error an executable has no container name
      executable.withContainerName("w");
      // @ts-expect-error an executable has no volumes
      npm.withVolume("data", "/data");
      // @ts-expect-error an executable has no bind mounts
      executable.withBindMount("./x", "/x");
      // @ts-expect-error an executable is not kept across runs
      node.withLifetime("persistent");
      // @ts-expect-error a plain container has no well-known data path
      container.withDataVolume();
      // @ts-expect-error a parameter has no endpoint
      parameter.withHttpEndpoint();
      // @ts-expect-error a parameter has no arguments
      parameter.withArgs("--x");
      // @ts-expect-error a parameter has no health
      parameter.withHttpHealthCheck("/health");
      // @ts-expect-error the lifetime is one of two words
      container.withLifetime("forever");
      // @ts-expect-error a container builder is not a value; only parameters and connection-string resources are
      node.withEnvironment("KEY", container);
    };
    expectTypeOf(refused).toBeFunction();
  });

  it("types the methods an extension adds", () => {
    const mailpit = defineExtension("mailpit", (app) => ({
      addMailpit: (name: string) => app.addContainer(name, "axllent/mailpit").withHttpEndpoint({ targetPort: 8025 }),
    }));
    expectTypeOf(mailpit).toEqualTypeOf<BuilderExtension<{ addMailpit: (name: string) => ResourceBuilder<ContainerResource> }>>();
    const extended = createBuilder({ appHostDirectory: "/tmp/x/apphost" }).use(mailpit);
    expectTypeOf(extended.addMailpit).toEqualTypeOf<(name: string) => ResourceBuilder<ContainerResource>>();
    expectTypeOf(extended.addContainer).toEqualTypeOf<DistributedApplicationBuilder["addContainer"]>();
    const refused = () => {
      // @ts-expect-error a builder without the extension has no addMailpit
      createBuilder().addMailpit("mail");
    };
    expectTypeOf(refused).toBeFunction();
  });
});
