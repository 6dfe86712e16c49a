import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";

const SCHEMAS = new URL("../fixtures/schemas/", import.meta.url);

/** A Go duration as docker/cli accepts it (`2s`, `1m30s`, `500ms`). */
const DURATION = /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/;
/** docker/cli's `ports` / `expose` formats: `[ip:][host[-range]:]container[-range][/proto]`. */
const PORTS = /^((\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?((\d+(-\d+)?)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/;

function readSchema(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(file, SCHEMAS), "utf8")) as Record<string, unknown>;
}

/** Draft-04's `id` keywords are names only here (every `$ref` is a JSON pointer); ajv 8 reads draft-07. */
function dropDraft04Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(dropDraft04Ids);
  if (typeof node !== "object" || node === null) return node;
  return Object.fromEntries(Object.entries(node).filter(([key]) => key !== "id" && key !== "$schema").map(([key, value]) => [key, dropDraft04Ids(value)]));
}

function compile(schema: Record<string, unknown>): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat("duration", DURATION);
  ajv.addFormat("ports", (value: string) => PORTS.test(value));
  ajv.addFormat("expose", (value: string) => PORTS.test(value));
  return ajv.compile(schema);
}

let compose: ValidateFunction | undefined;
let stack: ValidateFunction | undefined;

/** The Compose Specification's schema (compose-spec/compose-spec). */
export function validateCompose(document: unknown): readonly ErrorObject[] {
  // its `$schema` names draft-07 by an https address ajv does not know; ajv's default is draft-07
  compose ??= compile({ ...readSchema("compose-spec.json"), $schema: undefined });
  return compose(document) ? [] : (compose.errors ?? []);
}

/** docker/cli's v3.8 schema, what `docker stack deploy` checks a `version: "3.8"` file against. */
export function validateStack(document: unknown): readonly ErrorObject[] {
  stack ??= compile(dropDraft04Ids(readSchema("config_schema_v3.8.json")) as Record<string, unknown>);
  return stack(document) ? [] : (stack.errors ?? []);
}
