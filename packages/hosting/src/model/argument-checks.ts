import { ValidationError } from "../errors/bosun-error.js";
import { currentCallSite } from "./call-site.js";
import { EndpointPropertyReference, EndpointReference } from "./endpoint-reference.js";
import { ReferenceExpression, UriEncoded } from "./expression.js";
import { ParameterResource } from "./parameter-resource.js";
import { Resource } from "./resource.js";

/**
 * A builder call being checked: the call as the message names it and a correct one, e.g.
 * `{ call: "resource 'api': .withStartupTimeout(…)", example: ".withStartupTimeout(120_000)" }`.
 */
export interface CallContext {
  readonly call: string;
  readonly example: string;
}

/** The JavaScript kinds a builder argument can be asked to have. */
export type ArgumentKind = "string" | "number" | "boolean" | "function" | "object" | "array" | "resource" | "parameter" | "value";

/** A kind, the same kind or nothing (`"number?"`), or the only strings allowed. */
export type ArgumentRule = ArgumentKind | `${ArgumentKind}?` | readonly string[];

const KINDS: Record<ArgumentKind, { readonly description: string; readonly test: (value: unknown) => boolean }> = {
  string: { description: "a string", test: (v) => typeof v === "string" },
  number: { description: "a number", test: (v) => typeof v === "number" },
  boolean: { description: "true or false", test: (v) => typeof v === "boolean" },
  function: { description: "a function", test: (v) => typeof v === "function" },
  object: { description: "an object", test: (v) => typeof v === "object" && v !== null && !Array.isArray(v) },
  array: { description: "an array", test: Array.isArray },
  resource: { description: "a resource or its builder (what builder.add…() returned)", test: (v) => resourceOf(v) !== undefined },
  parameter: { description: "a parameter's builder (what builder.addParameter(…) returned)", test: (v) => !(v instanceof Resource) && resourceOf(v) instanceof ParameterResource },
  value: { description: "a string, a number, a parameter, an endpoint or an expr`…`", test: isValue },
};

/**
 * Checks the arguments of a builder call before anything is recorded, and throws a
 * `ValidationError` naming the call, the argument, what it must be and a correct call.
 * @example checkCall({ call: "builder.addRedis(…)", example: 'builder.addRedis("cache")' }, { "the name": [name, "string"] })
 */
export function checkCall(context: CallContext, args: Readonly<Record<string, readonly [value: unknown, rule: ArgumentRule]>>): void {
  for (const [argument, [value, rule]] of Object.entries(args)) {
    if (!meets(value, rule)) throw callError(context, `expects ${argument} as ${describeRule(rule)}, got ${describeValue(value)}`);
  }
}

/**
 * Checks an options object: absent or an object, no key the call does not know (it would be
 * silently ignored), each known key by its rule.
 * @example checkOptions({ call: "builder.addRedis(…)", example: "{ port: 6380 }" }, options, { port: "number?", password: "parameter?" })
 */
export function checkOptions(context: CallContext, options: unknown, rules: Readonly<Record<string, ArgumentRule>>): void {
  if (options === undefined) return;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw callError(context, `expects its options as an object, got ${describeValue(options)}`);
  }
  const known = Object.keys(rules);
  const unknown = Object.keys(options).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw callError(context, `has no option ${unknown.map((k) => `'${k}'`).join(", ")} (it would be ignored); its options are ${known.map((k) => `'${k}'`).join(", ")}`);
  }
  const values = options as Record<string, unknown>;
  checkCall(context, Object.fromEntries(known.map((key) => [`option '${key}'`, [values[key], rules[key] ?? "value?"] as const])));
}

/** A call the builder cannot record: the error it throws at once, with the user's location. */
export function callError(context: CallContext, problem: string): ValidationError {
  const site = currentCallSite();
  const message = `${context.call} ${problem}; e.g. ${context.example}`;
  return new ValidationError([site ? { message, location: site.location, method: site.method } : { message }]);
}

/** `"30s" (a string)`, `[1,2] (an array)`: what the caller passed, for the message. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return String(value);
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) return `${shorten(JSON.stringify(value) ?? "[…]")} (an array)`;
  if (value instanceof Resource) return `resource '${value.name}'`;
  if (typeof value === "object") {
    const name = (value as { constructor?: { name?: string } }).constructor?.name;
    return name && name !== "Object" ? `a ${name}` : "an object";
  }
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return `${shorten(text)} (a ${typeof value})`;
}

function meets(value: unknown, rule: ArgumentRule): boolean {
  if (typeof rule !== "string") return typeof value === "string" && rule.includes(value);
  const optional = rule.endsWith("?");
  if (optional && value === undefined) return true;
  return KINDS[rule.replace("?", "") as ArgumentKind].test(value);
}

function describeRule(rule: ArgumentRule): string {
  if (typeof rule !== "string") return `one of ${rule.map((v) => JSON.stringify(v)).join(", ")}`;
  const kind = KINDS[rule.replace("?", "") as ArgumentKind].description;
  return rule.endsWith("?") ? `${kind} (or nothing)` : kind;
}

function resourceOf(value: unknown): Resource | undefined {
  if (value instanceof Resource) return value;
  const inner = typeof value === "object" && value !== null && "resource" in value ? value.resource : undefined;
  return inner instanceof Resource ? inner : undefined;
}

/** What an environment variable or argument can hold (see `ValueLike`). */
function isValue(value: unknown): boolean {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return true;
  if (value instanceof ParameterResource || value instanceof EndpointReference || value instanceof EndpointPropertyReference) return true;
  if (value instanceof ReferenceExpression || value instanceof UriEncoded) return true;
  if (typeof value !== "object" || value === null) return false;
  if ("connectionStringExpression" in value) return true;
  const inner = resourceOf(value);
  return inner instanceof ParameterResource || (inner !== undefined && "connectionStringExpression" in inner);
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
