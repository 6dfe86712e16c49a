/**
 * The image node and npm apps are built on by default: the official Node 20 image on Debian
 * bookworm (slim). It is mapped like every other image (BOSUN_IMAGE_MAP, BOSUN_REGISTRY_MIRROR);
 * images/offline/image-map.json maps it to bosun-offline/node:20.
 */
export const DEFAULT_NODE_BASE_IMAGE = "docker.io/library/node:20-bookworm-slim";

/** The tag a node or npm app is published as: `<app>-<service>:latest`. */
export function serviceImageName(appName: string, service: string): string {
  return `${appName}-${service}:latest`;
}
