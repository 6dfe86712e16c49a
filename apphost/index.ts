// The reference AppHost: npx tsx apphost/index.ts [run|manifest|down]
import { createBuilder } from "bosun";
import { defineApp } from "./app.js";

const builder = createBuilder();
defineApp(builder);
await builder.build().run();
