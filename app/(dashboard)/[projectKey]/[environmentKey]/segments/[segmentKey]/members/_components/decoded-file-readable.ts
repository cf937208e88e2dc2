type Listener = (value?: unknown) => void;

/**
 * A File as the Node-style readable that papaparse streams from (`readable`, `read`, `on`, `pause`, `resume`), yielding
 * text decoded as one UTF-8 stream. papaparse's own File reader decodes each byte slice on its own, which turns a
 * character split across two slices into two U+FFFD: a key with such a character would be imported changed. The
 * decoder also drops a leading byte-order mark, and only that one.
 */
export class DecodedFileReadable {
  readonly readable = true;
  #listeners = new Map<string, Listener>();
  #paused = false;
  #wake: (() => void) | null = null;
  #started = false;
  #stopped = false;
  #bytesRead = 0;

  constructor(private readonly file: File) {}

  /** Share of the file's bytes read so far, 0..1. */
  get progress(): number {
    return this.file.size > 0 ? Math.min(1, this.#bytesRead / this.file.size) : 1;
  }

  read(): null {
    return null;
  }

  on(event: string, listener: Listener): this {
    this.#listeners.set(event, listener);
    // papaparse registers `data`, `end` and `error` in that order; start once all three are there.
    if (!this.#started && ["data", "end", "error"].every((name) => this.#listeners.has(name))) {
      this.#started = true;
      this.#pump().catch((error: unknown) => this.#emit("error", error));
    }
    return this;
  }

  removeListener(event: string): this {
    this.#listeners.delete(event);
    return this;
  }

  /** Stops reading the file (after a failure): papaparse's abort does not stop its input. */
  stop(): void {
    this.#stopped = true;
    this.resume();
  }

  /** papaparse does not pause its input when its handle pauses: the caller pauses both. */
  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    this.#paused = false;
    this.#wake?.();
    this.#wake = null;
  }

  #emit(event: string, value?: unknown): void {
    this.#listeners.get(event)?.(value);
  }

  async #pump(): Promise<void> {
    const decoder = new TextDecoder("utf-8");
    const reader = this.file.stream().getReader();
    for (;;) {
      while (this.#paused) await new Promise<void>((wake) => (this.#wake = wake));
      if (this.#stopped) {
        await reader.cancel();
        return;
      }
      const { done, value } = await reader.read();
      if (done) {
        const rest = decoder.decode();
        if (rest !== "") this.#emit("data", rest);
        this.#emit("end");
        return;
      }
      this.#bytesRead += value.byteLength;
      const text = decoder.decode(value, { stream: true });
      if (text !== "") this.#emit("data", text);
    }
  }
}
