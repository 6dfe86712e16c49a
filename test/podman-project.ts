/** Set to Podman's API address (unix:///run/podman/podman.sock) to add the `podman` Vitest project. */
export const PODMAN_HOST_VARIABLE = "BOSUN_PODMAN_HOST";
