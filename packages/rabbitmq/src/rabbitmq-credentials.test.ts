import { createBuilder, isPermanentProbeError } from "@bosun/hosting";
import { describe, expect, it } from "vitest";
import { problemsOf } from "../../../test/support/validation-problems.js";
import { rabbitmq } from "./index.js";
import { rabbitMQProbeError } from "./rabbitmq-credentials.js";

function newBuilder() {
  return createBuilder({ appHostDirectory: "/tmp/shop/apphost", appName: "shop" }).use(rabbitmq);
}

describe("RabbitMQ credentials set by hand", () => {
  it("refuses RABBITMQ_DEFAULT_USER and RABBITMQ_DEFAULT_PASS set with withEnvironment, naming the options to use instead", () => {
    const builder = newBuilder();
    builder.addRabbitMQ("messaging").withEnvironment("RABBITMQ_DEFAULT_USER", "shop").withEnvironment("RABBITMQ_DEFAULT_PASS", "s3cret");
    expect(problemsOf(() => builder.build())).toEqual([
      `resource 'messaging' sets RABBITMQ_DEFAULT_USER by hand, but its connection strings and probes would not use it; pass it as an option instead: builder.addRabbitMQ("messaging", { userName: builder.addParameter("messaging-user") })`,
      `resource 'messaging' sets RABBITMQ_DEFAULT_PASS by hand, but its connection strings and probes would not use it; pass it as an option instead: builder.addRabbitMQ("messaging", { password: builder.addParameter("messaging-password", { secret: true }) })`,
    ]);
  });

  it("refuses another default virtual host than the '/' its connection strings use", () => {
    const builder = newBuilder();
    builder.addRabbitMQ("messaging").withEnvironment("RABBITMQ_DEFAULT_VHOST", "shop");
    expect(problemsOf(() => builder.build())).toEqual([
      "resource 'messaging' sets RABBITMQ_DEFAULT_VHOST by hand, but its connection strings use the virtual host '/'; remove it, and create other virtual hosts from your app or a definitions file",
    ]);
  });

  it("accepts the same credentials given as options", () => {
    const builder = newBuilder();
    const userName = builder.addParameter("mq-user", { value: "shop" });
    const password = builder.addParameter("mq-password", { secret: true });
    builder.addRabbitMQ("messaging", { userName, password }).withEnvironment("RABBITMQ_DEFAULT_USER", userName).withEnvironment("RABBITMQ_DEFAULT_VHOST", "/");
    expect(() => builder.build()).not.toThrow();
  });
});

describe("a RabbitMQ probe error", () => {
  it("is permanent for ACCESS_REFUSED, naming the data volume that keeps the old user", () => {
    const messaging = newBuilder().addRabbitMQ("messaging").withDataVolume("shop-mq");
    const answer = 'Handshake terminated by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN."';
    const error = rabbitMQProbeError(new Error(answer), messaging.resource, messaging.appHost) as Error;
    expect(isPermanentProbeError(error)).toBe(true);
    expect(error.message).toContain(`resource 'messaging' rejected the credentials of its connection string (${answer}): its data volume 'shop-mq' was initialised with other credentials`);
    expect(error.message).toContain("(or set Parameters__messaging-password), or remove the volume and all its data with `down --volumes`");
  });

  it("is left as it is when a later try may pass", () => {
    const messaging = newBuilder().addRabbitMQ("messaging");
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5672"), { code: "ECONNREFUSED" });
    expect(rabbitMQProbeError(refused, messaging.resource, messaging.appHost)).toBe(refused);
  });
});
