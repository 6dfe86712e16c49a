import type { ComponentChildren } from "preact";
import type { ResourceDetails } from "../../protocol.js";
import { formatTime } from "../shell/format.js";
import { hrefOf } from "../shell/router.js";
import { SecretValue } from "./secret-value.js";

function Section({ title, empty, children }: { readonly title: string; readonly empty: boolean; readonly children: ComponentChildren }) {
  return (
    <section class="section" aria-label={title}>
      <h2>{title}</h2>
      {empty ? <p class="empty">None</p> : children}
    </section>
  );
}

function Table({ head, rows }: { readonly head: readonly string[]; readonly rows: readonly ComponentChildren[][] }) {
  return (
    <table class="pairs">
      <thead>
        <tr>
          {head.map((cell) => (
            <th scope="col">{cell}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells) => (
          <tr>
            {cells.map((cell) => (
              <td>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const links = (names: readonly string[]) => names.map((name) => <a href={hrefOf({ page: "resource", name })}>{name}</a>);

/** The sections of the details page, values masked unless `revealed`. */
export function DetailsSections({ details, revealed }: { readonly details: ResourceDetails; readonly revealed: boolean }) {
  const properties = [
    { name: "Kind", value: details.kind },
    ...(details.source ? [{ name: "Source", value: details.source }] : []),
    { name: "Restarts", value: String(details.restarts) },
    ...(details.exitCode !== undefined ? [{ name: "Exit code", value: String(details.exitCode) }] : []),
    ...details.properties,
  ];
  return (
    <>
      <Section title="Properties" empty={false}>
        <Table head={["Name", "Value"]} rows={properties.map((p) => [p.name, <code>{p.value}</code>])} />
      </Section>
      {details.connectionString && (
        <Section title="Connection string" empty={false}>
          <SecretValue value={details.connectionString.value} secret revealed={revealed} />
        </Section>
      )}
      <Section title="Environment" empty={details.environment.length === 0}>
        <Table head={["Name", "Value"]} rows={details.environment.map((e) => [<code>{e.name}</code>, <SecretValue value={e.value} secret={e.secret} revealed={revealed} />])} />
      </Section>
      <Section title="Endpoints" empty={details.endpoints.length === 0}>
        <Table head={["Name", "URL"]} rows={details.endpoints.map((e) => [e.name, <a href={e.url} target="_blank" rel="noreferrer noopener">{e.url}</a>])} />
      </Section>
      <Section title="Volumes" empty={details.volumes.length === 0}>
        <Table head={["Source", "Target", "Mode"]} rows={details.volumes.map((v) => [<code>{v.source}</code>, <code>{v.target}</code>, v.readOnly ? "read-only" : "read-write"])} />
      </Section>
      <Section title="Health checks" empty={details.healthChecks.length === 0}>
        <Table
          head={["Check", "Last result", "Reason", "At"]}
          rows={details.healthChecks.map((h) => [h.name, h.lastResult ?? "not run yet", h.lastReason ?? "", formatTime(h.lastAt)])}
        />
      </Section>
      <Section title="References" empty={details.references.length === 0}>
        <p class="relations">{links(details.references)}</p>
      </Section>
      <Section title="Dependents" empty={details.dependents.length === 0}>
        <p class="relations">{links(details.dependents)}</p>
      </Section>
    </>
  );
}
