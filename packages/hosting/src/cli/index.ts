// @bosun/hosting/cli: the command-line front end. DistributedApplication.run() loads it for an
// AppHost script (runCommandLine); the `bosun` bin of the bosun package runs runBosunBin.
export { runBosunBin, type BosunBinOptions } from "./bosun-bin.js";
export { runCommandLine, type CommandLineOptions } from "./command-line.js";
export { EXIT_CODES } from "./exit-codes.js";
export type { ProgramOutput } from "./build-program.js";
