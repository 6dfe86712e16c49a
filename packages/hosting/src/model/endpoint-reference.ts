import type { Resource } from "./resource.js";

/** The parts of an endpoint a value can name. `url` is `scheme://host:port`. */
export type EndpointProperty = "url" | "host" | "port" | "targetPort" | "scheme" | "hostAndPort";

/** Points at one named endpoint of a resource; its address is known only at run time. */
export class EndpointReference {
  constructor(
    readonly resource: Resource,
    readonly endpointName: string,
  ) {}

  /** One part of the endpoint, e.g. `endpoint.property("port")` inside an `expr`. */
  property(name: EndpointProperty): EndpointPropertyReference {
    return new EndpointPropertyReference(this, name);
  }

  get url(): EndpointPropertyReference {
    return this.property("url");
  }

  get host(): EndpointPropertyReference {
    return this.property("host");
  }

  get port(): EndpointPropertyReference {
    return this.property("port");
  }
}

/** One part (host, port, url, …) of an endpoint. */
export class EndpointPropertyReference {
  constructor(
    readonly endpoint: EndpointReference,
    readonly property: EndpointProperty,
  ) {}
}
