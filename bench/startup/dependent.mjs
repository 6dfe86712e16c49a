// The dependent of the start-up bench: a plain Node HTTP server, the same program whether bosun
// starts it or the bench's floor does. It answers once it listens; that moment ends a measurement.
import http from "node:http";

const server = http.createServer((_request, response) => response.end("ok"));
server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
process.on("SIGINT", () => server.close(() => process.exit(0)));
