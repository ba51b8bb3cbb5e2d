/**
 * Findings marked in the editor at most: a generated profile can have tens of thousands, and
 * Monaco slows to seconds per change under that many decorations. On its own so that the
 * problems list can say it without bringing the markers' code into the page's first JavaScript.
 */
export const MARKED_AT_MOST = 1000;
