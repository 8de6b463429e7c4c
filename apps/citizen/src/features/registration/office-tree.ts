/**
 * The BHXH office tree as the form uses it: the province offices (children of `000` BHXH Việt Nam)
 * and an index by code, and the "[079] BHXH TP. Hồ Chí Minh" labels of the seeds.
 */
import type { OfficeNode } from '@ansinh/domain'
import { useMemo } from 'react'
import { type Loaded, useOfficeTree } from './use-directory'

export type OfficeTreeIndex = {
  provinces: OfficeNode[]
  byCode: Map<string, OfficeNode>
  /** Grassroots office code → its province office. */
  parentOf: Map<string, OfficeNode>
}

export function officeLabel(node: { code: string; name: string }): string {
  return `[${node.code}] ${node.name}`
}

export function indexOfficeTree(roots: OfficeNode[]): OfficeTreeIndex {
  // The central office is not a place to bring papers: its children are the first level offered.
  const provinces = roots.flatMap((root) => (root.kind === 'central' ? root.children : [root]))
  const byCode = new Map<string, OfficeNode>()
  const parentOf = new Map<string, OfficeNode>()
  for (const province of provinces) {
    byCode.set(province.code, province)
    for (const child of province.children) {
      byCode.set(child.code, child)
      parentOf.set(child.code, province)
    }
  }
  return { provinces, byCode, parentOf }
}

/** The province office an office belongs to (itself for a province office). */
export function provinceOfficeOf(index: OfficeTreeIndex, code: string): OfficeNode | undefined {
  return (
    index.parentOf.get(code) ??
    (index.provinces.some((node) => node.code === code) ? index.byCode.get(code) : undefined)
  )
}

/** "[079] BHXH TP. Hồ Chí Minh → [07915] BHXH Quận 5", or the province office alone. */
export function officePath(index: OfficeTreeIndex, code: string): string {
  const node = index.byCode.get(code)
  if (!node) return code
  const parent = index.parentOf.get(code)
  return parent ? `${officeLabel(parent)} → ${officeLabel(node)}` : officeLabel(node)
}

export function useOfficeIndex(): Loaded<OfficeTreeIndex> {
  const tree = useOfficeTree()
  const data = tree.status === 'ok' ? tree.data : null
  const index = useMemo(() => (data ? indexOfficeTree(data.items) : null), [data])
  if (tree.status !== 'ok') return tree
  return { status: 'ok', data: index ?? indexOfficeTree(tree.data.items) }
}
