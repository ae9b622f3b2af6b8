/**
 * The stage-quiz answer colours, in the order the big screen and the phones both use: red,
 * blue, amber, green, then purple and teal for five- and six-option questions. Each goes with
 * its own shape (StageShape), so a player finds on the phone the answer the screen shows, by
 * shape as well as colour (colour-blind players, a washed-out LED wall).
 */
export const STAGE_COLOURS = ['#e21b3c', '#1368ce', '#d89e00', '#26890c', '#864cbf', '#0e8a8a'] as const;
/** A darker edge of each colour, for a pressed-button depth. */
const STAGE_EDGES = ['#a3112a', '#0d4d96', '#9c7200', '#1b6108', '#5f3290', '#095f5f'] as const;

export const stageColour = (index: number): string => STAGE_COLOURS[index % STAGE_COLOURS.length]!;
export const stageEdge = (index: number): string => STAGE_EDGES[index % STAGE_EDGES.length]!;
export const stageLetter = (index: number): string => 'ABCDEF'[index] ?? String(index + 1);
