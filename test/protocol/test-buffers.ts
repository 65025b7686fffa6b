/**
 * A tiny big-endian byte builder for golden vectors, in the style of node-postgres' pg-protocol
 * testing/test-buffers. It knows nothing about the codec (no imports from lib/protocol): expected bytes are
 * written field by field from the reference layouts, so a codec bug cannot hide in the expectation.
 */

export class Bytes {
  private readonly parts: Buffer[] = [];

  u8(v: number): this {
    const b = Buffer.alloc(1);
    b.writeUInt8(v);
    return this.push(b);
  }

  u16(v: number): this {
    const b = Buffer.alloc(2);
    b.writeUInt16BE(v);
    return this.push(b);
  }

  i16(v: number): this {
    const b = Buffer.alloc(2);
    b.writeInt16BE(v);
    return this.push(b);
  }

  u32(v: number): this {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(v);
    return this.push(b);
  }

  i32(v: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v);
    return this.push(b);
  }

  /** One byte per character, then the NUL terminator. */
  str(s: string): this {
    return this.push(Buffer.concat([Buffer.from(s, 'latin1'), Buffer.alloc(1)]));
  }

  /** One byte per character, no terminator. */
  chars(s: string): this {
    return this.push(Buffer.from(s, 'latin1'));
  }

  /** Hex digits; spaces are ignored ("00 52 00 0d"). */
  raw(hex: string): this {
    const clean = hex.replace(/\s+/g, '');
    if (!/^([0-9a-fA-F]{2})*$/.test(clean)) throw new Error(`Bytes.raw: not hex: ${hex}`);
    return this.push(Buffer.from(clean, 'hex'));
  }

  bytes(b: Uint8Array | Bytes): this {
    return this.push(b instanceof Bytes ? b.build() : Buffer.from(b));
  }

  get length(): number {
    return this.parts.reduce((n, p) => n + p.length, 0);
  }

  build(): Buffer {
    return Buffer.concat(this.parts);
  }

  private push(b: Buffer): this {
    this.parts.push(b);
    return this;
  }
}

function toBuffer(data: Uint8Array | Bytes): Buffer {
  return data instanceof Bytes ? data.build() : Buffer.from(data);
}

/**
 * One floating field: tag + length + data. Tag and length are one byte each before protocol version 20,
 * two bytes (USHORT) from version 20 on.
 */
export function floating(version: number, tag: number, data: Uint8Array | Bytes): Buffer {
  const d = toBuffer(data);
  const head = new Bytes();
  if (version < 20) {
    if (tag > 0xff || d.length > 0xff) throw new Error(`floating: tag ${tag} / length ${d.length} do not fit one byte`);
    head.u8(tag).u8(d.length);
  } else {
    head.u16(tag).u16(d.length);
  }
  return Buffer.concat([head.build(), d]);
}

/** Floating STRING field (data = characters + NUL). */
export function fstr(version: number, tag: number, s: string): Buffer {
  return floating(version, tag, new Bytes().str(s));
}

/** Floating UINT field. */
export function fu32(version: number, tag: number, v: number): Buffer {
  return floating(version, tag, new Bytes().u32(v));
}

/** Floating INT field. */
export function fi32(version: number, tag: number, v: number): Buffer {
  return floating(version, tag, new Bytes().i32(v));
}

/** Floating USHORT field. */
export function fu16(version: number, tag: number, v: number): Buffer {
  return floating(version, tag, new Bytes().u16(v));
}

/** A whole message: MessageLength (body bytes, header excluded) + MessageType + body. */
export function frame(type: number, body: Uint8Array | Bytes): Buffer {
  const b = toBuffer(body);
  return Buffer.concat([new Bytes().u32(b.length).u32(type).build(), b]);
}
