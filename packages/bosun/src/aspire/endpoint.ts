import { EndpointReference, type EndpointProperty, type ExpressionValue } from "@bosun/hosting";
import { property, type AspireProperty } from "./properties.js";
import { AspireReferenceExpression, type HasNativeValue } from "./reference-expression.js";
import { expr } from "@bosun/hosting";

/**
 * Aspire's EndpointReference on bosun's: in `refExpr` or `withEnvironment` it renders as the URL
 * for where it is used; its property getters give expressions (`await endpoint.url.get()`
 * renders as the manifest does before the app runs).
 */
export class AspireEndpoint implements HasNativeValue {
  readonly aspireKind = "endpoint";
  readonly url: AspireProperty<string>;
  readonly host: AspireProperty<string>;
  readonly port: AspireProperty<string>;
  readonly scheme: AspireProperty<string>;
  readonly targetPort: AspireProperty<string>;
  readonly endpointName: AspireProperty<string>;
  /** bosun's endpoints serve no TLS. */
  readonly tlsEnabled: AspireProperty<boolean> = property(() => false);

  constructor(readonly reference: EndpointReference) {
    const part = (name: EndpointProperty) => property(() => new AspireReferenceExpression(expr`${reference.property(name)}`).toString());
    this.url = part("url");
    this.host = part("host");
    this.port = part("port");
    this.scheme = part("scheme");
    this.targetPort = part("targetPort");
    this.endpointName = property(() => reference.endpointName);
  }

  nativeValue(): ExpressionValue {
    return this.reference.url;
  }

  /** One part of the endpoint as an expression (Aspire's EndpointReference.property). */
  property(name: EndpointProperty): AspireReferenceExpression {
    return new AspireReferenceExpression(expr`${this.reference.property(name)}`);
  }
}
