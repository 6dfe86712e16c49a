import {
  createBuilder,
  createManifestResolver,
  createRuntimeResolver,
  imageReferenceOf,
  ParameterResource,
  renderEnvironment,
  staticRuntimeValues,
} from "@bosun/hosting";
import { describe, expect, it } from "vitest";
import { rabbitmq, RabbitMQResource, RABBITMQ_DATA_PATH } from "./index.js";

function newBuilder() {
  return createBuilder({ appHostDirectory: "/tmp/x/apphost" }).use(rabbitmq);
}

/** messaging published on 49672 (5672 inside its container). */
function shop(password = "pw") {
  const builder = newBuilder();
  const messaging = builder.addRabbitMQ("messaging");
  const runtime = staticRuntimeValues(
    {
      "messaging/tcp": { scheme: "tcp", hostPort: 49672, targetPort: 5672, containerHost: "messaging" },
      "messaging/management": { scheme: "http", hostPort: 49673, targetPort: 15672, containerHost: "messaging" },
    },
    { "messaging-password": password },
  );
  return { builder, messaging, runtime };
}

describe("addRabbitMQ", () => {
  it("adds the official image on 5672 with user guest and a generated secret password", () => {
    const { builder, messaging, runtime } = shop();
    expect(messaging.resource).toBeInstanceOf(RabbitMQResource);
    expect(imageReferenceOf(messaging.resource)).toBe("docker.io/library/rabbitmq:4.2");
    expect(messaging.resource.annotationsOf("endpoint").map(({ name, port, targetPort }) => ({ name, port, targetPort }))).toEqual([{ name: "tcp", port: undefined, targetPort: 5672 }]);
    expect(builder.resources.find((r) => r.name === "messaging-password")).toMatchObject({ secret: true, generate: { minLength: 22 } });
    expect(renderEnvironment(messaging.resource, createRuntimeResolver("container", runtime))).toEqual({ RABBITMQ_DEFAULT_USER: "guest", RABBITMQ_DEFAULT_PASS: "pw" });
    expect(messaging.resource.annotationsOf("health-check").map((a) => a.check.name)).toEqual(["amqp"]);
  });

  it("uses the user name, password and port it is given", () => {
    const builder = newBuilder();
    const userName = builder.addParameter("mq-user");
    const password = builder.addParameter("mq-pass", { secret: true });
    const messaging = builder.addRabbitMQ("messaging", { userName, password, port: 5673 });
    expect(messaging.resource.userName).toBe(userName.resource);
    expect(messaging.resource.password).toBe(password.resource);
    expect(messaging.resource.annotationsOf("endpoint")[0]?.port).toBe(5673);
    expect(builder.resources.filter((r) => r instanceof ParameterResource).map((r) => r.name)).toEqual(["mq-user", "mq-pass"]);
  });
});

describe("withManagementPlugin", () => {
  it("switches to the -management image and adds the management endpoint on 15672", () => {
    const { messaging } = shop();
    messaging.withManagementPlugin(15673);
    expect(imageReferenceOf(messaging.resource)).toBe("docker.io/library/rabbitmq:4.2-management");
    expect(messaging.resource.annotationsOf("endpoint").map(({ name, scheme, port, targetPort }) => ({ name, scheme, port, targetPort }))).toEqual([
      { name: "tcp", scheme: "tcp", port: undefined, targetPort: 5672 },
      { name: "management", scheme: "http", port: 15673, targetPort: 15672 },
    ]);
  });

  it("keeps the -management suffix once when the tag already has it", () => {
    const { messaging } = shop();
    messaging.withImageTag("4.1-management").withManagementPlugin();
    expect(imageReferenceOf(messaging.resource)).toBe("docker.io/library/rabbitmq:4.1-management");
  });
});

describe("withDataVolume", () => {
  it("mounts a data volume and fixes the node name so the data is found again", () => {
    const { builder, messaging, runtime } = shop();
    messaging.withDataVolume();
    expect(messaging.resource.annotationsOf("mount")).toEqual([
      { type: "mount", kind: "volume", source: `x-${builder.appHost.id}-messaging-data`, target: RABBITMQ_DATA_PATH, readOnly: false },
    ]);
    expect(renderEnvironment(messaging.resource, createRuntimeResolver("container", runtime)).RABBITMQ_NODENAME).toBe("rabbit@localhost");
  });
});

describe("withReference to RabbitMQ", () => {
  it("injects amqp://user:password@localhost:<host port> and its parts for a host process", () => {
    const { builder, messaging, runtime } = shop();
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withReference(messaging.withManagementPlugin());
    expect(renderEnvironment(api.resource, createRuntimeResolver("host", runtime))).toEqual({
      ConnectionStrings__messaging: "amqp://guest:pw@localhost:49672",
      MESSAGING_HOST: "localhost",
      MESSAGING_PORT: "49672",
      MESSAGING_USERNAME: "guest",
      MESSAGING_PASSWORD: "pw",
      MESSAGING_URI: "amqp://guest:pw@localhost:49672",
    });
  });

  it("injects the broker's name and port 5672 for a container on the app network", () => {
    const { builder, messaging, runtime } = shop();
    const worker = builder.addContainer("worker", "acme/worker").withReference(messaging);
    expect(renderEnvironment(worker.resource, createRuntimeResolver("container", runtime))).toEqual({
      ConnectionStrings__messaging: "amqp://guest:pw@messaging:5672",
      MESSAGING_HOST: "messaging",
      MESSAGING_PORT: "5672",
      MESSAGING_USERNAME: "guest",
      MESSAGING_PASSWORD: "pw",
      MESSAGING_URI: "amqp://guest:pw@messaging:5672",
    });
  });

  it("percent-encodes a password with @ and / in the URI", () => {
    const { builder, messaging, runtime } = shop("m@q/1");
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withReference(messaging);
    const env = renderEnvironment(api.resource, createRuntimeResolver("host", runtime));
    expect(env.ConnectionStrings__messaging).toBe("amqp://guest:m%40q%2F1@localhost:49672");
    expect(env.MESSAGING_PASSWORD).toBe("m@q/1");
  });

  it("writes placeholders into the manifest", () => {
    const { builder, messaging } = shop();
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withReference(messaging);
    expect(renderEnvironment(api.resource, createManifestResolver()).ConnectionStrings__messaging).toBe(
      "amqp://guest:{messaging-password.value}@{messaging.bindings.tcp.host}:{messaging.bindings.tcp.port}",
    );
  });
});

describe("withImageTag after withManagementPlugin", () => {
  it("keeps the management variant of the new tag", () => {
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" }).use(rabbitmq);
    const broker = builder.addRabbitMQ("messaging").withManagementPlugin().withImageTag("4.1");
    expect(imageReferenceOf(broker.resource)).toBe("docker.io/library/rabbitmq:4.1-management");
  });
});
