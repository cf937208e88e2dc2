/** A page's document title, most specific first: "Checkout beta · Segments · Production · Mobile app · Tributary". */
export function pageTitle(...parts: string[]): string {
  return [...parts, "Tributary"].join(" · ");
}
