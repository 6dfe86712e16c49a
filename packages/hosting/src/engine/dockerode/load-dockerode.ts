import { createRequire, Module } from "node:module";
import type Docker from "dockerode";

const require = createRequire(import.meta.url);

/**
 * dockerode, loaded on first use. Its BuildKit session support (gRPC and a protobuf loader: about
 * half of dockerode's import time) loads only when a BuildKit build asks for a session, which
 * running an app never does.
 */
export function loadDockerode(): typeof Docker {
  deferBuildKitSession();
  return require("dockerode") as typeof Docker;
}

/** Puts a stand-in for `dockerode/lib/session.js` in the module cache that loads the real one when called. */
function deferBuildKitSession(): void {
  let path: string;
  try {
    path = require.resolve("dockerode/lib/session.js");
  } catch {
    return; // Another dockerode layout: it loads in full, as it would anyway.
  }
  if (require.cache[path]) return;
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = (...args: unknown[]) => {
    if (require.cache[path] === standIn) delete require.cache[path];
    return (require(path) as (...args: unknown[]) => unknown)(...args);
  };
  require.cache[path] = standIn;
}
