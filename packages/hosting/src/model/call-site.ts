import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where the user's code called a builder method: the first stack frame outside bosun's packages. */
export interface CallSite {
  /** `file:line:column`, the file relative to the working directory when it lies inside it. */
  readonly location: string;
  /** The bosun method the user called there (`addRedis`, `waitFor`), when the frame names one. */
  readonly method: string | undefined;
}

/** Frames kept while capturing: enough to get from bosun's deepest builder call back to the user. */
const CAPTURED_FRAMES = 16;

/** `packages/` in this workspace, `node_modules/@bosun/` once installed: every bosun package lives here. */
const BOSUN_PACKAGES = path.resolve(fileURLToPath(new URL("../../..", import.meta.url)));

const FRAME = /^\s*at (?:(.*?) \()?(.+?):(\d+):(\d+)\)?$/;

/** Captured traces, formatted only when a problem needs their location. */
const traces = new WeakMap<object, { stack?: string }>();

/** Remembers where the user's code asked for `subject` (a resource or an annotation). */
export function recordCallSite(subject: object): void {
  traces.set(subject, captureTrace());
}

/** Where the user's code asked for `subject`, if recorded and the call came from outside bosun. */
export function callSiteOf(subject: object): CallSite | undefined {
  const trace = traces.get(subject);
  return trace ? userCallSite(trace) : undefined;
}

/** Where the user's code called into bosun right now. */
export function currentCallSite(): CallSite | undefined {
  return userCallSite(captureTrace());
}

function captureTrace(): { stack?: string } {
  const trace: { stack?: string } = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = CAPTURED_FRAMES;
  try {
    Error.captureStackTrace(trace, captureTrace);
  } finally {
    Error.stackTraceLimit = limit;
  }
  return trace;
}

function userCallSite(trace: { stack?: string }): CallSite | undefined {
  const frames = (trace.stack ?? "").split("\n").slice(1).map((line) => FRAME.exec(line)).filter((m) => m !== null);
  let method: string | undefined;
  for (const [, name, file = "", line, column] of frames) {
    const filePath = file.startsWith("file://") ? fileURLToPath(file) : file;
    if (isOutsideUserCode(filePath)) {
      method = methodName(name) ?? method;
      continue;
    }
    return { location: `${displayPath(filePath)}:${line}:${column}`, method };
  }
  return undefined;
}

/** Node's own modules, bosun's packages (source or compiled) and every installed package. */
function isOutsideUserCode(file: string): boolean {
  if (file.startsWith("node:") || !path.isAbsolute(file)) return true;
  return file.startsWith(BOSUN_PACKAGES + path.sep) || file.split(path.sep).includes("node_modules");
}

/** `RedisBuilder.withDataVolume [as withVolume]` → `withDataVolume`; constructors and anonymous frames name none. */
function methodName(frameName: string | undefined): string | undefined {
  if (!frameName || frameName.startsWith("new ")) return undefined;
  const name = frameName.replace(/^async /, "").replace(/ \[as .*\]$/, "").split(".").at(-1);
  return name && /^(add|with|wait|use|build|get)/.test(name) ? name : undefined;
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}
