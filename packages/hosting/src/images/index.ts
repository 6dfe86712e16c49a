export { DOCKER_HUB_REGISTRY, ImageReference, parseImageReference } from "./image-reference.js";
export type { ImageReferenceParts } from "./image-reference.js";
export { IMAGE_MAP_VARIABLE, REGISTRY_MIRROR_VARIABLE, loadImageSubstitution } from "./image-substitution.js";
export type { ImageSubstitution, LoadImageSubstitutionOptions, SubstitutedImage } from "./image-substitution.js";
