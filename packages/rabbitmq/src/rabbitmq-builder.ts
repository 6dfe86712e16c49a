import { checkCall, ResourceBuilder, type ContainerResource, type ResourceWithDataPath } from "@bosun/hosting";
import { RABBITMQ_MANAGEMENT_PORT, RABBITMQ_MANAGEMENT_SUFFIX, RABBITMQ_NODE_NAME } from "./rabbitmq-images.js";
import type { RabbitMQResource } from "./rabbitmq-resource.js";

/** Configures a RabbitMQ broker. */
export class RabbitMQBuilder extends ResourceBuilder<RabbitMQResource> {
  /**
   * Runs the `-management` image and exposes the management UI and HTTP API (`management` endpoint).
   * @example builder.addRabbitMQ("messaging").withManagementPlugin(15672)
   */
  withManagementPlugin(port?: number): this {
    checkCall(this.checked("withManagementPlugin", ".withManagementPlugin(15672)"), { "the host port": [port, "number?"] });
    const image = this.resource.lastAnnotationOf("container-image");
    if (image && !image.tag.endsWith(RABBITMQ_MANAGEMENT_SUFFIX)) image.tag += RABBITMQ_MANAGEMENT_SUFFIX;
    return this.withHttpEndpoint({ name: "management", targetPort: RABBITMQ_MANAGEMENT_PORT, port });
  }

  /**
   * Changes the image tag; with the management plugin on, the `-management` variant of that tag.
   * @example builder.addRabbitMQ("messaging").withManagementPlugin().withImageTag("4.1")
   */
  override withImageTag<B extends ResourceBuilder<ContainerResource>>(this: B, tag: string): B {
    const management = this.resource.annotationsOf("endpoint").some((e) => e.name === "management");
    const suffixed = management && !tag.endsWith(RABBITMQ_MANAGEMENT_SUFFIX) ? `${tag}${RABBITMQ_MANAGEMENT_SUFFIX}` : tag;
    return super.withImageTag.call(this, suffixed) as B;
  }

  /**
   * Keeps queues and messages in a named volume; fixes the node name so the data is found again.
   * @example builder.addRabbitMQ("messaging").withDataVolume()
   */
  override withDataVolume<B extends ResourceBuilder<ContainerResource & ResourceWithDataPath>>(this: B, name?: string): B {
    super.withDataVolume.call(this, name);
    this.resource.addAnnotation({ type: "environment", name: "RABBITMQ_NODENAME", value: RABBITMQ_NODE_NAME });
    return this;
  }
}
