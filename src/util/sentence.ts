/** Ends a message with one full stop: Dfns' own messages sometimes bring theirs ("Not Authorized."). */
export function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
