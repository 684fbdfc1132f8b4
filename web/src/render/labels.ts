/**
 * Which labels to draw: a greedy pass in screen space that never lets two labels overlap. Collapsed
 * networks come first, then landmarks (the networks of networks), then the biggest nodes; a label
 * is kept only where it fits. It replaces Sigma's label grid, which lets always-on labels pile up.
 */

export interface LabelCandidate {
  id: string;
  /** Node centre on screen (CSS pixels). */
  x: number;
  y: number;
  /** Node radius on screen. */
  radius: number;
  text: string;
  /** Lower first: 0 collapsed networks, 1 landmarks, 2 the rest. */
  tier: number;
  /** Order within the tier (landmark priority); ties go to the bigger node. */
  rank: number;
}

export interface LabelOptions {
  width: number;
  height: number;
  /** Line height of a label in pixels. */
  lineHeight: number;
  /** Free space kept around each label. */
  padding: number;
  /** Nodes drawn smaller than this get no label unless they are landmarks or collapsed networks. */
  minRadius: number;
}

export const DEFAULT_LABEL_OPTIONS: LabelOptions = { width: 0, height: 0, lineHeight: 14, padding: 3, minRadius: 3 };

const CELL = 64;

/** Picks the labels to draw; `measure` gives a text's width in pixels. */
export function pickLabels(
  candidates: LabelCandidate[],
  measure: (text: string) => number,
  options: Partial<LabelOptions> = {},
): Set<string> {
  const o = { ...DEFAULT_LABEL_OPTIONS, ...options };
  const ordered = candidates
    .filter((c) => c.text && (c.tier < 2 || c.radius >= o.minRadius))
    .filter((c) => c.x > -CELL && c.y > -CELL && c.x < o.width + CELL && c.y < o.height + CELL)
    .sort((a, b) => a.tier - b.tier || a.rank - b.rank || b.radius - a.radius || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const grid = new Map<string, [number, number, number, number][]>();
  const picked = new Set<string>();
  for (const c of ordered) {
    // Sigma draws a label to the right of its node, vertically centred.
    const box: [number, number, number, number] = [
      c.x + c.radius + 3 - o.padding,
      c.y - o.lineHeight / 2 - o.padding,
      c.x + c.radius + 3 + measure(c.text) + o.padding,
      c.y + o.lineHeight / 2 + o.padding,
    ];
    const cells: string[] = [];
    for (let gx = Math.floor(box[0] / CELL); gx <= Math.floor(box[2] / CELL); gx++) {
      for (let gy = Math.floor(box[1] / CELL); gy <= Math.floor(box[3] / CELL); gy++) cells.push(`${gx}:${gy}`);
    }
    const clash = cells.some((key) => grid.get(key)?.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3]));
    if (clash) continue;
    picked.add(c.id);
    for (const key of cells) {
      const list = grid.get(key);
      if (list) list.push(box);
      else grid.set(key, [box]);
    }
  }
  return picked;
}
