import type { OrganisationView } from '@ansinh/domain'

/**
 * The organisation tree as the screen shows it, built from the API's flat list (parents before
 * children). Pure: the page and its tests share it.
 */

export type OrganisationNode = { organisation: OrganisationView; children: OrganisationNode[] }

/**
 * Nests the flat list. A root is an organisation whose parent the staff member does not see: the top
 * of an office's tree, or, for an organisation administrator, its own organisation.
 */
export function buildTree(items: readonly OrganisationView[]): OrganisationNode[] {
  const nodes = new Map<number, OrganisationNode>()
  for (const organisation of items) nodes.set(organisation.id, { organisation, children: [] })
  const roots: OrganisationNode[] = []
  for (const organisation of items) {
    const node = nodes.get(organisation.id) as OrganisationNode
    const parent = organisation.parentId === null ? undefined : nodes.get(organisation.parentId)
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

/** The ids above `id`, nearest first: the branches to open so that the chosen one shows. */
export function ancestorsOf(items: readonly OrganisationView[], id: number): number[] {
  const byId = new Map(items.map((item) => [item.id, item]))
  const ancestors: number[] = []
  let parentId = byId.get(id)?.parentId ?? null
  // A cycle cannot come from the server; the bound keeps a bad answer from hanging the page.
  while (parentId !== null && byId.has(parentId) && ancestors.length < items.length) {
    ancestors.push(parentId)
    parentId = byId.get(parentId)?.parentId ?? null
  }
  return ancestors
}

/** The branches open at first: the roots, and every branch down to the chosen organisation. */
export function initiallyExpanded(items: readonly OrganisationView[], chosen: number | null): Set<number> {
  const open = new Set(buildTree(items).map((root) => root.organisation.id))
  if (chosen !== null) for (const id of ancestorsOf(items, chosen)) open.add(id)
  return open
}

export type SubtreeOption = { id: number; name: string; depth: number }

/**
 * `rootId` and every organisation below it, parents first, `depth` counted from it: the choices of a
 * filter on one organisation of the subtree (a school of the district body).
 */
export function subtreeOf(items: readonly OrganisationView[], rootId: number): SubtreeOption[] {
  const walk = (node: OrganisationNode, depth: number): SubtreeOption[] => [
    { id: node.organisation.id, name: node.organisation.name, depth },
    ...node.children.flatMap((child) => walk(child, depth + 1)),
  ]
  const find = (nodes: readonly OrganisationNode[]): OrganisationNode | undefined => {
    for (const node of nodes) {
      if (node.organisation.id === rootId) return node
      const below = find(node.children)
      if (below) return below
    }
    return undefined
  }
  const root = find(buildTree(items))
  return root ? walk(root, 0) : []
}

/** Indents an option under its parent inside a `<select>`, where options take no styling. */
export function indented(option: { name: string; depth: number }): string {
  return `${'\u00a0\u00a0'.repeat(option.depth)}${option.name}`
}
