// Digits drawn by hand as polylines on the pad's 280×280 canvas: what 放一个示例数字 puts on the
// pad (for keyboard users, and for a quick look without drawing).
type Stroke = readonly (readonly [number, number])[];

const arc = (cx: number, cy: number, rx: number, ry: number, from: number, to: number, steps = 24): Stroke =>
  Array.from({ length: steps + 1 }, (_, i) => {
    const a = from + ((to - from) * i) / steps;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)] as const;
  });

export const SAMPLES: readonly { digit: number; strokes: readonly Stroke[] }[] = [
  { digit: 7, strokes: [[[85, 70], [195, 70], [130, 215]], [[110, 140], [175, 140]]] },
  { digit: 0, strokes: [arc(140, 140, 55, 80, 0, 2 * Math.PI, 36)] },
  { digit: 1, strokes: [[[115, 95], [145, 65], [145, 215]]] },
  { digit: 3, strokes: [[...arc(135, 100, 50, 38, -Math.PI * 0.9, Math.PI * 0.5), ...arc(135, 178, 55, 40, -Math.PI * 0.5, Math.PI * 0.9)]] },
  { digit: 2, strokes: [[...arc(140, 105, 50, 42, -Math.PI, 0.25 * Math.PI), [90, 215], [195, 215]]] },
  { digit: 4, strokes: [[[165, 65], [85, 170], [200, 170]], [[165, 95], [165, 220]]] },
];
