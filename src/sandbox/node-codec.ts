// The Node learner channel: one JSON object per line. JSON can't carry typed arrays or
// NaN/±Infinity, so both are tagged: {"$ta":"f32","b64":…} and {"$num":"NaN"}.
const TAGS = { f32: Float32Array, i32: Int32Array, u8: Uint8Array } as const;
type Tag = keyof typeof TAGS;

export function encodeLine(value: unknown): string {
  return `${JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) return { $num: String(v) };
    if (v instanceof Float32Array || v instanceof Int32Array || v instanceof Uint8Array) {
      const tag: Tag = v instanceof Float32Array ? 'f32' : v instanceof Int32Array ? 'i32' : 'u8';
      return { $ta: tag, b64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
    }
    return v;
  })}\n`;
}

export function decodeLine(line: string): unknown {
  return JSON.parse(line, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o.$num === 'string' && Object.keys(o).length === 1) {
        return o.$num === 'NaN' ? NaN : o.$num === 'Infinity' ? Infinity : o.$num === '-Infinity' ? -Infinity : v;
      }
      if (typeof o.$ta === 'string' && typeof o.b64 === 'string' && Object.hasOwn(TAGS, o.$ta)) {
        const Ctor = TAGS[o.$ta as Tag];
        const bytes = Buffer.from(o.b64, 'base64');
        if (bytes.byteLength % Ctor.BYTES_PER_ELEMENT !== 0) return v;
        const copy = new Uint8Array(bytes.byteLength);
        copy.set(bytes);
        return new Ctor(copy.buffer);
      }
    }
    return v;
  });
}
