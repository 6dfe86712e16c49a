// auth-api: started by the AppHost with `node --import tsx src/index.ts` and the injected environment.
import { startAuthApi, type RunningAuthApi } from "./start-auth-api.js";

let api: RunningAuthApi;
try {
  api = await startAuthApi(process.env);
} catch (error) {
  // One line that says what is wrong (a missing variable, an unreachable database), not a stack trace.
  console.error(`auth-api cannot start: ${(error as Error).message}`);
  process.exit(1);
}
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    void api.close().finally(() => process.exit(0));
  });
}
