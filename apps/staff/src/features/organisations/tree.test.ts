import type { OrganisationView } from '@ansinh/domain'
import { describe, expect, it } from 'vitest'
import { ancestorsOf, buildTree, indented, initiallyExpanded, subtreeOf } from './tree'

function organisation(id: number, parentId: number | null, name = `Tổ chức ${id}`): OrganisationView {
  return {
    id,
    code: `T${id}`,
    name,
    kind: parentId === null ? 'supervising_body' : 'school',
    parentId,
    officeCode: '07915',
    officeName: 'BHXH Quận 5',
    depth: 0,
    memberCount: 0,
    target: null,
    demo: false,
  }
}

// Phòng GD&ĐT (1) → two schools (2, 3), the first with a department (4); another office's tree (5).
const items = [
  organisation(1, null),
  organisation(2, 1),
  organisation(4, 2),
  organisation(3, 1),
  organisation(5, null),
]

describe('buildTree', () => {
  it('answers nothing for no organisations', () => {
    expect(buildTree([])).toEqual([])
  })

  it('nests children under their parents, in the order given', () => {
    const tree = buildTree(items)
    expect(tree.map((node) => node.organisation.id)).toEqual([1, 5])
    expect(tree[0]?.children.map((node) => node.organisation.id)).toEqual([2, 3])
    expect(tree[0]?.children[0]?.children.map((node) => node.organisation.id)).toEqual([4])
  })

  it('makes a root of an organisation whose parent is out of sight (an organisation administrator’s own)', () => {
    const tree = buildTree([organisation(2, 1), organisation(4, 2)])
    expect(tree.map((node) => node.organisation.id)).toEqual([2])
  })
})

describe('ancestorsOf', () => {
  it.each([
    [99, []],
    [1, []],
    [4, [2, 1]],
    [3, [1]],
  ])('%i → %j', (id, expected) => {
    expect(ancestorsOf(items, id)).toEqual(expected)
  })

  it('stops at a cycle instead of hanging', () => {
    expect(ancestorsOf([organisation(1, 2), organisation(2, 1)], 1)).toHaveLength(2)
  })
})

describe('initiallyExpanded', () => {
  it('opens the roots, and the branches down to the chosen organisation', () => {
    expect([...initiallyExpanded(items, null)].sort()).toEqual([1, 5])
    expect([...initiallyExpanded(items, 4)].sort()).toEqual([1, 2, 5])
  })
})

describe('subtreeOf', () => {
  it('answers nothing for an organisation out of sight', () => {
    expect(subtreeOf(items, 99)).toEqual([])
  })

  it('lists the organisation and everything below it, parents first, depth from it', () => {
    expect(subtreeOf(items, 1).map(({ id, depth }) => [id, depth])).toEqual([
      [1, 0],
      [2, 1],
      [4, 2],
      [3, 1],
    ])
    expect(subtreeOf(items, 2).map(({ id, depth }) => [id, depth])).toEqual([
      [2, 0],
      [4, 1],
    ])
  })

  it('indents with non-breaking spaces', () => {
    expect(indented({ name: 'Lớp 6A', depth: 2 })).toBe('\u00a0\u00a0\u00a0\u00a0Lớp 6A')
  })
})
