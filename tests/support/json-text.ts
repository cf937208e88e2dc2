/** Text to emit as it is while `toJsonText` walks a value. */
class RawText {
  constructor(readonly text: string) {}
}

/** JSON text for any value, also nested deeper than JSON.stringify's recursion allows (lone surrogates come out escaped). */
export function toJsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "null";
  } catch {
    // Deep nesting from `deeplyNestedValue`: write it out without recursion.
    const parts: string[] = [];
    const stack: unknown[] = [value];
    while (stack.length > 0) {
      const next = stack.pop();
      if (next instanceof RawText) {
        parts.push(next.text);
      } else if (Array.isArray(next)) {
        const items: readonly unknown[] = next;
        parts.push("[");
        stack.push(new RawText("]"));
        for (let index = items.length - 1; index >= 0; index--) {
          stack.push(items[index]);
          if (index > 0) stack.push(new RawText(","));
        }
      } else if (typeof next === "object" && next !== null) {
        const entries = Object.entries(next);
        parts.push("{");
        stack.push(new RawText("}"));
        for (let index = entries.length - 1; index >= 0; index--) {
          const [key, item] = entries[index] ?? ["", null];
          stack.push(item);
          stack.push(new RawText(`${JSON.stringify(key)}:`));
          if (index > 0) stack.push(new RawText(","));
        }
      } else {
        parts.push(JSON.stringify(next) ?? "null");
      }
    }
    return parts.join("");
  }
}
