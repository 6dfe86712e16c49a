// gateway: started by the AppHost with `node --import tsx src/index.ts` and the injected environment.
import { startGateway } from "./start-gateway.js";

const gateway = await startGateway(process.env);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void gateway.close().finally(() => process.exit(0)));
}
