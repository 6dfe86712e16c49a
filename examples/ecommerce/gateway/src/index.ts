// gateway: started by the AppHost with `node --import tsx src/index.ts` and the injected environment.
import { startGateway, type RunningGateway } from "./start-gateway.js";

let gateway: RunningGateway;
try {
  gateway = await startGateway(process.env);
} catch (error) {
  console.error(`gateway cannot start: ${(error as Error).message}`);
  process.exit(1);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void gateway.close().finally(() => process.exit(0)));
}
