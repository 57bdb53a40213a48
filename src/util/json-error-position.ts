/** 1-based line and column. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Where a JSON text stops being valid JSON, as a line and column, so users are pointed at the
 * spot in their file. Node 20's `JSON.parse` messages often carry no position, so the text is
 * scanned here. Undefined when the text is valid JSON (or the error is not a syntax error).
 */
export function jsonErrorPosition({
  text,
}: {
  text: string;
  error?: unknown;
}): TextPosition | undefined {
  const offset = new JsonScanner(text).firstErrorOffset();
  if (offset === undefined) return undefined;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** A strict JSON scanner that only finds the offset of the first syntax error. */
class JsonScanner {
  #index = 0;
  readonly #text: string;

  constructor(text: string) {
    this.#text = text.replace(/^\uFEFF/, ' ');
  }

  firstErrorOffset(): number | undefined {
    try {
      this.#space();
      this.#value();
      this.#space();
      return this.#index < this.#text.length ? this.#index : undefined;
    } catch (error) {
      if (error instanceof ScanError) return error.offset;
      throw error;
    }
  }

  #value(): void {
    const char = this.#text[this.#index];
    if (char === '{' || char === '[') {
      this.#container(char === '{' ? '}' : ']', char === '{');
      return;
    }
    if (char === '"') {
      this.#string();
      return;
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      this.#text.slice(this.#index, this.#index + 400),
    );
    if (!literal) throw new ScanError(this.#index);
    this.#index += literal[0].length;
  }

  #container(close: string, keyed: boolean): void {
    this.#index++;
    this.#space();
    if (this.#text[this.#index] === close) {
      this.#index++;
      return;
    }
    for (;;) {
      if (keyed) {
        if (this.#text[this.#index] !== '"') throw new ScanError(this.#index);
        this.#string();
        this.#space();
        if (this.#text[this.#index] !== ':') throw new ScanError(this.#index);
        this.#index++;
        this.#space();
      }
      this.#value();
      this.#space();
      const char = this.#text[this.#index];
      this.#index++;
      if (char === close) return;
      if (char !== ',') throw new ScanError(this.#index - 1);
      this.#space();
    }
  }

  #string(): void {
    this.#index++;
    while (this.#index < this.#text.length) {
      const char = this.#text[this.#index]!;
      if (char === '"') {
        this.#index++;
        return;
      }
      if (char < ' ') throw new ScanError(this.#index);
      this.#index += char === '\\' ? 2 : 1;
    }
    throw new ScanError(this.#index);
  }

  #space(): void {
    while (/[ \t\n\r]/.test(this.#text[this.#index] ?? '')) this.#index++;
  }
}

class ScanError extends Error {
  constructor(readonly offset: number) {
    super(`invalid JSON at ${offset}`);
  }
}
