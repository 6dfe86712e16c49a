// auth-api: started by the AppHost with `node --import tsx src/index.ts` and the injected environment.
import { startAuthApi } from "./start-auth-api.js";

const api = await startAuthApi(process.env);
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    void api.close().finally(() => process.exit(0));
  });
}
