import type { OfficeNode } from '@ansinh/domain'

export type OfficeOption = { code: string; name: string; depth: number }

/**
 * The office `root` and every office below it, each parent before its children: the offices an
 * administrator may place staff at (their reach, as the server computes it from the same tree).
 */
export function officesUnder(nodes: readonly OfficeNode[], root: string): OfficeOption[] {
  for (const node of nodes) {
    if (node.code === root) return flatten(node, 0)
    const below = officesUnder(node.children, root)
    if (below.length > 0) return below
  }
  return []
}

function flatten(node: OfficeNode, depth: number): OfficeOption[] {
  return [
    { code: node.code, name: node.name, depth },
    ...node.children.flatMap((child) => flatten(child, depth + 1)),
  ]
}
