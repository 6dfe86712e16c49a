import path from "node:path";
import type { RestoreReport } from "../snapshot/restore-snapshot.js";
import type { SnapshotListing } from "../snapshot/list-snapshots.js";
import { bytesOf, formatBytes, type SnapshotMetadata } from "../snapshot/snapshot-metadata.js";
import { SNAPSHOT_MANIFEST_FILE } from "../snapshot/snapshot-paths.js";
import type { SnapshotReport } from "../snapshot/take-snapshot.js";

/** `snapshot`'s lines: where it went, then per resource its files with their sizes, then the total. */
export function formatSnapshotReport(report: SnapshotReport): string[] {
  const { metadata } = report;
  const lines = [`snapshot '${metadata.name}' taken in ${seconds(report.ms)}: ${report.directory}`];
  for (const resource of metadata.resources) {
    const files = [...resource.volumes.map((v) => v.file), ...resource.exports.map((e) => e.file)];
    const sizes = files.map((file) => `${path.basename(file)} ${formatBytes(metadata.files[file]?.bytes ?? 0)}`);
    const skipped = resource.exportsSkipped ? ` (no schema export: ${resource.exportsSkipped})` : "";
    lines.push(`  ${resource.name}: ${formatBytes(bytesOf(metadata, resource.name))} (${sizes.join(", ")})${skipped}`);
  }
  lines.push(`  ${SNAPSHOT_MANIFEST_FILE} ${formatBytes(metadata.files[SNAPSHOT_MANIFEST_FILE]?.bytes ?? 0)}; total ${formatBytes(bytesOf(metadata))}`);
  return lines;
}

/** `snapshots`: one row per snapshot, oldest first: name, time, resources, size. */
export function formatSnapshotList(listings: readonly SnapshotListing[], directory: string): string[] {
  if (listings.length === 0) return [`no snapshots in ${directory}; take one with 'snapshot'`];
  const rows = listings.map((listing) => ("metadata" in listing ? row(listing.name, listing.metadata) : [listing.name, "-", listing.problem, "-"]));
  const table = [["NAME", "TIME (UTC)", "RESOURCES", "SIZE"], ...rows];
  const widths = [0, 1, 2].map((column) => Math.max(...table.map((cells) => cells[column]?.length ?? 0)));
  return [...table.map((cells) => cells.map((cell, column) => (column < 3 ? cell.padEnd(widths[column] ?? 0) : cell)).join("  ")), `(in ${directory})`];
}

/** A row names the folder, which is what `restore` takes (a copied snapshot keeps its metadata's name). */
function row(name: string, metadata: SnapshotMetadata): string[] {
  const time = metadata.createdAt.replace("T", " ").replace(/\.\d+Z$/, "Z");
  return [name, time, metadata.resources.map((r) => r.name).join(", "), formatBytes(bytesOf(metadata))];
}

/** `restore`'s lines: what was put back, what was stopped and started again, and any difference accepted with --force. */
export function formatRestoreReport(report: RestoreReport): string[] {
  const restored = report.restored.map((r) => `${r.name} (${formatBytes(r.bytes)}: ${r.volumes.join(", ")})`).join(", ");
  const lines = [`restored snapshot '${report.name}' in ${seconds(report.ms)}: ${restored}`];
  lines.push(report.stopped.length > 0 ? `  stopped and started again: ${report.stopped.join(", ")}` : "  nothing was running; the volumes were restored directly");
  for (const mismatch of report.mismatches) lines.push(`  restored despite (--force): ${mismatch}`);
  return lines;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
