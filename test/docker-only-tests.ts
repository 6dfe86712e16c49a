/**
 * Docker-project test files that exercise behaviour only Docker has, so the Podman run leaves them
 * out (they are not skipped: the `podman` project never includes them). docs/engines.md says why.
 */
export const DOCKER_ONLY_TESTS: readonly { readonly file: string; readonly why: string }[] = [
  { file: "test/publish-swarm.docker.test.ts", why: "deploys a stack to Docker Swarm (docker swarm init / docker stack deploy)" },
  { file: "test/publish-compose.docker.test.ts", why: "runs the published files with docker-compose 1.29" },
  { file: "test/compose-config.docker.test.ts", why: "validates the published files with docker-compose 1.29" },
  { file: "test/aspire-rabbitmq-sample.docker.test.ts", why: "runs Aspire's RabbitMQ sample, which fixes host port 15673: a Podman run side by side with Docker's would find it taken" },
];
