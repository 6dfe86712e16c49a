#!/usr/bin/env node
// The `bosun` command: bosun [run|manifest|down] [apphost] [options]; bosun --help lists them.
import { runBosunBin } from "@bosun/hosting/cli";

const code = await runBosunBin(process.argv.slice(2), { preload: () => import("./index.js") });
// The AppHost sets its own exit code; only a usage error of the bin itself replaces it.
if (code !== 0) process.exitCode = code;
