/** Assignments with more operations than this show them under namespace rows. */
export const groupingThreshold = 8;

export interface NamespaceGroup {
  readonly namespace: string;
  readonly operations: readonly string[];
}

/** `Wallets` for `Wallets:Read`; an operation without a colon is its own namespace. */
export function namespaceOf(operation: string): string {
  const colon = operation.indexOf(":");
  return colon < 0 ? operation : operation.slice(0, colon);
}

/** Operations by namespace: namespaces sorted for scanning, operations in the API's order. */
export function groupByNamespace(operations: readonly string[]): NamespaceGroup[] {
  const groups = new Map<string, string[]>();
  for (const operation of operations) {
    const namespace = namespaceOf(operation);
    const group = groups.get(namespace);
    if (group) group.push(operation);
    else groups.set(namespace, [operation]);
  }
  return [...groups.keys()]
    .sort()
    .map((namespace) => ({ namespace, operations: groups.get(namespace) ?? [] }));
}

/**
 * Whether an assignment's operations are worth grouping: many of them, in more than one namespace
 * (a single namespace row would only add a click).
 */
export function shouldGroup(operations: readonly string[], enabled: boolean): boolean {
  return enabled && operations.length > groupingThreshold && groupByNamespace(operations).length > 1;
}
