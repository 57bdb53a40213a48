/** A value read from the text, and the offset just after it. */
export type LooseJsonResult =
  | { ok: true; value: unknown; end: number }
  | { ok: false; message: string; offset: number };

/**
 * Reads one JSON value starting at `start`, forgiving what models get wrong: trailing commas,
 * `//` and `/* *\/` comments, single-quoted strings, unquoted keys, raw line breaks and tabs
 * inside strings, and Python's `True`, `False` and `None`. Text after the value is left alone
 * (`end` says where the value stopped). Anything cut off or ambiguous is refused with the offset
 * where reading failed: a truncated reply is never completed by guessing. Pure.
 */
export function parseLooseJson(text: string, start = 0): LooseJsonResult {
  const reader = new LooseReader(text, start);
  try {
    const value = reader.value();
    return { ok: true, value, end: reader.index };
  } catch (error) {
    if (!(error instanceof LooseJsonSyntaxError)) throw error;
    return { ok: false, message: error.message, offset: error.offset };
  }
}

class LooseJsonSyntaxError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

const words: Record<string, unknown> = {
  true: true,
  false: false,
  null: null,
  True: true,
  False: false,
  None: null,
};
const escapes: Record<string, string> = {
  '"': '"',
  "'": "'",
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

class LooseReader {
  index: number;
  readonly #text: string;
  #depth = 0;

  constructor(text: string, start: number) {
    this.#text = text;
    this.index = start;
  }

  value(): unknown {
    this.#space();
    const character = this.#text[this.index];
    if (character === '{') return this.#nested(() => this.#object());
    if (character === '[') return this.#nested(() => this.#array());
    if (character === '"' || character === "'") return this.#string();
    if (character !== undefined && /[-+\d.]/.test(character)) return this.#number();
    const word = /^[A-Za-z_$][\w$]*/.exec(this.#text.slice(this.index, this.index + 64))?.[0];
    if (word !== undefined && word in words) {
      this.index += word.length;
      return words[word];
    }
    throw this.#fail(
      character === undefined
        ? 'the text ends where a value should be'
        : `unexpected "${character}"`,
    );
  }

  #nested(read: () => unknown): unknown {
    // Deep nesting is no plan; stop well before the call stack would.
    if (++this.#depth > 200) throw this.#fail('nested too deeply');
    const value = read();
    this.#depth--;
    return value;
  }

  #object(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.index++;
    for (;;) {
      this.#space();
      if (this.#text[this.index] === '}') {
        this.index++;
        return result;
      }
      const key = this.#key();
      this.#space();
      if (this.#text[this.index] !== ':') throw this.#fail(`expected ":" after the key "${key}"`);
      this.index++;
      result[key] = this.value();
      this.#afterItem('}');
    }
  }

  #array(): unknown[] {
    const result: unknown[] = [];
    this.index++;
    for (;;) {
      this.#space();
      if (this.#text[this.index] === ']') {
        this.index++;
        return result;
      }
      result.push(this.value());
      this.#afterItem(']');
    }
  }

  /** After an item: a comma (perhaps trailing), or the closing bracket. */
  #afterItem(closing: string): void {
    this.#space();
    const character = this.#text[this.index];
    if (character === ',') this.index++;
    else if (character !== closing) {
      throw this.#fail(
        character === undefined
          ? `the text ends before "${closing}"`
          : `expected "," or "${closing}"`,
      );
    }
  }

  #key(): string {
    const character = this.#text[this.index];
    if (character === '"' || character === "'") return this.#string();
    const bare = /^[A-Za-z_$][\w$-]*/.exec(this.#text.slice(this.index, this.index + 200))?.[0];
    if (bare === undefined) throw this.#fail('expected a key');
    this.index += bare.length;
    return bare;
  }

  #string(): string {
    const quote = this.#text[this.index]!;
    const begin = this.index;
    this.index++;
    let result = '';
    for (;;) {
      const character = this.#text[this.index];
      if (character === undefined) throw this.#fail('a string is not closed', begin);
      this.index++;
      if (character === quote) return result;
      if (character !== '\\') {
        result += character;
        continue;
      }
      const escaped = this.#text[this.index];
      this.index++;
      if (escaped === 'u') {
        const hex = this.#text.slice(this.index, this.index + 4);
        if (!/^[\da-fA-F]{4}$/.test(hex)) throw this.#fail('a \\u escape needs four hex digits');
        result += String.fromCharCode(Number.parseInt(hex, 16));
        this.index += 4;
      } else if (escaped === '\n') {
        // A backslash before a line break continues the string.
      } else {
        result += escaped === undefined ? '' : (escapes[escaped] ?? escaped);
      }
    }
  }

  #number(): number {
    const match = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(
      this.#text.slice(this.index, this.index + 64),
    );
    if (!match) throw this.#fail('not a number');
    this.index += match[0].length;
    return Number(match[0]);
  }

  /** Skips white space and comments. */
  #space(): void {
    for (;;) {
      const rest = this.#text.slice(this.index, this.index + 2);
      if (/^\s/.test(rest)) this.index++;
      else if (rest === '//') {
        const end = this.#text.indexOf('\n', this.index);
        this.index = end < 0 ? this.#text.length : end + 1;
      } else if (rest === '/*') {
        const end = this.#text.indexOf('*/', this.index + 2);
        if (end < 0) throw this.#fail('a comment is not closed');
        this.index = end + 2;
      } else return;
    }
  }

  #fail(message: string, offset = this.index): LooseJsonSyntaxError {
    return new LooseJsonSyntaxError(`${message} at offset ${offset}`, offset);
  }
}
